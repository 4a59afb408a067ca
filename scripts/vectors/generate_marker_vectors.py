#!/usr/bin/env python3
"""Corner-case golden vectors for workers/packaging/markers.ts and requirement.ts, from packaging itself.

The real-world vectors (markers.json, requirements.json) cover what PyPI serves; these cover what PEP 508
and packaging's parser allow: every operator, old variable names, ``in``/``not in``, the version/string
fallbacks, ``===``, precedence, nested parentheses, PEP 685 extra normalisation, whitespace and quoting,
URL requirements, the old parenthesised form, and invalid input with packaging's error span and message.

Markers are evaluated (``Marker.evaluate``, default "metadata" context) in every environment of
generate_environment_vectors.TARGETS (what environment.ts must produce for those targets) plus the
environment recorded from the interpreter running this script; markers that compare ``extra`` are also
evaluated with ``{**env, "extra": NAME}`` for several names (``extraResults[NAME]``). Results are one
character per environment, in the order of ``environments``: "1" true, "0" false, "C" UndefinedComparison
raised, "K" KeyError raised (a variable missing from the environment).

A seeded random fuzz (fragments of requirement syntax, structured and shuffled) adds requirements and
markers no one would write by hand, so the tokenizer's corners are checked against packaging too.

Output: workers/packaging/vectors/markers-corner.json, requirements-corner.json (fuzz cases have "fuzz": true)
Run: python3 scripts/vectors/generate_marker_vectors.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import packaging
from packaging.markers import Marker, default_environment
from packaging.requirements import InvalidRequirement, Requirement
from packaging._tokenizer import ParserSyntaxError

from generate_environment_vectors import TARGETS, marker_environment

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "workers" / "packaging" / "vectors"

OPS = ["<", "<=", "==", "!=", ">=", ">", "~=", "===", "in", "not in"]

MARKERS: list[str] = []

# Every operator against version variables, with values that are / are not valid specifier versions.
for var in ["python_version", "python_full_version", "implementation_version", "platform_release"]:
    for op in OPS:
        for value in ["3.8", "3", "3.12", "3.12.0", "3.*", "3.12.*", "2.7", "3.14", "3.14.0rc1", "foo", "7.3", "6.8.0", "23.5.0", "10", "3.1 2"]:
            MARKERS.append(f'{var} {op} "{value}"')
# Every operator against string variables (no version semantics: <,> False, <=,>= equality, ~= and === undefined).
for var in ["os_name", "sys_platform", "platform_system", "platform_machine", "implementation_name",
            "platform_python_implementation", "platform_version"]:
    for op in OPS:
        for value in ["posix", "nt", "linux", "darwin", "win32", "Linux", "Darwin", "Windows", "x86_64", "AMD64",
                      "arm64", "aarch64", "cpython", "CPython", "PyPy", "pypy", "", "in", "3.8"]:
            MARKERS.append(f'{var} {op} "{value}"')
# Values on the left, variables on the right.
MARKERS += [
    '"3.8" < python_version', '"3.8" >= python_version', '"3" == python_version', '"3.*" == python_version',
    '"linux" == sys_platform', '"lin" in sys_platform', '"64" in platform_machine', '"x" not in os_name',
    '"2.7 3.4 3.12" in python_version', '"3.12" in python_version', '"3.1" in python_full_version',
    '"posix" ~= os_name', '"3.12" ~= python_version', '"3.12.0" === python_full_version',
]
# Old names and aliases.
MARKERS += [
    'os.name == "posix"', 'sys.platform == "linux"', 'platform.version != ""', 'platform.machine == "x86_64"',
    'platform.python_implementation == "CPython"', 'python_implementation == "PyPy"',
    'platform_python_implementation == "CPython" and python_implementation != "PyPy"',
    'os.name == "nt" or sys.platform == "win32"',
]
# in / not in with lists in strings.
MARKERS += [
    'python_version in "2.7 3.4 3.5 3.6 3.7 3.8"', 'python_version not in "3.0 3.1 3.2 3.3"',
    'sys_platform in "linux darwin"', 'sys_platform not in "win32 cygwin"', 'platform_machine in "x86_64 AMD64"',
    'implementation_name in "cpython pypy"', 'platform_system not in ""', '"" in os_name',
]
# Precedence and parentheses.
MARKERS += [
    'os_name == "nt" or os_name == "posix" and python_version < "3"',
    '(os_name == "nt" or os_name == "posix") and python_version < "3"',
    'os_name == "posix" and python_version >= "3" or sys_platform == "win32"',
    'os_name == "nt" and python_version >= "3" or sys_platform == "linux" and platform_machine == "x86_64"',
    '((os_name == "posix"))', '(((python_version >= "3.8")))',
    '(os_name == "nt" or (python_version >= "3" and (sys_platform == "linux" or sys_platform == "darwin")))',
    '((os_name == "nt" or os_name == "posix")) and sys_platform == "darwin"',
    '(os_name == "nt") and (sys_platform == "win32")', '(os_name == "posix") or (sys_platform == "win32")',
    'python_version >= "3" and (os_name == "posix" or os_name == "nt") and (platform_machine == "x86_64" or platform_machine == "AMD64")',
    'os_name == "a" or os_name == "b" or os_name == "posix" and python_version == "2.7" or python_version >= "3.12"',
]
# Extras (PEP 685): normalised in top-level comparisons only.
MARKERS += [
    'extra == "docs"', 'extra == "Foo_Bar"', 'extra == "foo.bar"', 'extra == "FOO--bar"', '"Foo_Bar" == extra',
    '(extra == "Foo_Bar")', 'extra != "test"', 'extra == "a" or extra == "B"', 'extra == "test" and python_version >= "3"',
    'python_version >= "3" and (extra == "Test" or extra == "docs")', 'extra in "docs test"', 'extra == ""',
    'extra < "a"', 'extra >= "docs"', 'extra ~= "docs"', 'extra === "docs"', 'extra == "3.8"', 'extra == python_version',
    '"docs" in extra', 'extra not in "foo"',
]
# Variable vs variable, value vs value that names a variable, and set variables.
MARKERS += [
    'python_version == python_version', 'os_name == sys_platform', '"a" == "python_version"', '"posix" == "os_name"',
    '"a" == "b"', '"docs" in extras', 'extras == "a"', '"dev" in dependency_groups',
]
# Whitespace and quoting.
MARKERS += [
    'os_name=="posix"', '  os_name  ==  \'posix\'  ', '\tos_name\t==\t"posix"\t', 'os_name == "posix"and python_version>"3"',
    'os_name == "posix"\n', "os_name == 'po\"six'", 'os_name == "po\'six"', 'os_name == "\\x70osix"', 'os_name == "pos\\\nix"',
    'os_name == "\\u0070osix"', 'os_name == "\\160osix"', 'os_name == "\\q"', 'python_version >= " 3.8 "',
    'python_version >= "v3.8"', 'python_version == "3.12 "', 'python_version >= "3.8"or os_name=="nt"',
    '(os_name=="posix")and(python_version>"3")', 'os_name == ""', "os_name == ''",
]
# Invalid markers.
MARKERS += [
    '', ' ', 'os_name', 'os_name ==', 'os_name = "posix"', 'os_name == posix', 'os_name == "posix" and',
    'os_name == "posix" or', '(os_name == "posix"', 'os_name == "posix")', '((os_name == "posix")', 'platform.release == "x"',
    'python_version not "3"', 'python_version notin "3"', 'python_version not  in "3"', 'python_version not\tin "3"',
    'os_name == "posix" xor os_name == "nt"', 'os_name == "posix', "os_name == 'posix", 'os_name <> "posix"',
    'os_name == "posix" os_name == "nt"', 'and os_name == "posix"', 'os_name == "posix" and and python_version > "3"',
    '()', '( )', 'os_name == "posix" ;', 'Os_Name == "posix"', 'os_name == "\\x4"', 'os_name == "a\nb"',
    'os_name == "\\N{DASH}"', 'os_name == "po"six"', 'python_versionx == "3"', 'xpython_version == "3"',
    'os_name == "posix"andpython_version > "3"', 'os_name == "posix"\n\n', 'os_name !== "posix"', 'os_name=!"posix"',
    '"posix"', '"a" "b"', 'os_name in', 'os_name not', 'os_name ===', 'python_version > 3.8',
]

EXTRA_NAMES = ["", "docs", "Foo_Bar", "foo-bar", "test", "TEST", "B", "other"]


def environments() -> dict[str, dict[str, str]]:
    envs = {name: marker_environment(target) for name, target in TARGETS.items()}
    envs["recorded-host"] = dict(default_environment())
    return envs


def evaluate(marker: Marker, env: dict[str, str]) -> bool | str:
    try:
        return marker.evaluate(env)
    except Exception as e:  # noqa: BLE001 - recorded as data
        return f"error:{type(e).__name__}"


CODES = {True: "1", False: "0", "error:UndefinedComparison": "C", "error:KeyError": "K"}


def code(result: bool | str) -> str:
    return CODES[result]


def marker_vectors(envs: dict[str, dict[str, str]]) -> list[dict]:
    """Results are strings with one character per environment (in the order of `environments`)."""
    out = []
    seen: set[str] = set()
    fuzz = sorted(set(fuzz_markers(1000)) - set(MARKERS))
    for text in MARKERS + fuzz:
        if text in seen:
            continue
        seen.add(text)
        try:
            marker = Marker(text)
        except Exception as e:  # noqa: BLE001
            cause = e.__cause__
            entry = {"marker": text, "valid": False, "error": type(e).__name__, "message": str(e)}
            if isinstance(cause, ParserSyntaxError):
                entry["span"] = list(cause.span)
            out.append(entry)
            continue
        entry = {"marker": text, "valid": True, "normalized": str(marker)}
        entry["results"] = "".join(code(evaluate(marker, env)) for env in envs.values())
        if "extra" in text:
            entry["extraResults"] = {
                extra: "".join(code(evaluate(marker, {**env, "extra": extra})) for env in envs.values())
                for extra in EXTRA_NAMES
            }
        if text in fuzz:
            entry["fuzz"] = True
        out.append(entry)
    return out


REQUIREMENTS = [
    # plain, specifiers, old parenthesised form
    "name", "Name.With_Upper-and.dots", "name>=1", "name >= 1.0, < 2", "name>=1.0,<2.0,!=1.5", "name (>=1.0)",
    "name(>=1.0)", "name ( >= 1.0 , <2 )", "name (>=1.0,<2)", "name==1.0.*", "name!=1.0.*", "name~=1.0", "name ~= 1.4.5",
    "name===1.0-foo", "name===  weird;version", "name==1.0+local.1", "name!=1.0+Local", "name==1!2.0", "name>=v1.0",
    "name==1.0RC1", "name>1.0post1", "name<1.0.dev0", "name==1.0-1", "name==1.0a1.post2.dev3", "name >=1.0 ,<2.0",
    "name>=1.0,>=1.0", "name<2,>1", "name (==1.0) ; extra == 'Foo_Bar'", "name; (extra == 'Foo_Bar')",
    # extras
    "name[extra]", "name[ a , b ]", "name[b,a,a]", "name[]", "name [ ]", "name[ExTrA]", "name [a] (>=1) ; python_version>'3'",
    "name[a.b,c_d,e-f]", "name[a]>=1.0",
    # URLs
    "name @ https://example.com/name-1.0-py3-none-any.whl", "name @ https://x/y.whl ; os_name=='nt'",
    "name@https://x/y", "name @ https://x;os_name=='nt'", "name @ file:///tmp/x.tar.gz#sha256=abc",
    "name[a]@ git+https://github.com/x/y.git@v1.0#egg=name", "name @ https://x/y.whl ", "name @ https://x/y.whl\t; os_name == 'nt'",
    "name @ https://x/y.whl\n",
    # markers
    "name>=1.0,<2.0 ; python_version >= '3.8' and (sys_platform == 'linux' or sys_platform == 'darwin')",
    "name;python_version<'3'", "name ; os.name == 'nt'", "name>=1.0; extra == 'test'", "name>=1.0 ;extra=='test'",
    'name; extra == "Foo.Bar" or extra == "baz"', "name; ((os_name == 'nt' or os_name == 'posix')) and extra == 'x'",
    # whitespace corners
    "name\n", "\tname\t>=1\t", "  name  ", "name ==1.0 ", "name ; os_name=='nt' ",
    # invalid
    "", " ", "1", "-name", "name-", "name[extra", "name[a b]", "name[a,]", "name[,a]", "name (>=1.0", "name >=1.0)",
    "name >=1.0 foo", "name>=1,,<2", "name>=1 <2", "name @", "name @ ", "name @ url extra", "name @ url ;",
    "name = 1.0", "name==", "name ==1.0 ==2.0", "name<1.0+local", "name>=1.0.*", "name~=1.0.*", "name~=1",
    "name==1.0;", "name;", "name ;", "name; ", "name; os_name ==", "name (>=1.0) extra", "name[a](>=1)",
    "name>=1.0; os_name=='a' or", "name\n\n", "name\r\n", "name>=1.0\n; os_name=='nt'", "name>=1.0 ; os_name == \"a\nb\"",
    "setuptools (>=18.5decorator)", "name>=1.0+abc", "name<=1.0+abc", "name (>=1.0,)", "name==1.0.*.1",
    "name >= 1.0.0-beta.1", "name>=1.0a", "name===", "name~=1.0-", "name ; python_version > 3.8",
]


FUZZ_SEED = 508
FUZZ_FRAGMENTS = [
    "name", "Name_2", "a.b-c", "x", "[", "]", "a", "B_c", ",", " , ", "(", ")", " (", ">=", "==", "===", "~=", "!=", "<",
    ">", "<=", "1", "1.0", "2.1.3", "1!2", "v1", "rc1", "a1", "post1", ".post2", "-1", "dev0", ".dev", ".*", "+local",
    "+ABC", " ", "  ", "\t", ";", " ; ", "@", " @ ", "https://x/y.whl", "python_version", "python_full_version", "os.name",
    "os_name", "sys_platform", "platform.machine", "implementation_name", "extra", "extras", "'3.8'", '"3"', "'posix'",
    '"Foo_Bar"', "'a\"b'", '"\\x41"', "' '", " and ", " or ", "and", "or", " not in ", " in ", "not", "in", "\n", "é",
    "\u00a0", "\\", "'", '"', "*", "!", "=", "~", "+", "-", ".", "_",
]
MARKER_PIECES = [
    'python_version >= "3.8"', "os_name == 'posix'", 'sys_platform != "win32"', 'extra == "Foo_Bar"', '"64" in platform_machine',
    'python_full_version < "3.14"', 'implementation_name == "pypy"', 'platform_release >= "5"', "os.name == 'nt'",
    'platform_python_implementation != "PyPy"', 'python_version ~= "3.8"', 'python_version in "3.8 3.12"',
]


def fuzz_requirements(count: int) -> list[str]:
    rng = random.Random(FUZZ_SEED)
    out: list[str] = []
    for i in range(count):
        if i % 2 == 0:
            parts = [rng.choice(["name", "Foo.Bar", "x_y-z", "a1"])]
            if rng.random() < 0.3:
                parts.append("[" + ",".join(rng.sample(["a", "B", "c.d", "e_f"], rng.randint(0, 3))) + "]")
            if rng.random() < 0.6:
                spec = ",".join(rng.choice([">=", "==", "~=", "!=", "<", ">", "==="]) + rng.choice(["1", "1.0", "1.0.*", "2.0rc1", "1.0+l", "1!1.0", "v3"]) for _ in range(rng.randint(1, 3)))
                parts.append(f"({spec})" if rng.random() < 0.3 else (" " if rng.random() < 0.5 else "") + spec)
            elif rng.random() < 0.2:
                parts.append(" @ https://example.com/x.whl")
            if rng.random() < 0.5:
                marker = f" {rng.choice(['and', 'or'])} ".join(rng.sample(MARKER_PIECES, rng.randint(1, 3)))
                if rng.random() < 0.3:
                    marker = f"({marker})"
                parts.append(rng.choice([";", " ; ", "; "]) + marker)
            text = "".join(parts)
            for _ in range(rng.randint(0, 2)):
                at = rng.randint(0, len(text))
                if rng.random() < 0.5:
                    text = text[:at] + rng.choice(FUZZ_FRAGMENTS) + text[at:]
                else:
                    text = text[:at] + text[at + 1:]
        else:
            text = "".join(rng.choice(FUZZ_FRAGMENTS) for _ in range(rng.randint(1, 10)))
        out.append(text)
    return out


def fuzz_markers(count: int) -> list[str]:
    rng = random.Random(FUZZ_SEED + 1)
    out: list[str] = []
    for _ in range(count):
        pieces = rng.sample(MARKER_PIECES, rng.randint(1, 4))
        text = ""
        for j, piece in enumerate(pieces):
            if j:
                text += rng.choice([" and ", " or ", "and ", " or", " and(", ") or "])
            text += rng.choice(["", "(", " ("]) + piece + rng.choice(["", ")", " )"])
        for _ in range(rng.randint(0, 2)):
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(FUZZ_FRAGMENTS) + text[at + rng.randint(0, 1):]
        out.append(text)
    return out


def requirement_vectors() -> list[dict]:
    out = []
    seen: set[str] = set()
    fuzz = set(fuzz_requirements(1500))
    for text in REQUIREMENTS + sorted(fuzz):
        if text in seen:
            continue
        seen.add(text)
        try:
            req = Requirement(text)
        except InvalidRequirement as e:
            cause = e.__cause__
            entry = {"input": text, "valid": False, "error": "InvalidRequirement", "message": str(e)}
            if text in fuzz and text not in REQUIREMENTS:
                entry["fuzz"] = True
            if isinstance(cause, ParserSyntaxError):
                entry["span"] = list(cause.span)
            out.append(entry)
            continue
        except Exception as e:  # noqa: BLE001 - SyntaxError (ast.literal_eval) or InvalidSpecifier escape
            entry = {"input": text, "valid": False, "error": type(e).__name__, "message": str(e)}
            if text in fuzz and text not in REQUIREMENTS:
                entry["fuzz"] = True
            out.append(entry)
            continue
        out.append(
            {
                **({"fuzz": True} if text in fuzz and text not in REQUIREMENTS else {}),
                "input": text,
                "valid": True,
                "name": req.name,
                "extras": sorted(req.extras),
                "specifier": str(req.specifier),
                "url": req.url,
                "marker": str(req.marker) if req.marker is not None else None,
                "string": str(req),
            }
        )
    return out


def main() -> None:
    envs = environments()
    markers = marker_vectors(envs)
    # One marker per line: compact, yet diffs stay readable.
    header = json.dumps(
        {
            "oracle": f"packaging {packaging.__version__} Marker (default 'metadata' context)",
            "codes": {v: k for k, v in CODES.items()},
            "environments": envs,
        },
        indent=1,
        ensure_ascii=False,
    )
    body = ",\n".join(json.dumps(m, ensure_ascii=False, separators=(",", ":")) for m in markers)
    (OUT_DIR / "markers-corner.json").write_text(header[:-2] + ',\n "markers": [\n' + body + "\n]}\n")
    reqs = requirement_vectors()
    (OUT_DIR / "requirements-corner.json").write_text(
        json.dumps(
            {"oracle": f"packaging {packaging.__version__} Requirement", "requirements": reqs},
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )
    valid_m = sum(1 for m in markers if m["valid"])
    valid_r = sum(1 for r in reqs if r["valid"])
    print(f"markers-corner.json: {len(markers)} markers ({valid_m} valid) x {len(envs)} environments")
    print(f"requirements-corner.json: {len(reqs)} requirements ({valid_r} valid)")


if __name__ == "__main__":
    main()
