#!/usr/bin/env python3
"""Golden vectors for workers/packaging/marker-space.ts: markers evaluated by packaging on a grid of CPython environments.

Every valid marker of markers.json (the distinct markers PyPI's dependency snapshots use) plus hand-written corners
(python_version against patch versions, reversed comparisons, `in`, `~=`, wildcards, platform variables that agree
or not, implementation variables) is evaluated with ``Marker.evaluate`` in each of 6 platforms (Linux x86_64/aarch64,
macOS x86_64/arm64, Windows AMD64/ARM64) x 14 CPython versions, and with ``extra`` set to "" and to "test".
Results are one character per environment in the order of ``environments`` ("1" true, "0" false, "E" raised).

Output: workers/packaging/vectors/marker-space.json
Run: python3 scripts/vectors/generate_marker_space_vectors.py
"""

from __future__ import annotations

import json
from pathlib import Path

import packaging
from packaging.markers import Marker

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "workers" / "packaging" / "vectors"

PLATFORMS = [
    ("linux", "Linux", "posix", "x86_64"),
    ("linux", "Linux", "posix", "aarch64"),
    ("darwin", "Darwin", "posix", "x86_64"),
    ("darwin", "Darwin", "posix", "arm64"),
    ("win32", "Windows", "nt", "AMD64"),
    ("win32", "Windows", "nt", "ARM64"),
]
PYTHONS = ["2.7.18", "3.6.15", "3.7.0", "3.8.10", "3.9.0", "3.9.7", "3.10.0", "3.10.1", "3.10.12", "3.11.4", "3.12.0", "3.13.1", "3.14.0", "3.20.2"]

CORNERS = [
    "python_version == '3.10'",
    "python_version == '3.10.*'",
    "python_version != '3.10'",
    "python_version > '3.9'",
    "python_version <= '3.9'",
    "python_version < '3.9.1'",
    "python_version >= '3.9.1'",
    "python_version ~= '3.9'",
    "python_version in '3.8 3.9'",
    "python_version not in '3.10, 3.11'",
    "'3.9' < python_version",
    "'3.10' >= python_version",
    "python_full_version >= '3.10.1'",
    "python_full_version < '3.10.1' or python_full_version >= '3.12'",
    "python_full_version == '3.9.*'",
    "python_full_version ~= '3.10.1'",
    "python_full_version != '3.10.0'",
    "python_full_version == '3.9b1'",
    "implementation_version >= '3.11'",
    "sys_platform == 'win32' or python_version < '3.10'",
    "(sys_platform == 'darwin' and platform_machine == 'arm64') or (sys_platform == 'linux' and platform_machine == 'aarch64')",
    "platform_machine in 'x86_64 AMD64'",
    "platform_machine not in 'x86_64 AMD64' and os_name == 'posix'",
    "os_name == 'nt' and python_version < '3.12'",
    "platform_system != 'Windows' and platform_system != 'Darwin'",
    "sys_platform != 'linux' and python_version >= '3.11' or sys_platform == 'linux' and python_version < '3.11'",
    "implementation_name == 'cpython' and sys_platform == 'linux'",
    "platform_python_implementation != 'PyPy' or python_version < '3.8'",
    "implementation_name == 'pypy'",
    "sys_platform == 'cygwin'",
    "sys_platform != 'cygwin' and python_version >= '3'",
    "extra == 'test' and sys_platform == 'win32'",
    "extra == 'test' or python_version < '3.10'",
    "extra != 'test' and sys_platform == 'darwin'",
]


def environments() -> list[dict[str, str]]:
    out = []
    for sys_platform, system, os_name, machine in PLATFORMS:
        for full in PYTHONS:
            major, minor = full.split(".")[:2]
            out.append(
                {
                    "implementation_name": "cpython",
                    "implementation_version": full,
                    "os_name": os_name,
                    "platform_machine": machine,
                    "platform_python_implementation": "CPython",
                    "platform_release": "",
                    "platform_system": system,
                    "platform_version": "",
                    "python_full_version": full,
                    "python_version": f"{major}.{minor}",
                    "sys_platform": sys_platform,
                }
            )
    return out


def evaluate(marker: Marker, env: dict[str, str]) -> str:
    try:
        return "1" if marker.evaluate(env) else "0"
    except Exception:  # noqa: BLE001 - any raise is recorded as "E"
        return "E"


def main() -> None:
    real = json.loads((VECTORS / "markers.json").read_text())["markers"]
    texts = [m["marker"] for m in real if m["valid"]] + CORNERS
    envs = environments()
    cases = []
    for text in texts:
        marker = Marker(text)
        results = {extra: "".join(evaluate(marker, {**env, "extra": extra}) for env in envs) for extra in ["", "test"]}
        cases.append({"marker": text, "results": results})
    out = {"oracle": f"packaging {packaging.__version__}", "environments": envs, "cases": cases}
    (VECTORS / "marker-space.json").write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {len(cases)} markers x {len(envs)} environments")


if __name__ == "__main__":
    main()
