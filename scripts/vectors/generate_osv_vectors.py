#!/usr/bin/env python3
"""Evaluate every advisory of the PyPI advisory database with `packaging`, independently of the TypeScript matcher.

For each PyPI package an advisory names, the version universe is: every release of that project in the recorded
snapshots (scripts/data/snapshots/pypi-2020-*.json), every version any advisory of the package mentions (events and
`versions` lists) and, around each event version, its .dev0, rc1, .post1 and +local neighbours. Each advisory is
evaluated with the OSV schema's `IsVulnerable` pseudocode, with the PyPI choices documented in
workers/audit/osv-match.ts (PEP 440 order, "0" first, unparseable event versions left out, stable sort on ties,
`versions` matched by PEP 440 equality else string equality, only ECOSYSTEM ranges).

Writes workers/audit/vectors/osv-affected.json:
  {"oracle", "universes": {package: [versions]}, "cases": [{"id", "package", "affected": "0101..."}]}
Run: python3 scripts/vectors/generate_osv_vectors.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import packaging
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parents[2]
DATABASE = ROOT / "scripts" / "data" / "advisories" / "pypa-advisory-database.json"
SNAPSHOTS = ROOT / "scripts" / "data" / "snapshots"
OUT = ROOT / "workers" / "audit" / "vectors" / "osv-affected.json"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def parse(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def in_versions(version: str, listed: list[str]) -> bool:
    v = parse(version)
    for item in listed:
        if item == version:
            return True
        other = parse(item)
        if v is not None and other is not None and v == other:
            return True
    return False


def in_range(v: Version, rng: dict) -> bool:
    if rng["type"] != "ECOSYSTEM":
        return False
    events = rng["events"]
    limits = [e["limit"] for e in events if "limit" in e]
    if limits:
        before = False
        for limit in limits:
            if "*" in limit:
                before = True
            else:
                lv = parse(limit)
                if lv is not None and v < lv:
                    before = True
        if not before:
            return False
    keyed = []
    for index, event in enumerate(events):
        (kind, text), = event.items()
        if kind == "limit":
            continue
        if kind == "introduced" and text == "0":
            keyed.append(((0,), index, kind, None))
            continue
        ev = parse(text)
        if ev is None:
            continue
        keyed.append(((1, ev), index, kind, ev))
    keyed.sort(key=lambda k: (k[0], k[1]))
    vulnerable = False
    for _, _, kind, ev in keyed:
        if kind == "introduced" and (ev is None or v >= ev):
            vulnerable = True
        elif kind == "fixed" and v >= ev:
            vulnerable = False
        elif kind == "last_affected" and v > ev:
            vulnerable = False
    return vulnerable


def is_vulnerable(advisory: dict, package: str, version: str) -> bool:
    v = parse(version)
    for affected in advisory.get("affected", []):
        pkg = affected["package"]
        if pkg["ecosystem"] != "PyPI" or canonical(pkg["name"]) != package:
            continue
        if in_versions(version, affected.get("versions", [])):
            return True
        if v is not None and any(in_range(v, r) for r in affected.get("ranges", [])):
            return True
    return False


def neighbours(text: str) -> list[str]:
    v = parse(text)
    if v is None:
        return [text]
    base = v.base_version
    return [text, f"{base}.dev0", f"{base}rc1", f"{base}.post1", f"{base}+local.1"]


def main() -> None:
    database = json.loads(DATABASE.read_text())
    snapshot_versions: dict[str, set[str]] = {}
    for path in sorted(SNAPSHOTS.glob("pypi-2020-*.json")):
        for project, releases in json.loads(path.read_text()).items():
            snapshot_versions.setdefault(canonical(project), set()).update(releases)

    universes: dict[str, set[str]] = {}
    pairs: list[tuple[str, str, dict]] = []
    for advisory in database:
        seen: set[str] = set()
        for affected in advisory.get("affected", []):
            if affected["package"]["ecosystem"] != "PyPI":
                continue
            package = canonical(affected["package"]["name"])
            universe = universes.setdefault(package, set(snapshot_versions.get(package, set())))
            universe.add("0.dev0")
            for listed in affected.get("versions", []):
                universe.add(listed)
            for rng in affected.get("ranges", []):
                if rng["type"] != "ECOSYSTEM":
                    continue
                for event in rng["events"]:
                    (_, text), = event.items()
                    if text != "0" and "*" not in text:
                        universe.update(neighbours(text))
            if package not in seen:
                seen.add(package)
                pairs.append((advisory["id"], package, advisory))

    ordered = {p: sorted(vs) for p, vs in sorted(universes.items())}
    cases = []
    for advisory_id, package, advisory in pairs:
        bits = "".join("1" if is_vulnerable(advisory, package, v) else "0" for v in ordered[package])
        cases.append({"id": advisory_id, "package": package, "affected": bits})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"oracle": f"packaging {packaging.__version__}", "universes": ordered, "cases": cases}, separators=(",", ":")) + "\n")
    total = sum(len(c["affected"]) for c in cases)
    hits = sum(c["affected"].count("1") for c in cases)
    print(f"{len(cases)} (advisory, package) cases, {total} evaluations, {hits} affected -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
