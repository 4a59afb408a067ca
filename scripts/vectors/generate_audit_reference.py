#!/usr/bin/env python3
"""Reference audits of snapshot resolutions: pip 23.2 resolves, `packaging` evaluates the advisories.

For each case, starts the fixture index (npx tsx scripts/fixture-index.ts), asks real pip
(`pip --isolated install --dry-run --report`) what it would install from /snapshot-2020/simple, then lists every
non-withdrawn advisory of scripts/data/advisories that affects each pinned release (the OSV evaluation of
generate_osv_vectors.py, independent of the TypeScript matcher). pip-audit drops withdrawn advisories too.

Writes workers/audit/golden/audit-reference.json. Run: python3 scripts/vectors/generate_audit_reference.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_osv_vectors import DATABASE, canonical, is_vulnerable  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "workers" / "audit" / "golden" / "audit-reference.json"
PORT = "4304"
CASES = [
    ["django<3"],
    ["jinja2<2.10"],
    ["urllib3<1.24", "requests"],
    ["flask<1"],
    ["pyyaml<5.4"],
]


def pip_pins(index_url: str, requirements: list[str]) -> dict[str, str]:
    out = subprocess.run(
        ["pip", "--isolated", "install", "--dry-run", "--ignore-installed", "--quiet", "--report", "-", "--index-url", index_url, *requirements],
        check=True, capture_output=True, text=True,
    ).stdout
    report = json.loads(out)
    return {canonical(item["metadata"]["name"]): item["metadata"]["version"] for item in report["install"]}


def main() -> None:
    database = json.loads(DATABASE.read_text())
    server = subprocess.Popen([str(ROOT / "node_modules" / ".bin" / "tsx"), "scripts/fixture-index.ts", "--port", PORT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline().strip() if server.stdout else ""
        if not first.startswith("Fixture index on "):
            raise SystemExit(f"fixture index did not start: {first!r}")
        base = first.removeprefix("Fixture index on ")
        cases = []
        for requirements in CASES:
            pins = pip_pins(f"{base}/snapshot-2020/simple", requirements)
            found = []
            for name, version in sorted(pins.items()):
                for advisory in database:
                    if advisory.get("withdrawn") is None and is_vulnerable(advisory, name, version):
                        found.append({"name": name, "version": version, "id": advisory["id"]})
            cases.append({"requirements": requirements, "pins": pins, "vulnerabilities": found})
            print(f"{' '.join(requirements)}: {len(pins)} pins, {len(found)} advisories", file=sys.stderr)
    finally:
        server.terminate()
        server.wait()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"reference": f"pip {subprocess.run(['pip', '--version'], capture_output=True, text=True).stdout.split()[1]} + packaging", "python": f"{sys.version_info.major}.{sys.version_info.minor}", "cases": cases}, indent=1) + "\n")


if __name__ == "__main__":
    main()
