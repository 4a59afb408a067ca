#!/usr/bin/env python3
"""Golden vectors for workers/packaging/tags.ts, from packaging.tags itself.

For each target (see generate_environment_vectors.TARGETS) this reproduces ``packaging.tags.sys_tags()``
as it would run on that interpreter and machine, by feeding packaging's own building blocks the facts
that the machine would provide:

- platforms: ``tags._linux_platforms()`` with ``sysconfig.get_platform()`` = "linux-<arch>", the glibc
  version (``_manylinux._get_glibc_version``) or musl version (``_musllinux._get_musl_version``) of the
  target and the ELF ABI check passing; ``tags.mac_platforms((major, minor), arch)``; "win_amd64" /
  "win_arm64" (``sysconfig.get_platform()`` on Windows);
- CPython: ``tags.cpython_tags((X, Y), tags._cpython_abis((X, Y)), platforms)`` with the sysconfig
  variables of a release build (Py_DEBUG 0, WITH_PYMALLOC 1, Py_GIL_DISABLED 0/1), then
  ``compatible_tags((X, Y), "cpXY", platforms)`` — the body of ``sys_tags``;
- PyPy: ``generic_tags("ppXY", _generic_abi(), platforms)`` with EXT_SUFFIX ".pypyXY-pp73-<...>.so",
  then ``compatible_tags((X, Y), "pp3", platforms)``.

It also records packaging's ``parse_wheel_filename`` / ``parse_sdist_filename`` for real file names
(Poetry's PyPI API fixtures in /work/shared/data) and corner cases, and, for a catalogue of realistic
wheel names, the rank packaging's ``create_compatible_tags_selector`` logic gives them on each target.

Output: workers/packaging/vectors/tags.json, tags-filenames.json
Run: python3 scripts/vectors/generate_tag_vectors.py
"""

from __future__ import annotations

import glob
import json
import sysconfig
from pathlib import Path

import packaging
from packaging import _manylinux, _musllinux, tags
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    parse_sdist_filename,
    parse_wheel_filename,
)

from generate_environment_vectors import PYPY_VERSIONS, TARGETS

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "workers" / "packaging" / "vectors"
SAMPLES = Path("/work/shared/data/pypi-api-samples")


def version_pair(text: str) -> tuple[int, int]:
    parts = [int(p) for p in text.split(".")[:2]] + [0]
    return parts[0], parts[1]


def linux_platforms(arch: str, libc: str, libc_version: tuple[int, int]) -> list[str]:
    original = (sysconfig.get_platform, _manylinux._get_glibc_version, _manylinux._have_compatible_abi, _musllinux._get_musl_version)
    try:
        sysconfig.get_platform = lambda: f"linux-{arch}"
        _manylinux._have_compatible_abi = lambda executable, archs: True
        if libc == "glibc":
            _manylinux._get_glibc_version = lambda: _manylinux._GLibCVersion(*libc_version)
            _musllinux._get_musl_version = lambda executable: None
        else:
            _manylinux._get_glibc_version = lambda: _manylinux._GLibCVersion(-1, -1)
            _musllinux._get_musl_version = lambda executable: _musllinux._MuslVersion(*libc_version)
        return list(tags._linux_platforms(is_32bit=False))
    finally:
        (sysconfig.get_platform, _manylinux._get_glibc_version, _manylinux._have_compatible_abi, _musllinux._get_musl_version) = original


def target_platforms(target: dict) -> list[str]:
    cpu = "arm64" if target["arch"] in ("arm64", "aarch64") else "x86_64"
    if target["os"] == "linux":
        arch = "aarch64" if cpu == "arm64" else "x86_64"
        libc = target.get("libc", "glibc")
        default = "2.28" if libc == "glibc" else "1.2"
        version = target.get("glibcVersion" if libc == "glibc" else "muslVersion", default)
        return linux_platforms(arch, libc, version_pair(version))
    if target["os"] == "macos":
        return list(tags.mac_platforms(version_pair(target.get("macosVersion", "14.0")), cpu))
    return ["win_amd64" if cpu == "x86_64" else "win_arm64"]


def with_config(config: dict, fn):
    original = tags._get_config_var
    try:
        tags._get_config_var = lambda name, warn=False: config.get(name)
        return fn()
    finally:
        tags._get_config_var = original


def target_tags(target: dict) -> list[str]:
    platforms = target_platforms(target)
    py = version_pair(target["pythonVersion"])
    nodot = f"{py[0]}{py[1]}"
    if target["implementation"] == "cpython":
        config = {"Py_DEBUG": 0, "WITH_PYMALLOC": 1, "Py_GIL_DISABLED": 1 if target.get("freeThreaded") else 0}
        abis = with_config(config, lambda: tags._cpython_abis(py))
        result = list(tags.cpython_tags(py, abis, platforms))
        interpreter = f"cp{nodot}"
    else:
        impl = target.get("implementationVersion", PYPY_VERSIONS[f"{py[0]}.{py[1]}"])
        pp = "".join(impl.split(".")[:2])
        suffix = {"linux": "x86_64-linux-gnu.so", "macos": "darwin.so", "windows": "win_amd64.pyd"}[target["os"]]
        config = {"EXT_SUFFIX": f".pypy{nodot}-pp{pp}-{suffix}"}
        abis = with_config(config, tags._generic_abi)
        result = list(tags.generic_tags(f"pp{nodot}", abis, platforms))
        interpreter = "pp3"
    result += list(tags.compatible_tags(py, interpreter, platforms))
    return [str(t) for t in result]


def sample_filenames() -> list[str]:
    names: set[str] = set()
    for path in glob.glob(str(SAMPLES / "simple-json" / "pypi.org" / "*.json")):
        for f in json.load(open(path)).get("files", []):
            names.add(f["filename"])
    for path in glob.glob(str(SAMPLES / "release-json" / "*" / "*.json")):
        for f in json.load(open(path)).get("urls", []):
            names.add(f["filename"])
    return sorted(names)


# Realistic wheel names of the kinds PyPI serves (numpy, cryptography, orjson, pydantic-core, ...).
CATALOGUE = [
    "six-1.16.0-py2.py3-none-any.whl",
    "black-19.10b0-py36-none-any.whl",
    "futures-3.2.0-py2-none-any.whl",
    "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.1.0-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
    "numpy-2.1.0-cp312-cp312-musllinux_1_1_x86_64.whl",
    "numpy-2.1.0-cp312-cp312-musllinux_1_2_aarch64.whl",
    "numpy-2.1.0-cp312-cp312-macosx_14_0_arm64.whl",
    "numpy-2.1.0-cp312-cp312-macosx_11_0_arm64.whl",
    "numpy-2.1.0-cp312-cp312-macosx_10_13_x86_64.whl",
    "numpy-2.1.0-cp312-cp312-macosx_14_0_x86_64.whl",
    "numpy-2.1.0-cp312-cp312-win_amd64.whl",
    "numpy-2.1.0-cp312-cp312-win_arm64.whl",
    "numpy-2.1.0-cp312-cp312-win32.whl",
    "numpy-2.1.0-cp313-cp313t-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.1.0-cp313-cp313-manylinux_2_28_x86_64.whl",
    "numpy-2.1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.1.0-pp310-pypy310_pp73-macosx_14_0_arm64.whl",
    "numpy-2.1.0-pp310-pypy310_pp73-win_amd64.whl",
    "numpy-1.21.0-cp37-cp37m-manylinux_2_12_x86_64.manylinux2010_x86_64.whl",
    "numpy-1.21.0-cp38-cp38-manylinux_2_5_x86_64.manylinux1_x86_64.whl",
    "numpy-1.21.0-cp39-cp39-macosx_10_9_universal2.whl",
    "numpy-1.21.0-cp39-cp39-macosx_10_9_x86_64.whl",
    "cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl",
    "cryptography-43.0.0-cp39-abi3-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
    "cryptography-43.0.0-cp39-abi3-musllinux_1_2_x86_64.whl",
    "cryptography-43.0.0-cp39-abi3-macosx_10_9_universal2.whl",
    "cryptography-43.0.0-cp37-abi3-win_amd64.whl",
    "cryptography-43.0.0-cp39-abi3-manylinux_2_34_x86_64.whl",
    "cryptography-43.0.0-pp310-pypy310_pp73-manylinux_2_28_x86_64.whl",
    "orjson-3.10.0-cp312-cp312-macosx_10_15_x86_64.macosx_11_0_arm64.macosx_10_15_universal2.whl",
    "orjson-3.10.0-cp312-none-win_amd64.whl",
    "pydantic_core-2.20.0-cp312-none-win_arm64.whl",
    "pyyaml-6.0.1-cp311-cp311-manylinux_2_17_s390x.manylinux2014_s390x.whl",
    "psycopg2_binary-2.9.9-cp312-cp312-linux_x86_64.whl",
    "tomli-2.0.1-py3-none-any.whl",
    "typing_extensions-4.12.2-py3-none-any.whl",
    "zope.interface-6.0-cp312-cp312-macosx_11_0_arm64.whl",
    "debugpy-1.8.0-py2.py3-none-any.whl",
    "mypy-1.11.0-py3-none-any.whl",
    "ruff-0.6.0-py3-none-macosx_10_12_x86_64.macosx_11_0_arm64.macosx_10_12_universal2.whl",
    "ruff-0.6.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "ruff-0.6.0-py3-none-musllinux_1_2_aarch64.whl",
    "ruff-0.6.0-py3-none-win_arm64.whl",
    "foo-1.0-cp314-cp314-manylinux_2_39_x86_64.whl",
    "foo-1.0-cp311-cp311-manylinux_2_28_x86_64.whl",
    "foo-1.0-py312-none-any.whl",
    "foo-1.0-py313-none-any.whl",
    "foo-1.0-pp3-none-any.whl",
    "foo-1.0-1-py3-none-any.whl",
    "foo-1.0-jy27-none-any.whl",
    "foo-1.0-cp312-abi3t-manylinux_2_17_x86_64.whl",
    "foo-1.0-cp315-abi3t-manylinux_2_17_x86_64.whl",
]

CORNER_FILENAMES = [
    "foo-1.0-py3-none-any.whl",
    "Foo_Bar-1.0-py3-none-any.whl",
    "foo.bar-1.0-py3-none-any.whl",
    "foo__bar-1.0-py3-none-any.whl",
    "foo-bar-1.0-py3-none-any.whl",
    "foo-1.0-py3-none-any",
    "foo-1.0-py3-none-any.WHL",
    "foo-1.0-none-any.whl",
    "foo-1.0-1-2-py3-none-any.whl",
    "foo-1.0-1b-py3-none-any.whl",
    "foo-1.0-12_beta-py3-none-any.whl",
    "foo-1.0-b1-py3-none-any.whl",
    "foo-1.0-007-py3-none-any.whl",
    "foo-notaversion-py3-none-any.whl",
    "foo-1.0.post1.dev2+local-py3-none-any.whl",
    "foo-v1.0-py3-none-any.whl",
    "foo-1.0-PY3-NONE-ANY.whl",
    "foo-1.0-py2.py3-none-any.whl",
    "foo-1.0-py3.py2-none-any.whl",
    "foo-1.0-py2.py3.py2-none-any.whl",
    "foo-1.0-cp38.cp39-cp38.cp39-manylinux1_x86_64.manylinux2010_x86_64.whl",
    "foo-1.0-py3--any.whl",
    "foo-1.0-py3-none-.whl",
    "-1.0-py3-none-any.whl",
    "foo bar-1.0-py3-none-any.whl",
    "föö-1.0-py3-none-any.whl",
    "foo-1.0-py3-none-any.whl.whl",
]

CORNER_SDISTS = [
    "foo-1.0.tar.gz",
    "Foo_Bar-1.0.zip",
    "foo-bar-1.0.tar.gz",
    "foo-1.0.tar.bz2",
    "foo-1.0.tgz",
    "foo.tar.gz",
    "foo-bar.tar.gz",
    "foo-1.0rc1.post2.tar.gz",
    "-1.0.tar.gz",
    "foo-.tar.gz",
]


def wheel_result(filename: str, validate_order: bool) -> dict:
    try:
        name, version, build, tag_set = parse_wheel_filename(filename, validate_order=validate_order)
    except InvalidWheelFilename as e:
        return {"valid": False, "error": str(e)}
    return {
        "valid": True,
        "name": name,
        "version": str(version),
        "build": list(build) if build else None,
        "tags": sorted(str(t) for t in tag_set),
    }


def sdist_result(filename: str) -> dict:
    try:
        name, version = parse_sdist_filename(filename)
    except InvalidSdistFilename as e:
        return {"valid": False, "error": str(e)}
    return {"valid": True, "name": name, "version": str(version)}


def main() -> None:
    targets_out = {}
    ranks = {}
    for name, target in TARGETS.items():
        ordered = target_tags(target)
        targets_out[name] = {"target": target, "tags": ordered}
        index: dict[str, int] = {}
        for i, t in enumerate(ordered):
            index.setdefault(t, i)
        per_target = {}
        for filename in CATALOGUE:
            _, _, _, tag_set = parse_wheel_filename(filename)
            found = [index[str(t)] for t in tag_set if str(t) in index]
            per_target[filename] = min(found) if found else -1
        ranks[name] = per_target
    (OUT_DIR / "tags.json").write_text(
        json.dumps(
            {
                "oracle": f"packaging {packaging.__version__} packaging.tags (sys_tags composed per target; see script)",
                "targets": targets_out,
                "wheelRanks": ranks,
            },
            indent=0,
        )
        + "\n"
    )
    wheels = sorted(set(sample_filenames()) | set(CATALOGUE) | set(CORNER_FILENAMES))
    wheel_names = [f for f in wheels if f.endswith(".whl") or f in CORNER_FILENAMES]
    sdist_names = sorted({f for f in sample_filenames() if not f.endswith(".whl")} | set(CORNER_SDISTS))
    (OUT_DIR / "tags-filenames.json").write_text(
        json.dumps(
            {
                "oracle": f"packaging {packaging.__version__} packaging.utils.parse_wheel_filename / parse_sdist_filename",
                "source": "real file names from /work/shared/data/pypi-api-samples (Poetry's test fixtures, MIT, "
                "commit f46702336862f30050d5c641d5ed6f7568ded793) plus corner cases",
                "wheels": [
                    {"filename": f, "result": wheel_result(f, False), "validateOrder": wheel_result(f, True)}
                    for f in wheel_names
                ],
                "sdists": [{"filename": f, "result": sdist_result(f)} for f in sdist_names],
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )
    total = sum(len(t["tags"]) for t in targets_out.values())
    print(f"wrote tags.json ({len(TARGETS)} targets, {total} tags) and tags-filenames.json ({len(wheel_names)} wheels, {len(sdist_names)} sdists)")


if __name__ == "__main__":
    main()
