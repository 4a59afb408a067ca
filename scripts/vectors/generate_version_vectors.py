#!/usr/bin/env python3
"""Generate PEP 440 corner-case golden vectors from python `packaging` 26.2.

Writes workers/packaging/vectors/versions-corner.json, order-corner.json and
specifiers-corner.json. Output is deterministic (fixed inputs plus a seeded
fuzzer). Run: python3 scripts/vectors/generate_version_vectors.py
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import packaging
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

ORACLE = f"packaging {packaging.__version__}"
OUT = Path(__file__).resolve().parents[2] / "workers" / "packaging" / "vectors"
MAX_SAFE = 2**53 - 1


def num(n: int) -> int | str:
    """JSON-safe integer: beyond 2^53 as a decimal string (JavaScript numbers are doubles)."""
    return n if n <= MAX_SAFE else str(n)


# ---------------------------------------------------------------------------------------------
# Version strings

def version_inputs() -> list[str]:
    out: list[str] = []
    # Every pre/post/dev spelling with every separator, on a few releases.
    pre_words = ["a", "alpha", "b", "beta", "c", "pre", "preview", "rc", "A", "Alpha", "BETA", "RC", "PREVIEW", "C"]
    post_words = ["post", "rev", "r", "POST", "Rev", "R"]
    seps = ["", ".", "-", "_"]
    for word in pre_words:
        for s1 in seps:
            for s2 in seps:
                for n in ["", "0", "1", "12"]:
                    if s2 and not n and s1 in ("", "."):
                        continue
                    out.append(f"1.0{s1}{word}{s2}{n}")
    for word in post_words:
        for s1 in seps:
            for s2 in seps:
                for n in ["", "2"]:
                    out.append(f"1.0{s1}{word}{s2}{n}")
    for word in ["dev", "DEV", "Dev"]:
        for s1 in seps:
            for s2 in seps:
                for n in ["", "3"]:
                    out.append(f"1.0{s1}{word}{s2}{n}")
    # Implicit post releases and their neighbours.
    out += ["1.0-1", "1.0-0", "1.0-01", "1.0--1", "1.0-", "1.0a1-1", "1.0a-1", "1.0a.-1", "1.0a--1", "1.0-1.dev2", "1.0-1-dev2",
            "1.0-1+local", "1.0.post-", "1.0.post.", "1.0.post_1", "1.0-r", "1.0-r-", "1.0rc-1", "1.0c.1", "1.0.pre.1"]
    # Combinations of segments.
    for epoch in ["", "0!", "1!", "01!", "20!"]:
        for rel in ["0", "1", "1.0", "1.0.0", "01.02.03", "1.2.3.4.5.6.7"]:
            for pre in ["", "a1", "b2", "rc3"]:
                for post in ["", ".post4"]:
                    for dev in ["", ".dev5"]:
                        out.append(f"{epoch}{rel}{pre}{post}{dev}")
    for local in ["abc", "ABC", "ubuntu.1", "ubuntu-1", "ubuntu_1", "UBUNTU.1_2-3", "0", "01", "007.a", "a.b.c.1.2.3", "1a", "a1",
                  "deadbeef", "1.2.3", "z", "0.0", "abc.01", "x-y_z.0"]:
        out.append(f"1.0+{local}")
        out.append(f"1!2.0rc1.post3.dev4+{local}")
    # Whitespace, `v` prefixes and the fast path's neighbours.
    out += [" 1.0", "1.0 ", "  1.0  ", "\t1.0\n", "\v1.0\f", "\r\n1.0", "\x1c1.0\x1d", "\x1e1.0\x1f", "\x851.0", "\xa01.0\xa0",
            "\u16801.0", "\u20001.0\u200a", "\u20281.0\u2029", "\u202f1.0\u205f", "\u30001.0", "\ufeff1.0", "1.0\ufeff", "\u200b1.0",
            "v1.0", "V1.0", "vv1.0", " v1.0", "v 1.0", "v1!1.0", "1!v1.0", "v", "V", "v.1", "v1.0+v", "1.0 a1", "1.0 .dev1",
            "1.0 +abc", "1.0+ abc", "1 .0", "1. 0"]
    # Huge numbers (beyond 2^53 and 2^64).
    out += ["9007199254740991", "9007199254740992", "9007199254740993", "1.9007199254740993", "1.2.12345678901234567890",
            "99999999999999999999.0", "12345678901234567890!1.0", "1.0a12345678901234567890", "1.0.post99999999999999999999",
            "1.0.dev18446744073709551617", "1.0+12345678901234567890", "1.0+abc.9007199254740993", "00000000000000000000001",
            "1.000000000000000000000", "1.0.00000000000000000000000000000001", "123456789012345678901234567890.1", "1.0-18446744073709551616"]
    # Invalid or odd.
    out += ["", " ", "1.", ".1", "1..2", "1.0.", "1.0+", "1.0+a..b", "1.0+a_", "1.0+-a", "1.0++a", "1.0+a+b", "a", "dev", "post1",
            "1.0.dev1.post1", "1.0post1a1", "1.0.a.b", "1!", "!1", "1!2!3", "1_0", "1-0", "1.0.0-alpha.beta", "1.0\u22121",
            "\uff11.\uff10", "1.\u0660", "1.0\u0131", "1.0+\u017f", "1.0.po\u017ft1", "1.0.prev\u0131ew1", "1.0+K",
            "1.0rc1rc2", "1.0a1b2", "1.0.dev1.dev2", "1.0.post1.post2", "1.0+local.dev1", "1.0dev1a1", "1.0-dev-", "1.0-dev--1",
            "1.0.*", "1.*", "==1.0", ">=1.0", "1.0,2.0", "1.0;", "(1.0)", "1,0", "0x10", "1e5", "-1", "+1", "1.-1", "1.0-a1",
            "1.0alpha-", "1.0alpha-beta", "1.0ab", "1.0.rc.1", "1.0r.c1", "1.0prerelease", "1.0rev-", "1.0revision", "1.0.0.0.0.0.0.0.0.1"]
    # Fuzz: random sequences of meaningful tokens (seeded, so the output is deterministic).
    rng = random.Random(440)
    tokens = ["1", "0", "2", "10", "01", ".", ".", ".", "-", "_", "a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "post",
              "rev", "r", "dev", "+", "!", "v", " ", "x", "ubuntu", "A", "DEV", "Post", "RC"]
    for _ in range(500):
        n = rng.randint(1, 8)
        s = rng.choice(["1", "1.0", "2.1", "v1", "0", "1!1"]) + "".join(rng.choice(tokens) for _ in range(n))
        out.append(s)
    return list(dict.fromkeys(out))


def version_record(text: str) -> dict[str, object]:
    try:
        v = Version(text)
    except InvalidVersion:
        return {"input": text, "valid": False}
    return {
        "input": text,
        "valid": True,
        "normalized": str(v),
        "public": v.public,
        "baseVersion": v.base_version,
        "epoch": num(v.epoch),
        "release": [num(x) for x in v.release],
        "pre": None if v.pre is None else [v.pre[0], num(v.pre[1])],
        "post": None if v.post is None else num(v.post),
        "dev": None if v.dev is None else num(v.dev),
        "local": v.local,
        "isPrerelease": v.is_prerelease,
        "isPostrelease": v.is_postrelease,
        "isDevrelease": v.is_devrelease,
    }


# ---------------------------------------------------------------------------------------------
# Ordering

def order_inputs(valid: list[str]) -> list[str]:
    extra = []
    for rel in ["0", "0.0", "1", "1.0", "1.0.0", "1.0.0.0.1", "1.0.1", "1.1", "2", "1!0", "1!1.0"]:
        for suffix in ["", ".dev0", ".dev1", "a0.dev0", "a0", "a0.post0.dev0", "a0.post0", "a0.post0+x", "a1", "b0", "rc0", "rc1.dev0",
                       "rc1", "rc1+x", ".post0.dev0", ".post0", ".post0+x", ".post1", ".post1.dev0", "+a", "+0", "+a.0", "+0.a", "+b",
                       "+1", "+00a", "+0a", "+a.b", "+a.1", "+1.a", "+z", "+10", "+9", "+aa", "+a.a"]:
            extra.append(rel + suffix)
    seen: dict[str, None] = {}
    for s in [*valid, *extra]:
        seen[s] = None
    return list(seen)


def order_groups(texts: list[str]) -> list[list[str]]:
    parsed = sorted(((Version(t), t) for t in texts), key=lambda p: (p[0], p[1]))
    groups: list[list[str]] = []
    last: Version | None = None
    for v, t in parsed:
        if last is not None and v == last:
            groups[-1].append(t)
        else:
            groups.append([t])
        last = v
    return groups


# ---------------------------------------------------------------------------------------------
# Specifiers

CANDIDATES = [
    "0.dev0", "0", "0.1", "0.9", "0.9.post1", "1.0.dev0", "1.0.dev1", "1.0.dev1+x", "1.0a0", "1.0a1.dev1", "1.0a1", "1.0a1+x",
    "1.0a1.post1.dev0", "1.0a1.post1", "1.0a2", "1.0b1", "1.0rc1", "1.0rc1.post1", "1.0", "1.0.0", "1.0+abc", "1.0+ABC",
    "1.0+abc.1", "1.0+0", "1.0.post0.dev0", "1.0.post0", "1.0.post1.dev1", "1.0.post1", "1.0.post1+x", "1.0.post2", "1.0.0.1",
    "1.0.1.dev0", "1.0.1", "1.1.dev0", "1.1a1", "1.1", "1.4.4", "1.4.5.dev0", "1.4.5a4", "1.4.5rc1", "1.4.5.0rc1", "1.4.5",
    "1.4.5.0", "1.4.5+x", "1.4.5.post0", "1.4.5.post1", "1.4.5.0.post0", "1.4.6", "1.4.99", "1.5.dev0", "1.5", "2.0.dev0",
    "2.0a1", "2.0", "2.0.post1", "2.2.post3", "2.3", "3.0", "1!0.1", "1!1.0", "1!1.0.post1", "v1.0", "1.0 ",
    "foo", "FOO", "", "1.0.*", "1.0-1", "1.0c1",
]


def specifier_inputs() -> list[str]:
    specs: list[str] = [""]
    bases = ["1.0", "1.0.0", "1", "0", "0.dev0", "1.0a1", "1.0.dev1", "1.0a1.dev1", "1.0.post1", "1.0.post1.dev1", "1.0rc1.post1",
             "1!1.0", "1.0.post0", "2.0", "1.4.5", "1.4.5a4"]
    for base in bases:
        for op in ["<", "<=", ">", ">=", "==", "!=", "~=", "==="]:
            if op == "~=" and "." not in base.split("!")[-1].split("a")[0].split("rc")[0].split(".dev")[0].split(".post")[0]:
                continue
            specs.append(op + base)
    specs += [
        # local versions
        "==1.0+abc", "!=1.0+abc", "==1.0+ABC", "==1.0+abc.1", "!=1.0+0", "===1.0+abc", "==1.0.0+abc", "== 1.0+abc",
        # wildcards
        "==1.*", "==1.0.*", "==1.0.0.*", "!=1.0.*", "!=1.*", "==0.*", "==1!1.*", "==v1.0.*", "== 1.0.*", "==1.4.5.*", "!=1.4.*",
        "==2.*", "==01.0.*",
        # compatible release, including packaging's string quirks
        "~=1.0", "~=1.4", "~=1.4.5", "~=1.4.5a4", "~=1.4.5.post1", "~=1.4.5.dev1", "~=1!1.0", "~=v1.4.5", "~=V1.4.5", "~=1.4.5.c1",
        "~=1.4.5c1", "~=1.4.5.RC1", "~=1.4.5.r.1", "~=1.4.5-dev.", "~=1.4.5.c1.r1", "~=1.4.5.pre1", "~=1.4.5-1", "~=1.4.5.0",
        "~=0.9", "~=2.2.post3", "~=1.4.0.c1.r1", "~=1.4.5.preview1.r1", "~=1.4.5a4.r1", "~=1.4.5.DEV.1", "~=1.4.5-1.DEV1",
        "~=v1!1.0", "~=1.0a1", "~=1.0.post1", "~=1.0.dev1", "~= 1.0",
        # arbitrary equality
        "===1.0", "===1.0.0", "===foo", "===FOO", "===1.0a1", "===", "=== 1.0", "===1.0+ABC", "===v1.0", "===1.0-1",
        # sets
        ">=1.0,<2.0", ">=1.0,!=1.5.*,<2.0", ">=1.0a1,<2.0", ">1.0,<1.0.post2", "<=1.0,>=1.0", "==1.0,!=1.0", ">=2.0,<1.0",
        " ", ",", ",,", ">=1.0,,<2", "===1.0,>=0.5", "===foo,===FOO", "===foo,===bar", ">=1.0 , < 2.0 ", "==1.0.*,!=1.0.1",
        "~=1.0,!=1.1", ">1.0a1,<1.0", "<1.0,>0.9", ">=1.0,>=1.0.0", "==1.0,==1.0.0", "!=1.0,!=1.0.0", ">=1.0,!=1.0", "<2,>1",
        ">=0.9,<1.0", ">=1.0.dev0,<1.0", "<1.0a1,>=1.0.dev0", "===1.0a1,<2", "===foo,>=1.0", ">=1.0,===1.0", "!=1.0.post1,>1.0",
        "<=1.0a1,>=1.0a1", ">=1!0,<1!2", ">=0,<1!0", "~=1.4.5,!=1.4.6", "==1.0+abc,>=1.0", "<1.0.post1,>=1.0",
        # whitespace
        "  >=1.0  ", ">= 1.0", ">=\t1.0", "\u3000>=1.0\u3000", ">=1.0\x85", "==\xa01.0",
    ]
    # Invalid ones.
    specs += ["=>1.0", "1.0", ">=1.0.*", "~=1", "~=1.*", "==1.0.*.1", "<1.0+abc", ">=1.0+abc", "~=1.0+abc", "==1.0a1.*",
              ">= ", "==", "foo", ">=1.0;", "===foo bar", ">=1.0,<", "!==1.0", "==1.0+", "<=1!", "== 1 .0", ">=1.0 a1",
              "~=1.0.*", "==1.0.*+abc", "<>1.0", "= 1.0", ">==1.0", "==*", "==1.*.0", ">=1.0,foo", "~=1.0.po\u017ft1",
              "~=1.0.prev\u0131ew1", "===1.0;", "===1.0)", "== \ufeff1.0"]
    rng = random.Random(508)
    ops = ["==", "!=", "<", "<=", ">", ">=", "~=", "==="]
    tails = ["", "a1", ".post1", ".dev0", "rc1", ".*", "+x", "-1", ".0", ".1", "c1", ".r1", "b2.post3.dev4"]
    for _ in range(300):
        rel = ".".join(str(rng.choice([0, 1, 1, 2, 4, 5])) for _ in range(rng.randint(1, 4)))
        spec = rng.choice(ops) + rng.choice(["", " ", "v"]) + rel + rng.choice(tails) + rng.choice(["", "", rng.choice(tails)])
        if rng.random() < 0.3:
            spec += "," + rng.choice(ops) + ".".join(str(rng.choice([0, 1, 2, 5])) for _ in range(rng.randint(1, 3))) + rng.choice(tails)
        specs.append(spec)
    return list(dict.fromkeys(specs))


def bits(values: list[bool]) -> str:
    return "".join("1" if b else "0" for b in values)


def specifier_record(text: str) -> dict[str, object]:
    try:
        spec = SpecifierSet(text)
    except InvalidSpecifier:
        return {"specifier": text, "valid": False}
    try:
        rec: dict[str, object] = {
            "specifier": text,
            "valid": True,
            "normalized": str(spec),
            "prereleases": spec.prereleases,
            "unsatisfiable": spec.is_unsatisfiable(),
            "specifiers": [{"operator": s.operator, "version": s.version, "prereleases": s.prereleases} for s in spec],
            "versions": CANDIDATES,
            "contains": bits([spec.contains(v) for v in CANDIDATES]),
            "containsPre": bits([spec.contains(v, prereleases=True) for v in CANDIDATES]),
            "containsNoPre": bits([spec.contains(v, prereleases=False) for v in CANDIDATES]),
            "containsInstalled": bits([spec.contains(v, installed=True) for v in CANDIDATES]),
        }
        # Version objects (not strings) matter for `===`, which compares the normalised text.
        parsed = [c for c in CANDIDATES if _valid(c)]
        rec["parsedVersions"] = parsed
        rec["containsParsed"] = bits([spec.contains(Version(v)) for v in parsed])
        rec["containsParsedPre"] = bits([spec.contains(Version(v), prereleases=True) for v in parsed])
        return rec
    except Exception as exc:  # packaging accepts some strings it then cannot evaluate
        return {"specifier": text, "valid": True, "error": f"{type(exc).__name__}: {exc}"}


def _valid(text: str) -> bool:
    try:
        Version(text)
    except InvalidVersion:
        return False
    return True


FILTER_LISTS = [
    ["1.0", "1.5a1", "2.0", "2.1rc1"],
    ["1.5a1", "2.1rc1"],
    ["2.1rc1", "foo", "1.5a1", "1.0"],
    ["foo", "1.0a1", "FOO", "1.2", "bar", "1.3b1", "1.4"],
    ["1.0.dev0", "1.0", "1.0+abc", "1.0.post1", "1.0.post1+x", "1.1.dev1"],
    ["0.9", "1.0", "1.0.0", "v1.0", "1.0 ", "1!1.0", "", "1.0-1"],
    ["1.4.5a4", "1.4.5", "1.4.6rc1", "1.5.dev0", "2.0a1"],
    [],
]
FILTER_SPECS = ["", ">=1.0", ">=1.0a1", "<2", "!=1.0", "==1.*", "~=1.4.5", ">=1.0,<2.0", "===foo", "===1.0", "===foo,===FOO",
                ">1.0", "<=1.0", "==1.0", ">=1.0,!=1.0", ">=1.5a1", ">=0.9,<1.0", "===1.0,>=0.5", "~=1.4.5a4", "!=1.*"]


def filter_records() -> list[dict[str, object]]:
    out = []
    for spec_text in FILTER_SPECS:
        spec = SpecifierSet(spec_text)
        for items in FILTER_LISTS:
            for pre in (None, True, False):
                out.append({
                    "specifier": spec_text,
                    "items": items,
                    "prereleases": pre,
                    "result": list(spec.filter(items, prereleases=pre)),
                })
        for pre_set in (True, False):
            spec_forced = SpecifierSet(spec_text, prereleases=pre_set)
            for items in FILTER_LISTS[:4]:
                out.append({
                    "specifier": spec_text,
                    "setPrereleases": pre_set,
                    "items": items,
                    "prereleases": None,
                    "result": list(spec_forced.filter(items)),
                })
    return out


def write(name: str, data: dict[str, object]) -> None:
    path = OUT / name
    path.write_text(json.dumps(data, ensure_ascii=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(OUT.parents[2])} ({path.stat().st_size:,} bytes)")


def main() -> None:
    if packaging.__version__ != "26.2":
        print(f"warning: expected packaging 26.2, found {packaging.__version__}", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    versions = [version_record(t) for t in version_inputs()]
    write("versions-corner.json", {"oracle": ORACLE, "versions": versions})
    valid = [str(r["input"]) for r in versions if r["valid"]]
    write("order-corner.json", {"oracle": ORACLE, "groups": order_groups(order_inputs(valid))})
    write("specifiers-corner.json", {
        "oracle": ORACLE,
        "specifiers": [specifier_record(t) for t in specifier_inputs()],
        "filters": filter_records(),
    })


if __name__ == "__main__":
    main()
