"""Golden data for Tangle's uv.lock and poetry.lock writers, taken from real lock files with Python's tomllib (not Tangle).

Writes workers/formats/output/fixtures/lock-writers-golden.json:
  structure  for uv.lock and poetry.lock (lock-version 2.x): every key the real fixtures use at each level (top,
             package, source, dependency entry, file entry, metadata) with the Python types of its values, so the
             writers' output can be checked to use only keys and types real files use, and every key all of them use.
  contentHash  Poetry's content-hash: for each real poetry.lock fixture, the hash recomputed from the pyproject.toml
             beside it with Poetry 2's algorithm (and Poetry 1's), checked equal to the lock's own `content-hash`; and
             the Poetry 2 hash of a few hand-written pyproject.toml texts (non-ASCII, nested tables, groups).

Poetry's algorithm (poetry/packages/locker.py, Locker._get_content_hash): sha256 of json.dumps(relevant, sort_keys=True),
where relevant is [project] requires-python / dependencies / optional-dependencies plus [tool.poetry] dependencies /
source / extras / dev-dependencies / group (and [dependency-groups]); without a [project] table, the [tool.poetry]
keys alone at the top level, the four legacy keys present even when null. Poetry 1.x ignored [project].

Run: /usr/bin/python3 scripts/lock-reference/lock_writer_reference.py
"""
import hashlib
import json
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ROOT / "workers" / "formats" / "lock" / "fixtures"
OUT = ROOT / "workers" / "formats" / "output" / "fixtures" / "lock-writers-golden.json"

LEGACY = ["dependencies", "source", "extras", "dev-dependencies"]
RELEVANT = LEGACY + ["group"]
PROJECT = ["requires-python", "dependencies", "optional-dependencies"]


def poetry2_hash(pyproject):
    project = pyproject.get("project", {})
    poetry = pyproject.get("tool", {}).get("poetry", {})
    groups = pyproject.get("dependency-groups", {})
    relevant_project = {k: project[k] for k in PROJECT if project.get(k) is not None}
    relevant_poetry = {}
    for key in RELEVANT:
        value = poetry.get(key)
        if value is None and (key not in LEGACY or relevant_project):
            continue
        relevant_poetry[key] = value
    if relevant_project:
        content = {"project": relevant_project, "tool": {"poetry": relevant_poetry}}
        if groups:
            content["dependency-groups"] = groups
    else:
        content = relevant_poetry
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def poetry1_hash(pyproject):
    poetry = pyproject.get("tool", {}).get("poetry", {})
    content = {k: poetry.get(k) for k in RELEVANT if not (poetry.get(k) is None and k not in LEGACY)}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def type_name(value):
    return {str: "string", bool: "boolean", int: "integer", float: "float", list: "array", dict: "table"}.get(type(value), type(value).__name__)


class Shapes:
    """Keys seen at each level, the types of their values, and in how many entries each key appears."""

    def __init__(self):
        self.levels = {}

    def add(self, level, table):
        entry = self.levels.setdefault(level, {"entries": 0, "keys": {}})
        entry["entries"] += 1
        for key, value in table.items():
            k = entry["keys"].setdefault(key, {"types": set(), "count": 0})
            k["types"].add(type_name(value))
            k["count"] += 1

    def as_json(self):
        return {
            level: {
                "keys": sorted(data["keys"]),
                "always": sorted(k for k, v in data["keys"].items() if v["count"] == data["entries"]),
                "types": {k: sorted(v["types"]) for k, v in sorted(data["keys"].items())},
            }
            for level, data in sorted(self.levels.items())
        }


def uv_structure(paths):
    shapes = Shapes()
    for path in paths:
        data = tomllib.loads(path.read_text())
        shapes.add("top", data)
        for p in data["package"]:
            shapes.add("package", p)
            shapes.add("source", p["source"])
            for d in p.get("dependencies", []):
                shapes.add("dependency", d)
            for deps in p.get("optional-dependencies", {}).values():
                for d in deps:
                    shapes.add("dependency", d)
            if "sdist" in p:
                shapes.add("file", p["sdist"])
            for w in p.get("wheels", []):
                shapes.add("file", w)
            if "metadata" in p:
                shapes.add("metadata", p["metadata"])
                for r in p["metadata"].get("requires-dist", []):
                    shapes.add("requires-dist", r)
    return shapes.as_json()


def poetry_structure(paths):
    shapes = Shapes()
    for path in paths:
        data = tomllib.loads(path.read_text())
        shapes.add("top", data)
        shapes.add("metadata", data["metadata"])
        for p in data["package"]:
            shapes.add("package", p)
            for f in p.get("files", []):
                shapes.add("file", f)
            for value in p.get("dependencies", {}).values():
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, dict):
                        shapes.add("dependency", item)
    return shapes.as_json()


HANDWRITTEN = {
    "tool-poetry-only": '[tool.poetry]\nname = "demo"\n[tool.poetry.dependencies]\npython = "^3.8"\nrequests = { version = "^2.25", extras = ["socks"] }\n',
    "non-ascii": '[tool.poetry]\nname = "démo"\ndescription = "ignored"\n[tool.poetry.dependencies]\npython = ">=3.9"\n"café" = "*"\n[tool.poetry.group.dev.dependencies]\npytest = "^7 || ^8"\n',
    "project-and-groups": '[project]\nname = "demo"\nrequires-python = ">=3.10"\ndependencies = ["attrs>=23", "idna; python_version < \'3.12\'"]\n[project.optional-dependencies]\nfast = ["orjson"]\n[dependency-groups]\ndev = ["pytest>=8"]\n[tool.poetry.group.docs.dependencies]\nsphinx = "^7"\n',
    "project-only": '[project]\nname = "demo"\nversion = "1"\ndependencies = []\n',
    "empty": "",
}


def main():
    content_hash = []
    for lock_path in sorted(LOCKS.glob("poetry-*/poetry.lock")):
        pyproject = tomllib.loads((lock_path.parent / "pyproject.toml").read_text())
        lock = tomllib.loads(lock_path.read_text())
        expected = lock["metadata"]["content-hash"]
        v2, v1 = poetry2_hash(pyproject), poetry1_hash(pyproject)
        if expected not in (v1, v2):
            raise SystemExit(f"{lock_path}: content-hash {expected} is neither Poetry 2's {v2} nor Poetry 1's {v1}")
        content_hash.append({"fixture": lock_path.parent.name, "lockVersion": lock["metadata"]["lock-version"], "lockHash": expected, "poetry2": v2, "poetry1": v1})
    handwritten = [{"name": name, "pyproject": text, "poetry2": poetry2_hash(tomllib.loads(text))} for name, text in HANDWRITTEN.items()]
    poetry_locks = [p for p in sorted(LOCKS.glob("poetry-*/poetry.lock")) if tomllib.loads(p.read_text())["metadata"]["lock-version"].startswith("2.")]
    golden = {
        "structure": {"uv.lock": uv_structure(sorted(LOCKS.glob("uv-*/uv.lock"))), "poetry.lock": poetry_structure(poetry_locks)},
        "structureFrom": {"uv.lock": [p.parent.name for p in sorted(LOCKS.glob("uv-*/uv.lock"))], "poetry.lock": [p.parent.name for p in poetry_locks]},
        "contentHash": {"fixtures": content_hash, "handwritten": handwritten},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(content_hash)} real content-hashes reproduced, {len(handwritten)} hand-written")


if __name__ == "__main__":
    main()
