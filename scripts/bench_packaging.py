#!/usr/bin/env python3
"""Reference timings for scripts/bench-packaging.ts: python `packaging` on the same inputs.

Usage: python3 scripts/bench_packaging.py INPUTS.json  (written by bench-packaging.ts)
Prints one JSON object: {"packaging": version, "python": version, "results": {name: {"cpu": ms, "wall": ms}}}.
"""

from __future__ import annotations

import json
import platform
import sys
import time

import packaging
from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version


def best_of(runs: int, fn) -> dict[str, float]:
    """Best CPU time and best wall time (ms) over `runs` runs: CPU time is robust on a shared machine."""
    best_cpu = best_wall = float("inf")
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        fn()
        best_cpu = min(best_cpu, (time.process_time() - cpu) * 1000)
        best_wall = min(best_wall, (time.perf_counter() - wall) * 1000)
    return {"cpu": best_cpu, "wall": best_wall}


def main() -> None:
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    parse_strings: list[str] = data["parseStrings"]
    parse_iterations: int = data["parseIterations"]
    sort_strings: list[str] = data["sortStrings"]
    cases: list[dict] = data["containsCases"]
    runs: int = data["runs"]

    def parse_all() -> None:
        for _ in range(parse_iterations):
            for s in parse_strings:
                try:
                    Version(s)
                except InvalidVersion:
                    pass

    to_sort = [Version(s) for s in sort_strings]

    def sort_all() -> None:
        sorted(to_sort)

    sets = [(SpecifierSet(c["specifier"]), c["versions"]) for c in cases]

    def contains_all() -> int:
        n = 0
        for spec, versions in sets:
            for v in versions:
                if spec.contains(v):
                    n += 1
        return n

    def build_sets() -> None:
        for c in cases:
            SpecifierSet(c["specifier"])

    checks = {
        "sorted": [str(v) for v in sorted(to_sort)][:: max(1, len(to_sort) // 1000)],
        "containsCount": contains_all(),
    }
    results = {
        "parse": best_of(runs, parse_all),
        "sort": best_of(runs, sort_all),
        "contains": best_of(runs, contains_all),
        "specifierSets": best_of(runs, build_sets),
    }
    print(json.dumps({
        "packaging": packaging.__version__,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "results": results,
        "checks": checks,
    }))


if __name__ == "__main__":
    main()
