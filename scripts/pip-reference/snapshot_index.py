"""In-memory package index loaded from a Tangle snapshot file, parsed with `packaging` 26."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from packaging._parser import Value, Variable  # marker tree nodes (no public API for walking)
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version


@dataclass(frozen=True)
class Release:
    """One release of a project: a single py3-none-any wheel whose METADATA we know."""

    project: str
    version: Version
    # The version key exactly as the snapshot spells it (e.g. "1.1.7_rc.1").
    version_string: str
    # Requires-Dist, in metadata order, already parsed (invalid strings dropped).
    requirements: Tuple[Requirement, ...]
    # Provides-Extra, canonicalised.
    provided_extras: frozenset
    # Requires-Python (None when absent or invalid, as pip treats an invalid one as empty).
    requires_python: Optional[SpecifierSet]


@dataclass
class Snapshot:
    """Every project of one snapshot file, with releases in ascending version order."""

    file: str
    projects: Dict[str, Tuple[Release, ...]]
    # Only for pip-benchmark files: the recorded root requirements and environment markers.
    benchmark_requirements: Optional[List[str]] = None
    benchmark_markers: Optional[Dict[str, str]] = None
    skipped_versions: List[str] = field(default_factory=list)
    skipped_requirements: List[str] = field(default_factory=list)
    skipped_requires_python: List[str] = field(default_factory=list)

    def stats(self) -> dict:
        """Counts describing what was loaded and what packaging 26 rejected."""
        return {
            "projects": len(self.projects),
            "releases": sum(len(r) for r in self.projects.values()),
            "skippedVersions": sorted(self.skipped_versions),
            "skippedRequirements": sorted(self.skipped_requirements),
            "skippedRequiresPython": sorted(self.skipped_requires_python),
        }


def _extras_in_marker(markers: list, out: set) -> None:
    """Collect every value compared with `extra` (either side of `==`) in a parsed marker tree."""
    for item in markers:
        if isinstance(item, list):
            _extras_in_marker(item, out)
        elif isinstance(item, tuple):
            lhs, op, rhs = item
            if op.value != "==":
                continue
            if isinstance(lhs, Variable) and lhs.value == "extra" and isinstance(rhs, Value):
                out.add(canonicalize_name(rhs.value))
            elif isinstance(rhs, Variable) and rhs.value == "extra" and isinstance(lhs, Value):
                out.add(canonicalize_name(lhs.value))


def provided_extras_of(requirements: Tuple[Requirement, ...]) -> frozenset:
    """Provides-Extra as setuptools writes it: every extra some Requires-Dist is conditional on.

    The pypi-* snapshots carry no Provides-Extra; an extra with no dependencies is
    indistinguishable from a missing one for resolution, so deriving it is lossless.
    """
    out: set = set()
    for req in requirements:
        if req.marker is not None:
            _extras_in_marker(req.marker._markers, out)
    return frozenset(out)


class _Parser:
    """Parses requirement strings once per distinct string, remembering rejects."""

    def __init__(self) -> None:
        self._cache: Dict[str, Optional[Requirement]] = {}

    def requirement(self, text: str) -> Optional[Requirement]:
        if text not in self._cache:
            try:
                self._cache[text] = Requirement(text)
            except InvalidRequirement:
                self._cache[text] = None
        return self._cache[text]


def load_snapshot(path: str) -> Snapshot:
    """Load a `pypi-*.json` or `pip-benchmark-*.json` snapshot into memory."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    snapshot = Snapshot(file=os.path.basename(path), projects={})
    parser = _Parser()

    if "packages" in data:
        # pip-resolver-benchmarks scenario: markers already evaluated away, extras
        # grouped by key. Rebuild METADATA exactly as its wheel builder writes it
        # (`Requires-Dist: {dep} ; extra == '{extra}'`, `Provides-Extra: {extra}`).
        snapshot.benchmark_requirements = list(data["input"]["requirements"])
        snapshot.benchmark_markers = dict(data["input"]["environment"]["markers"])
        raw = {}
        for project, versions in data["packages"].items():
            raw[project] = {}
            for version, info in versions.items():
                deps: List[str] = []
                extras = []
                for extra, reqs in info["depends_by_extra"].items():
                    if extra == "":
                        deps.extend(reqs)
                    else:
                        extras.append(canonicalize_name(extra))
                        deps.extend(f"{r} ; extra == '{extra}'" for r in reqs)
                raw[project][version] = (deps, frozenset(extras), info.get("requires_python"))
    else:
        raw = {
            project: {v: (info["dependencies"], None, None) for v, info in versions.items()}
            for project, versions in data.items()
        }

    for project, versions in raw.items():
        name = canonicalize_name(project)
        releases = []
        for version_string, (deps, extras, requires_python) in versions.items():
            try:
                version = Version(version_string)
            except InvalidVersion:
                snapshot.skipped_versions.append(f"{name} {version_string}")
                continue
            parsed = []
            for text in deps:
                req = parser.requirement(text)
                if req is None:
                    snapshot.skipped_requirements.append(f"{name} {version_string}: {text}")
                else:
                    parsed.append(req)
            rp: Optional[SpecifierSet] = None
            if requires_python:
                try:
                    rp = SpecifierSet(requires_python)
                except InvalidSpecifier:
                    snapshot.skipped_requires_python.append(f"{name} {version_string}: {requires_python}")
            reqs = tuple(parsed)
            releases.append(
                Release(
                    project=name,
                    version=version,
                    version_string=version_string,
                    requirements=reqs,
                    provided_extras=extras if extras is not None else provided_extras_of(reqs),
                    requires_python=rp if rp is not None and str(rp) else None,
                )
            )
        # PackageFinder sorts applicable candidates by version ascending (every file
        # is the same py3-none-any wheel, so the version is the whole sort key).
        releases.sort(key=lambda r: r.version)
        snapshot.projects[name] = tuple(releases)
    return snapshot

