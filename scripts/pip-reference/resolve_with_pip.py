"""pip reference resolver: runs pip 23.2's resolvelib with pip's policy over Tangle's snapshots (golden vectors and benchmark timings)."""

# Usage (from the repository root):
#   python3 scripts/pip-reference/resolve_with_pip.py --generate
#       resolve every case of scripts/pip-reference/cases.json and write
#       workers/resolve/golden/pip-agreement.json (deterministic, no timings)
#   python3 scripts/pip-reference/resolve_with_pip.py --bench [--repeat N] [--case ID ...]
#       print {"cases": [{id, status, ms: [...], ...}]} as JSON on stdout
#   python3 scripts/pip-reference/resolve_with_pip.py --show ID
#       resolve one case and print its full record
# Progress goes to stderr; stdout carries only JSON.

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from typing import Dict, List, Optional

import packaging
import pip
from pip._vendor import resolvelib
from pip._vendor.resolvelib import BaseReporter, ResolutionImpossible, ResolutionTooDeep, Resolver

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pip_provider import BaseCandidate, ExtrasCandidate, PipProvider  # noqa: E402
from snapshot_index import Snapshot, load_snapshot  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SNAPSHOT_DIR = os.path.join(REPO, "scripts", "data", "snapshots")
CASES_FILE = os.path.join(HERE, "cases.json")
GOLDEN_FILE = os.path.join(REPO, "workers", "resolve", "golden", "pip-agreement.json")

# pip 23.2 resolver.py: `limit_how_complex_resolution_can_be = 200000`
MAX_ROUNDS = 200000
DEFAULT_TIMEOUT_S = 60.0
# A case whose `environment` is this takes the markers recorded in its snapshot file.
FROM_SNAPSHOT = "from-snapshot"


class Timeout(Exception):
    """Raised from the reporter when a case exceeds its wall-clock budget."""


class CountingReporter(BaseReporter):
    """Counts rounds, backjumps and rejected candidates; enforces the wall-clock limit."""

    def __init__(self, deadline: float, trace: bool = False) -> None:
        self.rounds = 0
        self.backtracks = 0
        self.rejected = 0
        self._deadline = deadline
        # With trace, every pin in order as "name==version" (validate_against_pip.py).
        self.pinned: Optional[List[str]] = [] if trace else None

    def _check_clock(self) -> None:
        if time.perf_counter() > self._deadline:
            raise Timeout()

    def starting_round(self, index: int) -> None:
        self.rounds = index + 1
        self._check_clock()

    def resolving_conflicts(self, causes) -> None:
        self.backtracks += 1

    def rejecting_candidate(self, criterion, candidate) -> None:
        # pip's PipReporter counts these as "backtracking" messages.
        self.rejected += 1
        self._check_clock()

    def pinning(self, candidate) -> None:
        if self.pinned is not None:
            self.pinned.append(repr(candidate))


def resolve_case(
    snapshot: Snapshot, requirements: List[str], environment: Dict[str, str], timeout_s: float, trace: bool = False
) -> dict:
    """Resolve one requirement set; return status, pins, extras, counters and elapsed ms."""
    provider = PipProvider(snapshot, environment)
    roots = provider.root_requirements(requirements)
    start = time.perf_counter()
    reporter = CountingReporter(start + timeout_s, trace)
    resolver = Resolver(provider, reporter)
    record: dict = {"pins": {}, "extras": {}}
    try:
        result = resolver.resolve(roots, max_rounds=MAX_ROUNDS)
    except ResolutionImpossible as e:
        record["status"] = "unsatisfiable"
        record["conflict"] = [
            {"requirement": str(cause.requirement), "parent": repr(cause.parent) if cause.parent else None}
            for cause in e.causes
        ]
    except ResolutionTooDeep:
        record["status"] = "too-deep"
    except Timeout:
        record["status"] = "timeout"
    else:
        record["status"] = "resolved"
        extras: Dict[str, set] = {}
        for candidate in result.mapping.values():
            if isinstance(candidate, BaseCandidate):
                record["pins"][candidate.project_name] = str(candidate.version)
            elif isinstance(candidate, ExtrasCandidate):
                extras.setdefault(candidate.project_name, set()).update(candidate.extras)
            # The Requires-Python pseudo-candidate is not a package: left out.
        record["extras"] = {name: sorted(e) for name, e in extras.items()}
    record["ms"] = (time.perf_counter() - start) * 1000.0
    record["rounds"] = reporter.rounds
    record["backtracks"] = reporter.backtracks
    record["rejected"] = reporter.rejected
    if reporter.pinned is not None:
        record["pinSequence"] = reporter.pinned
    if provider.marker_errors:
        record["skippedMarkers"] = sorted(provider.marker_errors)
    return record


class Workspace:
    """Cases file, environments and lazily loaded snapshots."""

    def __init__(self) -> None:
        with open(CASES_FILE, encoding="utf-8") as f:
            data = json.load(f)
        self.environments: Dict[str, Dict[str, str]] = data["environments"]
        self.default_environment: str = data["defaultEnvironment"]
        self.cases: List[dict] = data["cases"]
        self._snapshots: Dict[str, Snapshot] = {}
        self.load_ms: Dict[str, float] = {}
        ids = [c["id"] for c in self.cases]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise SystemExit(f"{CASES_FILE}: duplicate case ids: {', '.join(duplicates)}")

    def snapshot(self, file: str) -> Snapshot:
        if file not in self._snapshots:
            start = time.perf_counter()
            self._snapshots[file] = load_snapshot(os.path.join(SNAPSHOT_DIR, file))
            self.load_ms[file] = (time.perf_counter() - start) * 1000.0
        return self._snapshots[file]

    def environment_of(self, case: dict) -> tuple:
        """(name, markers) of the environment a case resolves for."""
        name = case.get("environment", self.default_environment)
        if name == FROM_SNAPSHOT:
            markers = self.snapshot(case["snapshot"]).benchmark_markers
            if markers is None:
                raise SystemExit(f"case {case['id']}: {case['snapshot']} records no environment")
            return os.path.splitext(case["snapshot"])[0], markers
        return name, self.environments[name]

    def requirements_of(self, case: dict) -> List[str]:
        if "requirements" in case:
            return case["requirements"]
        recorded = self.snapshot(case["snapshot"]).benchmark_requirements
        if recorded is None:
            raise SystemExit(f"case {case['id']}: no requirements and {case['snapshot']} records none")
        return recorded

    def select(self, ids: Optional[List[str]]) -> List[dict]:
        if not ids:
            return self.cases
        known = {c["id"]: c for c in self.cases}
        missing = [i for i in ids if i not in known]
        if missing:
            raise SystemExit(f"unknown case id(s): {', '.join(missing)}")
        return [known[i] for i in ids]


def reference_versions() -> dict:
    return {
        "pip": pip.__version__,
        "resolvelib": resolvelib.__version__,
        "packaging": packaging.__version__,
        "python": ".".join(map(str, sys.version_info[:3])),
    }


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def generate(ws: Workspace, timeout_s: float) -> None:
    """Resolve every case and write the golden file (sorted keys, no timings)."""
    out_cases = []
    environments: Dict[str, Dict[str, str]] = {}
    summary = {"resolved": 0, "unsatisfiable": 0, "too-deep": 0, "timeout": 0}
    for case in ws.cases:
        env_name, markers = ws.environment_of(case)
        environments[env_name] = markers
        requirements = ws.requirements_of(case)
        record = resolve_case(ws.snapshot(case["snapshot"]), requirements, markers, timeout_s)
        summary[record["status"]] += 1
        log(f"{case['id']:<40} {record['status']:<14} {record['ms']:9.1f} ms {record['rounds']:7d} rounds")
        record.pop("ms")
        if record["status"] == "timeout":
            # How far it got depends on the machine: keep only the verdict.
            for counter in ("rounds", "backtracks", "rejected"):
                del record[counter]
        out_cases.append(
            {
                "id": case["id"],
                "snapshot": case["snapshot"],
                "environment": env_name,
                "requirements": requirements,
                "note": case["note"],
                **record,
            }
        )
    golden = {
        "generatedBy": "python3 scripts/pip-reference/resolve_with_pip.py --generate",
        "reference": {**reference_versions(), "maxRounds": MAX_ROUNDS, "timeoutSeconds": timeout_s},
        "environments": environments,
        "snapshots": {file: ws.snapshot(file).stats() for file in sorted({c["snapshot"] for c in ws.cases})},
        "summary": summary,
        "cases": out_cases,
    }
    os.makedirs(os.path.dirname(GOLDEN_FILE), exist_ok=True)
    with open(GOLDEN_FILE, "w", encoding="utf-8") as f:
        json.dump(golden, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    log(f"wrote {os.path.relpath(GOLDEN_FILE, REPO)}: {summary}")


def bench(ws: Workspace, ids: Optional[List[str]], repeat: int, timeout_s: float) -> None:
    """Time each selected case `repeat` times (fresh provider each run) and print JSON."""
    results = []
    for case in ws.select(ids):
        env_name, markers = ws.environment_of(case)
        requirements = ws.requirements_of(case)
        snapshot = ws.snapshot(case["snapshot"])
        runs = [resolve_case(snapshot, requirements, markers, timeout_s) for _ in range(repeat)]
        times = [r["ms"] for r in runs]
        last = runs[-1]
        log(f"{case['id']:<40} {last['status']:<14} min {min(times):9.1f} ms {last['rounds']:7d} rounds")
        results.append(
            {
                "id": case["id"],
                "snapshot": case["snapshot"],
                "environment": env_name,
                "status": last["status"],
                "rounds": last["rounds"],
                "backtracks": last["backtracks"],
                "rejected": last["rejected"],
                "pinCount": len(last["pins"]),
                "ms": [round(t, 3) for t in times],
                "minMs": round(min(times), 3),
                "medianMs": round(statistics.median(times), 3),
            }
        )
    report = {
        "reference": {**reference_versions(), "maxRounds": MAX_ROUNDS, "timeoutSeconds": timeout_s},
        "measures": "wall-clock ms of Resolver.resolve only; snapshot JSON loaded and parsed beforehand (loadMs)",
        "repeat": repeat,
        "loadMs": {file: round(ms, 3) for file, ms in sorted(ws.load_ms.items())},
        "cases": results,
    }
    json.dump(report, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--generate", action="store_true", help="write workers/resolve/golden/pip-agreement.json")
    mode.add_argument("--bench", action="store_true", help="print per-case timings as JSON on stdout")
    mode.add_argument("--show", metavar="ID", help="resolve one case and print its record as JSON")
    parser.add_argument("--case", action="append", metavar="ID", help="with --bench: only this case (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="with --bench: runs per case (default 3)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds per resolution (default 60)")
    args = parser.parse_args()

    ws = Workspace()
    if args.generate:
        generate(ws, args.timeout)
    elif args.bench:
        if args.repeat < 1:
            parser.error("--repeat must be at least 1")
        bench(ws, args.case, args.repeat, args.timeout)
    else:
        (case,) = ws.select([args.show])
        env_name, markers = ws.environment_of(case)
        record = resolve_case(ws.snapshot(case["snapshot"]), ws.requirements_of(case), markers, args.timeout)
        json.dump({"id": case["id"], "environment": env_name, **record}, sys.stdout, indent=2, sort_keys=True)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
