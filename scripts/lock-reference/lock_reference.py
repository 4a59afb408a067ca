"""Golden data for Tangle's lock readers, read with Python's own tomllib and json (not Tangle).

For every fixture under workers/formats/lock/fixtures/ (listed in its manifest.json) this writes, to
workers/formats/lock/fixtures/golden.json:
  pins      sorted [canonical name, version] of every package the lock pins from an index or a URL
  projects  sorted canonical names of the project's own entries (editable / virtual / directory sources)
  edges     for poetry.lock and uv.lock: "name==version" -> sorted canonical names of its base dependencies;
            for pip-compile: "name" -> sorted names of the packages its "# via" lines name
and checks the pins against the shared reference (reference.json, produced independently) when it is present.

Run: python3 scripts/lock-reference/lock_reference.py
"""
import json
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "workers" / "formats" / "lock" / "fixtures"
PROJECT_SOURCES = {"editable", "virtual", "directory"}


def poetry(path):
    data = tomllib.loads(path.read_text())
    pins, edges = [], {}
    for p in data.get("package", []):
        name = canonicalize_name(p["name"])
        pins.append([name, p["version"]])
        deps = set()
        for dep, value in p.get("dependencies", {}).items():
            items = value if isinstance(value, list) else [value]
            if any(not (isinstance(i, dict) and i.get("optional")) for i in items):
                deps.add(canonicalize_name(dep))
        edges[f"{name}=={p['version']}"] = sorted(deps)
    return pins, [], edges


def uv(path):
    data = tomllib.loads(path.read_text())
    pins, projects, edges = [], [], {}
    for p in data.get("package", []):
        name = canonicalize_name(p["name"])
        source = p.get("source", {})
        if PROJECT_SOURCES & set(source):
            projects.append(name)
            continue
        pins.append([name, p["version"]])
        edges[f"{name}=={p['version']}"] = sorted({canonicalize_name(d["name"]) for d in p.get("dependencies", [])})
    return pins, projects, edges


def pipfile_lock(path):
    data = json.loads(path.read_text())
    pins = []
    for section in ("default", "develop"):
        for name, entry in data.get(section, {}).items():
            version = entry.get("version", "")
            if version.startswith("=="):
                pins.append([canonicalize_name(name), version[2:]])
    return pins, [], None


def pylock(path):
    data = tomllib.loads(path.read_text())
    pins, projects = [], []
    for p in data.get("packages", []):
        name = canonicalize_name(p["name"])
        if "directory" in p:
            projects.append(name)
        else:
            pins.append([name, p["version"]])
    return pins, projects, None


PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;\\]+)")


def pip_compile(path):
    """pip-compile output by hand: `name==version` starts a pin; `# via X` or `# via` then `#   X` lines say who asked."""
    pins, edges, current, collecting = [], {}, None, False
    for line in path.read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins.append([current, match.group(3)])
            edges.setdefault(current, [])
            collecting = False
            continue
        inline = re.match(r"^\s*#\s*via\s+(\S.*)$", line)
        if inline and current:
            edges[current] += [i.strip() for i in inline.group(1).split(",")]
            collecting = False
        elif re.match(r"^\s*#\s*via\s*$", line):
            collecting = True
        elif collecting and (item := re.match(r"^\s*#\s{2,}(\S.*)$", line)) and current:
            edges[current].append(item.group(1).strip())
        else:
            collecting = False
    named = {name for name, _ in pins}
    parents = {}
    for child, items in edges.items():
        for item in items:
            word = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)$", item)
            if word and canonicalize_name(word.group(1)) in named:
                parents.setdefault(canonicalize_name(word.group(1)), set()).add(child)
    return pins, [], {name: sorted(parents.get(name, set())) for name in sorted(named)}


def pip_report(path):
    """pip's --report: every install item; edges are Requires-Dist entries on installed projects without an extra marker."""
    data = json.loads(path.read_text())
    installed = {canonicalize_name(i["metadata"]["name"]) for i in data["install"]}
    pins, edges = [], {}
    for item in data["install"]:
        meta = item["metadata"]
        name = canonicalize_name(meta["name"])
        pins.append([name, meta["version"]])
        deps = set()
        for text in meta.get("requires_dist") or []:
            req = Requirement(text)
            target = canonicalize_name(req.name)
            if target in installed and target != name and (req.marker is None or "extra" not in str(req.marker)):
                deps.add(target)
        edges[f"{name}=={meta['version']}"] = sorted(deps)
    return pins, [], edges


def pip_freeze(path):
    pins = []
    for line in path.read_text().splitlines():
        name, _, version = line.partition("==")
        if version:
            pins.append([canonicalize_name(name), version.strip()])
    return pins, [], None


READERS = {"poetry.lock": poetry, "uv.lock": uv, "Pipfile.lock": pipfile_lock, "pylock.toml": pylock, "pip-compile": pip_compile, "pip-report": pip_report, "pip-freeze": pip_freeze}


def main():
    manifest = json.loads((FIXTURES / "manifest.json").read_text())
    golden = {}
    for entry in manifest:
        path = FIXTURES / entry["id"] / entry["path"]
        pins, projects, edges = READERS[entry["format"]](path)
        golden[entry["id"]] = {"format": entry["format"], "file": f"{entry['id']}/{entry['path']}", "pins": sorted(map(list, {tuple(p) for p in pins})), "projects": sorted(set(projects))}
        if edges is not None:
            golden[entry["id"]]["edges"] = edges
    (FIXTURES / "golden.json").write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n")
    shared = FIXTURES / "shared-reference.json"
    if shared.exists():
        reference = json.loads(shared.read_text())
        for lock_id, ours in golden.items():
            theirs = reference.get(lock_id)
            if theirs is None:
                print(f"{lock_id}: {len(ours['pins'])} pins (generated here, not in the shared reference)")
                continue
            same = theirs is not None and sorted(map(list, theirs["pins"])) == ours["pins"] and sorted(theirs["optional"]) == ours["projects"]
            print(f"{lock_id}: {len(ours['pins'])} pins, {len(ours['projects'])} project entries; shared reference {'agrees' if same else 'DIFFERS'}")
            if not same:
                sys.exit(1)


if __name__ == "__main__":
    main()
