"""Reads the real project files under workers/formats/input/fixtures/real with the projects' own tools and writes the
requirement sets they declare to fixtures/real/reference.json (committed; `npm test` compares `tangle read` to it).

Tools: pip 23.2's requirements-file parser (pip._internal.req.req_file), pbr (pbr.packaging.parse_requirements and
pbr.util.setup_cfg_to_setup_kwargs), zc.buildout 2.13's config loader (zc.buildout.buildout._open: extends, +=, -=,
`=> part`), poetry-core (Factory().create_poetry), tomllib. pbr, zc.buildout and poetry-core are Debian's packages
(apt-get install python3-pbr python3-zc.buildout python3-poetry-core); pip and packaging are this Python's.

Run: python3 scripts/reference/read-reference.py
"""
import collections
import collections.abc
import configparser
import json
import os
import re
import sys
import tempfile
import tomllib

# pip has imported the standard library's distutils by the time pbr imports setuptools: let setuptools keep it.
os.environ["SETUPTOOLS_USE_DISTUTILS"] = "stdlib"

import packaging  # noqa: F401  (imported before poetry-core, which puts its vendored copy first on sys.path)
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pip._internal.network.session import PipSession
from pip._internal.req.req_file import parse_requirements

# zc.buildout 2.13 predates Python 3.10's removal of collections.MutableMapping.
collections.MutableMapping = collections.abc.MutableMapping
sys.path.append("/usr/lib/python3/dist-packages")
import pbr.packaging  # noqa: E402
import pbr.util  # noqa: E402
import zc.buildout.buildout  # noqa: E402
import zc.buildout.download  # noqa: E402
from poetry.core.factory import Factory  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "workers", "formats", "input", "fixtures", "real")


def item(requirement, source):
    return {"requirement": str(Requirement(requirement)), "from": source}


def pip_requirements(path):
    """pip's own reading: -r/-c followed; every requirement, constraints apart."""
    requirements, constraints = [], []
    for parsed in parse_requirements(path, session=PipSession()):
        (constraints if parsed.constraint else requirements).append(item(parsed.requirement, "main"))
    return {"tool": "pip 23.2 req_file.parse_requirements", "requirements": requirements, "constraints": constraints}


def pbr_lines(path):
    return pbr.packaging.parse_requirements([path]) if os.path.exists(path) else []


def pbr_setup_cfg(directory):
    """pbr: install_requires from requirements.txt, tests from test-requirements.txt, extras from [extras]."""
    parser = configparser.RawConfigParser()
    parser.read(os.path.join(directory, "setup.cfg"))
    config = {section: dict(parser.items(section)) for section in parser.sections()}
    # The long description is a README this reference does not need (and the fixtures do not carry).
    for key in ("description_file", "description-file"):
        config.get("metadata", {}).pop(key, None)
    kwargs = pbr.util.setup_cfg_to_setup_kwargs(config)
    requirements = [item(r, "main") for r in pbr_lines(os.path.join(directory, "requirements.txt"))]
    requirements += [item(r, "group:test") for r in pbr_lines(os.path.join(directory, "test-requirements.txt"))]
    for extra, lines in kwargs.get("extras_require", {}).items():
        # setuptools reads these with pkg_resources.parse_requirements, which drops " #" comments.
        stripped = (re.sub(r"\s+#.*$", "", line).strip() for line in lines)
        requirements += [item(r, f"extra:{extra}") for r in stripped if r and not r.startswith("#")]
    return {"tool": "pbr 5.10 parse_requirements + setup_cfg_to_setup_kwargs", "requirements": requirements, "constraints": []}


def pbr_pyproject(directory):
    """pbr.build on PEP 621: dynamic dependencies from requirements.txt, the rest from [project]."""
    with open(os.path.join(directory, "pyproject.toml"), "rb") as f:
        project = tomllib.load(f)["project"]
    requirements = [item(r, "main") for r in pbr_lines(os.path.join(directory, "requirements.txt"))]
    for extra, lines in project.get("optional-dependencies", {}).items():
        requirements += [item(r, f"extra:{extra}") for r in lines]
    return {"tool": "pbr 5.10 parse_requirements + tomllib", "requirements": requirements, "constraints": []}


def poetry(directory):
    """poetry-core's reading of [tool.poetry]: main dependencies, extras, groups, each as PEP 508."""
    package = Factory().create_poetry(directory).package
    requirements = []
    main = package.dependency_group("main")
    optional = {d.name for deps in package.extras.values() for d in deps}
    for dependency in main.dependencies:
        if dependency.name not in optional:
            requirements.append(item(dependency.to_pep_508(), "main"))
    for extra, dependencies in package.extras.items():
        for dependency in dependencies:
            # poetry-core writes the metadata form (`; extra == "x"`); the source says the extra instead.
            pep508 = re.sub(r'\s*;\s*extra == "[^"]*"$|\s+and\s+extra == "[^"]*"', "", dependency.to_pep_508())
            requirements.append(item(pep508, f"extra:{extra}"))
    for name in package.dependency_group_names():
        if name == "main":
            continue
        for dependency in package.dependency_group(name).dependencies:
            requirements.append(item(dependency.to_pep_508(), f"group:{name}"))
    return {"tool": "poetry-core 1.4 Factory.create_poetry", "requirements": requirements, "constraints": []}


REFERENCE = re.compile(r"\$\{([^:}]*):([^}]*)\}")


def buildout(directory):
    """zc.buildout 2.13's loader (extends, +=, -=, => part); remote extends are not downloaded (an empty file)."""
    skipped = []

    def no_download(self, url, path=None):
        skipped.append(url)
        handle, name = tempfile.mkstemp(suffix=".cfg")
        os.close(handle)
        return name, True

    zc.buildout.download.Download.__call__ = no_download
    # zc.buildout 2.13 names Pythons up to 3.9 in section conditions; later ones are added, all false, as Tangle
    # applies no conditional section.
    known = zc.buildout.buildout._default_globals

    def default_globals():
        names = known()
        for minor in range(0, 20):
            names[f"python3{minor}"] = False
        names["python27"] = names["python2"] = names["python3"] = False
        return names

    zc.buildout.buildout._default_globals = default_globals
    loaded = zc.buildout.buildout._open(directory, os.path.join(directory, "buildout.cfg"), [], {}, {}, set())
    config = zc.buildout.buildout._unannotate(loaded)

    def value(section, option, depth=0):
        raw = config.get(section, {}).get(option)
        if raw is None:
            return None
        if depth > 50:
            raise ValueError("reference cycle")
        return REFERENCE.sub(lambda m: value(m.group(1) or section, m.group(2), depth + 1) or "", raw)

    requirements, seen = [], set()
    for part in (value("buildout", "parts") or "").split():
        eggs = value(part, "eggs")
        if eggs is None:
            if (value(part, "recipe") or "").strip().startswith("zc.recipe.egg"):
                eggs = part
            else:
                continue
        for line in eggs.split("\n"):
            line = line.strip()
            if line and line not in seen:
                seen.add(line)
                requirements.append(item(line, "main"))
    versions = (value("buildout", "versions") or "versions").strip()
    constraints = [item(f"{name}=={version.strip()}", "main") for name, version in config.get(versions, {}).items() if version.strip()]
    return {"tool": "zc.buildout 2.13 _open", "requirements": requirements, "constraints": constraints, "skipped": skipped}


PROJECTS = {
    "req-warehouse-top": lambda d: pip_requirements(os.path.join(d, "requirements.txt")),
    "cfg-nova": pbr_setup_cfg,
    "cfg-keystone": pbr_setup_cfg,
    "pep621-nova-pbr": pbr_pyproject,
    "poetry-rich": poetry,
    "buildout-coredev": buildout,
    "buildout-zope": buildout,
}

ENTRY = {
    "req-warehouse-top": "requirements.txt",
    "cfg-nova": "setup.cfg",
    "cfg-keystone": "setup.cfg",
    "pep621-nova-pbr": "pyproject.toml",
    "poetry-rich": "pyproject.toml",
    "buildout-coredev": "buildout.cfg",
    "buildout-zope": "buildout.cfg",
}


PYTHON_CONSTRAINTS = ["~2.7 || ^3.6", "3.6", "3", "^3.8", ">=3.8,<3.13", "3.8.1", ">=2.7,<3.0 || >=3.5", "~3.7 || ~3.9", "^2.7 || >=3.4,<3.8"]


def python_constraints():
    """A project's `python = "..."` as poetry-core writes Requires-Python (format_python_constraint)."""
    from poetry.core.constraints.version import parse_constraint
    from poetry.core.version.helpers import format_python_constraint

    return {text: format_python_constraint(parse_constraint(text)) for text in PYTHON_CONSTRAINTS}


def main():
    out = {}
    for project, read in PROJECTS.items():
        result = read(os.path.join(ROOT, project))
        out[project] = {"entry": ENTRY[project], **result}
        counts = collections.Counter(r["from"] for r in result["requirements"])
        print(project, dict(counts), "constraints", len(result["constraints"]))
    with open(os.path.join(ROOT, "poetry-python-constraints.json"), "w") as f:
        json.dump(python_constraints(), f, indent=1)
        f.write("\n")
    with open(os.path.join(ROOT, "reference.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
