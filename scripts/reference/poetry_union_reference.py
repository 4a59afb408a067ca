"""Golden data for Poetry `||` version constraints: what Debian's poetry-core 1.4 makes of each when it writes PEP 508.

For every constraint below, records Dependency("foo", constraint).to_pep_508() with the "foo " prefix and the
parentheses removed. poetry-core writes a PEP 440 specifier set when the union has one (`<1.0 || >=2.0` is
`!=1.*`), and otherwise the alternatives joined with " || " (`>=1.0,<2.0 || >=3.0,<4.0`), which is not PEP 508.
Also records, for a grid of versions, which ones poetry-core's constraint allows (parse_constraint(c).allows), so a
translation can be checked to mean the same set. Writes workers/formats/input/fixtures/real/poetry-union-constraints.json.

Run: /usr/bin/python3 scripts/reference/poetry_union_reference.py
"""
import json
from pathlib import Path

from poetry.core.constraints.version import Version, parse_constraint
from poetry.core.packages.dependency import Dependency

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "workers" / "formats" / "input" / "fixtures" / "real" / "poetry-union-constraints.json"

CONSTRAINTS = [
    "^1.0 || ^3.0",
    "~2.7 || ^3.6",
    "<1.0 || >=2.0",
    "^7 || ^8",
    ">=1,<2 || >=3,<4",
    "1.2.* || 1.4.*",
    "<2.0 || >2.0",
    "^1.0 || ^1.5",
    "==1.0 || ==1.2",
    ">=1.0,<1.1 || >=1.3",
    "<3.0 || >=3.6",
    "^2.0 || ^3.0 || ^4.0",
    "~1.2 || ~1.4",
    "1.0 || 2.0",
]


GRID = [f"{major}.{minor}{patch}" for major in range(0, 6) for minor in range(0, 8) for patch in ("", ".0", ".5")] + ["2.7.18", "3.6.1", "1.0.post1", "8.0", "8.9", "9.0"]


def main():
    pep508s = {}
    allows = {}
    for constraint in CONSTRAINTS:
        pep508 = Dependency("foo", constraint).to_pep_508()
        assert pep508.startswith("foo (") and pep508.endswith(")"), pep508
        pep508s[constraint] = pep508[len("foo (") : -1]
        parsed = parse_constraint(constraint)
        allows[constraint] = [v for v in GRID if parsed.allows(Version.parse(v))]
    OUT.write_text(json.dumps({"pep508": pep508s, "grid": GRID, "allows": allows}, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(pep508s)} constraints over {len(GRID)} versions")


if __name__ == "__main__":
    main()
