#!/usr/bin/env python3
"""Reads a pylock.toml with packaging.pylock (packaging 26) and selects it for several environments.

Input (standard input, JSON): {"text": <pylock.toml>, "environments": [<PEP 508 marker environment>, ...]}.
The lock is validated (Pylock.from_dict, validate); then for each environment, Pylock.select with the CPython
tags of that environment's platform lists what would be installed.
Output (standard output, JSON): [{name: version, ...} per environment], or {"error": message} with exit 1.
Used by workers/formats/output/universal-exports.integration.test.ts (skipped without python3).
"""

import json
import sys
import tomllib

from packaging.pylock import Pylock
from packaging.tags import compatible_tags, cpython_tags

PLATFORM_TAGS = {
    ("linux", "x86_64"): ["manylinux_2_17_x86_64", "manylinux2014_x86_64", "linux_x86_64"],
    ("linux", "aarch64"): ["manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64"],
    ("darwin", "x86_64"): ["macosx_11_0_x86_64", "macosx_10_9_x86_64"],
    ("darwin", "arm64"): ["macosx_11_0_arm64"],
    ("win32", "AMD64"): ["win_amd64"],
    ("win32", "ARM64"): ["win_arm64"],
}


def main() -> None:
    request = json.load(sys.stdin)
    try:
        lock = Pylock.from_dict(tomllib.loads(request["text"]))
        lock.validate()
        out = []
        for env in request["environments"]:
            major, minor = (int(x) for x in env["python_version"].split("."))
            platforms = PLATFORM_TAGS[(env["sys_platform"], env["platform_machine"])]
            tags = list(cpython_tags((major, minor), platforms=platforms)) + list(compatible_tags((major, minor), f"cp{major}{minor}", platforms))
            out.append({package.name: str(package.version) for package, _ in lock.select(environment=env, tags=tags)})
    except Exception as error:  # noqa: BLE001 - any failure is the answer
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
        sys.exit(1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
