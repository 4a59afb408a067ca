#!/usr/bin/env python3
"""Golden vectors for workers/packaging/environment.ts: the PEP 508 marker environment of each target.

How the expected values are obtained
------------------------------------
Only one real interpreter runs here (CPython on x86_64 Linux), so the values for other platforms are
written down from what CPython and PyPy report on them (``sys.platform``, ``os.name``,
``platform.system()``, ``platform.machine()``: "AMD64"/"ARM64" on Windows, "arm64" on Apple silicon,
"aarch64" on ARM Linux; ``sys.implementation``; ``platform.python_implementation()``), in
``marker_environment`` below, independently of the TypeScript code. ``platform_release`` and
``platform_version`` are kernel-specific on a real machine; the targets use representative values
(documented in environment.ts) unless the target overrides them.

The table is anchored to reality: for the interpreter running this script, ``marker_environment`` of
the matching target (with the machine's kernel release/version as overrides) must equal
``packaging.markers.default_environment()`` exactly, and that recorded environment is written to the
vectors too (``recorded``).

Output: workers/packaging/vectors/environments.json
Run: python3 scripts/vectors/generate_environment_vectors.py
"""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import packaging
from packaging.markers import default_environment

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "workers" / "packaging" / "vectors" / "environments.json"

# Last PyPy release of each Python line (implementation_version when a target does not give one).
PYPY_VERSIONS = {"3.6": "7.3.3", "3.7": "7.3.9", "3.8": "7.3.11", "3.9": "7.3.16", "3.10": "7.3.19", "3.11": "7.3.20"}

# Representative kernel strings (a real machine reports its own).
LINUX_RELEASE, LINUX_VERSION = "6.8.0", "#1 SMP PREEMPT_DYNAMIC"
WINDOWS_RELEASE, WINDOWS_VERSION = "10", "10.0.19045"

# Targets as the TypeScript API spells them (TargetEnvironment), shared with the marker and tag vectors.
TARGETS: dict[str, dict] = {
    "cpython-3.8-linux-x86_64": {"implementation": "cpython", "pythonVersion": "3.8", "os": "linux", "arch": "x86_64", "glibcVersion": "2.28"},
    "cpython-3.12-linux-x86_64": {"implementation": "cpython", "pythonVersion": "3.12", "os": "linux", "arch": "x86_64", "glibcVersion": "2.28"},
    "cpython-3.13-linux-x86_64-glibc2.17": {"implementation": "cpython", "pythonVersion": "3.13", "os": "linux", "arch": "x86_64", "glibcVersion": "2.17"},
    "cpython-3.12-linux-aarch64": {"implementation": "cpython", "pythonVersion": "3.12", "os": "linux", "arch": "aarch64", "glibcVersion": "2.28"},
    "cpython-3.12-linux-aarch64-glibc2.17": {"implementation": "cpython", "pythonVersion": "3.12", "os": "linux", "arch": "aarch64", "glibcVersion": "2.17"},
    "cpython-3.12-linux-x86_64-musl1.2": {"implementation": "cpython", "pythonVersion": "3.12", "os": "linux", "arch": "x86_64", "libc": "musl", "muslVersion": "1.2"},
    "cpython-3.11-linux-aarch64-musl1.1": {"implementation": "cpython", "pythonVersion": "3.11", "os": "linux", "arch": "aarch64", "libc": "musl", "muslVersion": "1.1"},
    "cpython-3.12-macos11-arm64": {"implementation": "cpython", "pythonVersion": "3.12", "os": "macos", "arch": "arm64", "macosVersion": "11.0"},
    "cpython-3.12-macos14-arm64": {"implementation": "cpython", "pythonVersion": "3.12.4", "os": "macos", "arch": "arm64", "macosVersion": "14.5"},
    "cpython-3.12-macos11-x86_64": {"implementation": "cpython", "pythonVersion": "3.12", "os": "macos", "arch": "x86_64", "macosVersion": "11.0"},
    "cpython-3.13-macos14-x86_64": {"implementation": "cpython", "pythonVersion": "3.13", "os": "macos", "arch": "x86_64", "macosVersion": "14.0"},
    "cpython-3.9-macos10.15-x86_64": {"implementation": "cpython", "pythonVersion": "3.9", "os": "macos", "arch": "x86_64", "macosVersion": "10.15"},
    "cpython-3.14-macos26-arm64": {"implementation": "cpython", "pythonVersion": "3.14", "os": "macos", "arch": "arm64", "macosVersion": "26.0"},
    "cpython-3.8-windows-x86_64": {"implementation": "cpython", "pythonVersion": "3.8.10", "os": "windows", "arch": "x86_64"},
    "cpython-3.12-windows-x86_64": {"implementation": "cpython", "pythonVersion": "3.12", "os": "windows", "arch": "x86_64"},
    "cpython-3.13-windows-arm64": {"implementation": "cpython", "pythonVersion": "3.13", "os": "windows", "arch": "arm64"},
    "pypy-3.10-linux-x86_64": {"implementation": "pypy", "pythonVersion": "3.10", "os": "linux", "arch": "x86_64", "glibcVersion": "2.28"},
    "pypy-3.10-linux-aarch64": {"implementation": "pypy", "pythonVersion": "3.10.14", "os": "linux", "arch": "aarch64", "glibcVersion": "2.28", "implementationVersion": "7.3.16"},
    "pypy-3.9-macos14-arm64": {"implementation": "pypy", "pythonVersion": "3.9", "os": "macos", "arch": "arm64", "macosVersion": "14.0"},
    "pypy-3.10-windows-x86_64": {"implementation": "pypy", "pythonVersion": "3.10", "os": "windows", "arch": "x86_64"},
    "cpython-3.13t-linux-x86_64": {"implementation": "cpython", "pythonVersion": "3.13", "os": "linux", "arch": "x86_64", "glibcVersion": "2.28", "freeThreaded": True},
    "cpython-3.7-linux-x86_64-glibc2.17": {"implementation": "cpython", "pythonVersion": "3.7", "os": "linux", "arch": "x86_64", "glibcVersion": "2.17"},
    "cpython-3.14-linux-x86_64-glibc2.39": {"implementation": "cpython", "pythonVersion": "3.14", "os": "linux", "arch": "x86_64", "glibcVersion": "2.39"},
    "cpython-3.14rc1-linux-x86_64": {"implementation": "cpython", "pythonVersion": "3.14.0rc1", "os": "linux", "arch": "x86_64", "glibcVersion": "2.28"},
}


def darwin_release(major: int, minor: int) -> str:
    """Darwin kernel of a macOS release: 10.x -> x+4, 11..15 -> major+9, 26 (Tahoe) and later -> major-1."""
    if major == 10:
        return f"{minor + 4}.0.0"
    if major <= 15:
        return f"{major + 9}.{minor}.0"
    return f"{major - 1}.{minor}.0"


def marker_environment(target: dict) -> dict[str, str]:
    """What packaging.markers.default_environment() returns on an interpreter matching the target."""
    python = target["pythonVersion"]
    parts = python.split(".")
    major_minor = ".".join(parts[:2])
    full = python if len(parts) == 3 else f"{major_minor}.0"
    os_ = target["os"]
    arch = target["arch"]
    if target["implementation"] == "cpython":
        implementation_version = full
    else:
        implementation_version = target.get("implementationVersion", PYPY_VERSIONS.get(major_minor, "7.3.20"))
    if os_ == "linux":
        machine = "aarch64" if arch in ("aarch64", "arm64") else "x86_64"
        release, version = LINUX_RELEASE, LINUX_VERSION
    elif os_ == "macos":
        machine = "arm64" if arch in ("aarch64", "arm64") else "x86_64"
        mac = [int(p) for p in target.get("macosVersion", "14.0").split(".")] + [0]
        release = darwin_release(mac[0], mac[1])
        version = f"Darwin Kernel Version {release}"
    else:
        machine = "ARM64" if arch in ("aarch64", "arm64") else "AMD64"
        release, version = WINDOWS_RELEASE, WINDOWS_VERSION
    return {
        "implementation_name": target["implementation"],
        "implementation_version": implementation_version,
        "os_name": "nt" if os_ == "windows" else "posix",
        "platform_machine": machine,
        "platform_release": target.get("platformRelease", release),
        "platform_system": {"linux": "Linux", "macos": "Darwin", "windows": "Windows"}[os_],
        "platform_version": target.get("platformVersion", version),
        "python_full_version": full,
        "platform_python_implementation": {"cpython": "CPython", "pypy": "PyPy"}[target["implementation"]],
        "python_version": major_minor,
        "sys_platform": {"linux": "linux", "macos": "darwin", "windows": "win32"}[os_],
    }


def recorded_target() -> dict:
    """The target describing the interpreter running this script (CPython on Linux only)."""
    assert sys.implementation.name == "cpython" and sys.platform == "linux", "record on CPython/Linux"
    return {
        "implementation": "cpython",
        "pythonVersion": platform.python_version(),
        "os": "linux",
        "arch": platform.machine(),
        "platformRelease": platform.release(),
        "platformVersion": platform.version(),
    }


def main() -> None:
    recorded = recorded_target()
    real = dict(default_environment())
    mine = marker_environment(recorded)
    if mine != real:
        raise SystemExit(f"marker_environment disagrees with this interpreter:\n{mine}\n{real}")
    out = {
        "oracle": f"packaging {packaging.__version__} default_environment() on CPython {platform.python_version()} "
        f"{platform.system()} {platform.machine()} (recorded); other targets from the table in "
        "scripts/vectors/generate_environment_vectors.py",
        "recorded": {"target": recorded, "environment": real},
        "targets": {name: {"target": t, "environment": marker_environment(t)} for name, t in TARGETS.items()},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(TARGETS)} targets + 1 recorded")


if __name__ == "__main__":
    main()
