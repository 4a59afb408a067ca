"""pip 23.2's resolvelib provider (candidates, requirements, preference) over an in-memory snapshot."""

# Each class below mirrors the pip 23.2 class named in its docstring
# (pip/_internal/resolution/resolvelib/*.py); only the IO is gone: "the index"
# is a Snapshot, "METADATA" is a Release. Nothing is installed (as with
# `pip install --ignore-installed --dry-run`), there are no constraints, no
# direct URLs, no hashes, no yanked files, and every release is one
# py3-none-any wheel. Deliberate differences from pip 23.2 itself, all as
# modern pip (24+) behaves: versions, specifiers, markers and requirements are
# `packaging` 26 objects (pip 23.2 vendors 21.3), so strings packaging 26
# rejects are skipped and extras are compared after PEP 685 normalisation.

from __future__ import annotations

import collections
import collections.abc
import math
from typing import Dict, FrozenSet, Iterable, Iterator, List, Sequence, Tuple

from packaging.markers import UndefinedComparison, UndefinedEnvironmentName
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version
from pip._vendor.resolvelib.providers import AbstractProvider

from snapshot_index import Release, Snapshot

# pip: candidates.REQUIRES_PYTHON_IDENTIFIER
REQUIRES_PYTHON_IDENTIFIER = "<Python from Requires-Python>"


def format_name(project: str, extras: FrozenSet[str]) -> str:
    """pip: base.format_name — the resolver identifier `name` or `name[e1,e2]`."""
    if not extras:
        return project
    canonical_extras = sorted(canonicalize_name(e) for e in extras)
    return "{}[{}]".format(project, ",".join(canonical_extras))


# --------------------------------------------------------------------------- candidates


class BaseCandidate:
    """pip: LinkCandidate — one release (its single wheel) of a project."""

    __slots__ = ("project_name", "name", "version", "release")

    def __init__(self, release: Release) -> None:
        self.project_name = release.project
        self.name = release.project
        self.version = release.version
        self.release = release

    def __hash__(self) -> int:
        return hash((self.__class__, self.name, self.version))

    def __eq__(self, other: object) -> bool:
        # LinkCandidate compares links; one link per version makes that (name, version).
        if isinstance(other, self.__class__):
            return self.name == other.name and self.version == other.version
        return False

    def __repr__(self) -> str:
        return f"{self.name}=={self.version}"


class ExtrasCandidate:
    """pip: ExtrasCandidate — `pkg[extras]` at the base's version."""

    __slots__ = ("base", "extras", "project_name", "name", "version")

    def __init__(self, base: BaseCandidate, extras: FrozenSet[str]) -> None:
        self.base = base
        self.extras = extras
        self.project_name = base.project_name
        self.name = format_name(base.project_name, extras)
        self.version = base.version

    def __hash__(self) -> int:
        return hash((self.base, self.extras))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, self.__class__):
            return self.base == other.base and self.extras == other.extras
        return False

    def __repr__(self) -> str:
        return f"{self.name}=={self.version}"


class RequiresPythonCandidate:
    """pip: RequiresPythonCandidate — the target interpreter, the only Python candidate."""

    def __init__(self, python_full_version: str) -> None:
        self.project_name = REQUIRES_PYTHON_IDENTIFIER
        self.name = REQUIRES_PYTHON_IDENTIFIER
        self.version = Version(python_full_version)

    def __repr__(self) -> str:
        return f"Python {self.version}"


# --------------------------------------------------------------------------- requirements


class SpecifierRequirement:
    """pip: SpecifierRequirement — `name[extras] specifier` from metadata or the user."""

    __slots__ = ("req", "project_name", "name", "specifier", "extras")

    def __init__(self, req: Requirement) -> None:
        self.req = req
        self.project_name = canonicalize_name(req.name)
        self.extras = frozenset(canonicalize_name(e) for e in req.extras)
        self.name = format_name(self.project_name, self.extras)
        self.specifier = req.specifier

    def get_candidate_lookup(self):
        # pip returns (None, ireq); the packaging Requirement plays the ireq here
        # (get_preference and find_candidates only read `.specifier` and extras).
        return None, self

    def is_satisfied_by(self, candidate) -> bool:
        # PackageFinder already applied the pre-release rule, so pip allows them here.
        return self.specifier.contains(candidate.version, prereleases=True)

    def __str__(self) -> str:
        return str(self.req)


class ExplicitRequirement:
    """pip: ExplicitRequirement — exactly this candidate (ExtrasCandidate -> its base)."""

    __slots__ = ("candidate", "project_name", "name")

    def __init__(self, candidate: BaseCandidate) -> None:
        self.candidate = candidate
        self.project_name = candidate.project_name
        self.name = candidate.name

    def get_candidate_lookup(self):
        return self.candidate, None

    def is_satisfied_by(self, candidate) -> bool:
        return candidate == self.candidate

    def __str__(self) -> str:
        return f"{self.candidate.name}=={self.candidate.version}"


class RequiresPythonRequirement:
    """pip: RequiresPythonRequirement — a release's Requires-Python against the target Python."""

    __slots__ = ("specifier", "_candidate", "project_name", "name")

    def __init__(self, specifier: SpecifierSet, match: RequiresPythonCandidate) -> None:
        self.specifier = specifier
        self._candidate = match
        self.project_name = REQUIRES_PYTHON_IDENTIFIER
        self.name = REQUIRES_PYTHON_IDENTIFIER

    def get_candidate_lookup(self):
        if self.specifier.contains(self._candidate.version, prereleases=True):
            return self._candidate, None
        return None, None

    def is_satisfied_by(self, candidate) -> bool:
        return self.specifier.contains(candidate.version, prereleases=True)

    def __str__(self) -> str:
        return f"Python {self.specifier}"


# --------------------------------------------------------------------------- found candidates


class FoundCandidates(collections.abc.Sequence):
    """pip: found_candidates.FoundCandidates — a lazy, re-iterable view of index candidates.

    Being a Sequence makes resolvelib keep it lazy (build_iter_view), as in pip.
    """

    def __init__(self, make, releases: Tuple[Release, ...], extras, incompatible_ids) -> None:
        self._make = make
        self._releases = releases  # best first
        self._extras = extras
        self._incompatible_ids = incompatible_ids

    def __iter__(self) -> Iterator:
        for release in self._releases:
            candidate = self._make(release, self._extras)
            if id(candidate) not in self._incompatible_ids:
                yield candidate

    def __bool__(self) -> bool:
        return any(True for _ in self)

    def __getitem__(self, index):  # pragma: no cover - pip raises too
        raise NotImplementedError("don't do this")

    def __len__(self) -> int:  # pragma: no cover - pip raises too
        raise NotImplementedError("don't do this")


# --------------------------------------------------------------------------- provider


class PipProvider(AbstractProvider):
    """pip: PipProvider + the parts of Factory and PackageFinder it calls.

    `environment` is the full PEP 508 marker environment of the target. Build the
    root requirements with `root_requirements` (it fills pip's `user_requested`).
    """

    def __init__(self, snapshot: Snapshot, environment: Dict[str, str]) -> None:
        self._snapshot = snapshot
        self._environment = dict(environment)
        self._user_requested: Dict[str, int] = {}
        self._known_depths: Dict[str, float] = collections.defaultdict(lambda: math.inf)
        self._python_candidate = RequiresPythonCandidate(environment["python_full_version"])
        # Factory caches: one object per release / (release, extras), so that
        # resolvelib's id()-based incompatibility checks work as in pip.
        self._base_cache: Dict[int, BaseCandidate] = {}
        self._extras_cache: Dict[Tuple[int, FrozenSet[str]], ExtrasCandidate] = {}
        # PackageFinder.find_best_candidate is lru_cached on (name, specifier).
        self._finder_cache: Dict[Tuple[str, SpecifierSet], Tuple[Release, ...]] = {}
        self._marker_cache: Dict[Tuple[int, str], Tuple[object, bool]] = {}
        self._spec_req_cache: Dict[int, SpecifierRequirement] = {}
        self._deps_cache: Dict[int, List] = {}
        # Requirements skipped because packaging 26 could not evaluate their marker.
        self.marker_errors: set = set()

    # ---- markers and requirement construction (Factory._make_requirement_from_install_req)

    def marker_matches(self, req: Requirement, extras: Iterable[str]) -> bool:
        """pip: InstallRequirement.match_markers — any requested extra (or "") satisfies the marker."""
        marker = req.marker
        if marker is None:
            return True
        for extra in tuple(extras) or ("",):
            key = (id(marker), extra)
            cached = self._marker_cache.get(key)
            if cached is None or cached[0] is not marker:
                env = dict(self._environment)
                env["extra"] = extra
                try:
                    hit = marker.evaluate(env)
                except (UndefinedComparison, UndefinedEnvironmentName):
                    # packaging 26 rejects e.g. `implementation_name === "pypy"`:
                    # the requirement is skipped, like one it cannot parse.
                    self.marker_errors.add(str(req))
                    hit = False
                # The marker is kept in the entry so its id() cannot be reused.
                cached = self._marker_cache[key] = (marker, hit)
            if cached[1]:
                return True
        return False

    def make_requirement(self, req: Requirement) -> SpecifierRequirement:
        key = id(req)
        cached = self._spec_req_cache.get(key)
        if cached is None:
            cached = self._spec_req_cache[key] = SpecifierRequirement(req)
        return cached

    def root_requirements(self, lines: Sequence[str]) -> List[SpecifierRequirement]:
        """pip: Factory.collect_root_requirements — skip lines whose markers don't match,
        and remember each identifier's first position (PipProvider's `user_requested`)."""
        out = []
        for i, line in enumerate(lines):
            req = Requirement(line)
            if not self.marker_matches(req, ()):
                continue
            requirement = SpecifierRequirement(req)
            if requirement.name not in self._user_requested:
                self._user_requested[requirement.name] = i
            out.append(requirement)
        return out

    # ---- candidate construction (Factory._make_candidate_from_link / _make_extras_candidate)

    def _make_candidate(self, release: Release, extras: FrozenSet[str]):
        base = self._base_cache.get(id(release))
        if base is None:
            base = self._base_cache[id(release)] = BaseCandidate(release)
        if not extras:
            return base
        return self._make_extras_candidate(base, extras)

    def _make_extras_candidate(self, base: BaseCandidate, extras: FrozenSet[str]) -> ExtrasCandidate:
        key = (id(base), extras)
        candidate = self._extras_cache.get(key)
        if candidate is None:
            candidate = self._extras_cache[key] = ExtrasCandidate(base, extras)
        return candidate

    # ---- PackageFinder

    def _applicable_releases(self, project: str, specifier: SpecifierSet) -> Tuple[Release, ...]:
        """pip: PackageFinder.find_best_candidate(...).iter_applicable(), reversed (best first).

        CandidateEvaluator.get_applicable_candidates filters with
        `specifier.filter(versions, prereleases=None)` (no --pre): pre-releases
        pass only if a specifier names one, or — packaging 26's PEP 440 fallback —
        when no final release matches. Then sorted ascending; pip reverses it.
        """
        key = (project, specifier)
        cached = self._finder_cache.get(key)
        if cached is None:
            releases = self._snapshot.projects.get(project, ())
            applicable = list(specifier.filter(releases, prereleases=None, key=lambda r: r.version))
            cached = self._finder_cache[key] = tuple(reversed(applicable))
        return cached

    # ---- Factory.find_candidates

    def _find_candidates(self, identifier: str, requirements, incompatibilities) -> Iterable:
        explicit_candidates: List = []
        ireqs: List[SpecifierRequirement] = []
        for req in requirements[identifier]:
            cand, ireq = req.get_candidate_lookup()
            if cand is not None and cand not in explicit_candidates:
                explicit_candidates.append(cand)
            if ireq is not None:
                ireqs.append(ireq)

        # If the identifier has extras, the pinned base (an ExplicitRequirement on
        # `pkg`, added by another `pkg[...]` candidate) becomes an explicit
        # `pkg[extras]` candidate. pip also does this for extra-less identifiers,
        # yielding ExtrasCandidate(base, {}) which the ExplicitRequirement it came
        # from always rejects below, so that no-op is left out.
        if identifier != REQUIRES_PYTHON_IDENTIFIER:
            try:
                parsed = Requirement(identifier)
            except InvalidRequirement:
                parsed = None
            if parsed is not None and parsed.extras:
                extras = frozenset(canonicalize_name(e) for e in parsed.extras)
                for req in requirements.get(parsed.name, ()):
                    lookup_cand, _ = req.get_candidate_lookup()
                    if lookup_cand is None:
                        continue
                    cand = self._make_extras_candidate(lookup_cand, extras)
                    if cand not in explicit_candidates:
                        explicit_candidates.append(cand)

        incompat_ids = {id(c) for c in incompatibilities.get(identifier, ())}

        if not explicit_candidates:
            # Factory._iter_found_candidates
            if not ireqs:
                return ()
            specifier = SpecifierSet()
            extras: FrozenSet[str] = frozenset()
            for ireq in ireqs:
                specifier &= ireq.specifier
                extras |= ireq.extras
            project = ireqs[0].project_name
            releases = self._applicable_releases(project, specifier)
            return FoundCandidates(self._make_candidate, releases, extras, incompat_ids)

        return [
            c
            for c in explicit_candidates
            if id(c) not in incompat_ids and all(req.is_satisfied_by(c) for req in requirements[identifier])
        ]

    # ---- resolvelib AbstractProvider

    def identify(self, requirement_or_candidate) -> str:
        return requirement_or_candidate.name

    def get_preference(self, identifier, resolutions, candidates, information, backtrack_causes):
        """pip 23.2 PipProvider.get_preference, line for line (including its quirks)."""
        try:
            next(iter(information[identifier]))
        except StopIteration:
            has_information = False
        else:
            has_information = True

        if has_information:
            lookups = (r.get_candidate_lookup() for r, _ in information[identifier])
            candidate, ireqs = zip(*lookups)
        else:
            candidate, ireqs = None, ()

        operators = [
            specifier.operator
            for specifier_set in (ireq.specifier for ireq in ireqs if ireq)
            for specifier in specifier_set
        ]

        # Quirk kept from pip 23.2: `candidate` is a tuple here whenever there is
        # information, so `direct` is True for every identifier with information.
        direct = candidate is not None
        pinned = any(op[:2] == "==" for op in operators)
        unfree = bool(operators)

        try:
            requested_order = self._user_requested[identifier]
        except KeyError:
            requested_order = math.inf
            if has_information:
                parent_depths = (
                    self._known_depths[parent.name] if parent is not None else 0.0
                    for _, parent in information[identifier]
                )
                inferred_depth = min(d for d in parent_depths) + 1.0
            else:
                inferred_depth = math.inf
        else:
            inferred_depth = 1.0
        self._known_depths[identifier] = inferred_depth

        requested_order = self._user_requested.get(identifier, math.inf)

        requires_python = identifier == REQUIRES_PYTHON_IDENTIFIER

        backtrack_cause = self.is_backtrack_cause(identifier, backtrack_causes)

        return (
            not requires_python,
            not direct,
            not pinned,
            not backtrack_cause,
            inferred_depth,
            requested_order,
            not unfree,
            identifier,
        )

    def find_matches(self, identifier, requirements, incompatibilities):
        # No constraints and nothing installed: upgrade strategy and
        # prefers_installed cannot change anything.
        return self._find_candidates(identifier, requirements, incompatibilities)

    def is_satisfied_by(self, requirement, candidate) -> bool:
        return requirement.is_satisfied_by(candidate)

    def get_dependencies(self, candidate) -> Sequence:
        key = id(candidate)
        deps = self._deps_cache.get(key)
        if deps is None:
            deps = self._deps_cache[key] = list(self._iter_dependencies(candidate))
        return deps

    def _iter_dependencies(self, candidate):
        if isinstance(candidate, RequiresPythonCandidate):
            return
        if isinstance(candidate, ExtrasCandidate):
            # ExtrasCandidate.iter_dependencies: the exact base, then every
            # Requires-Dist whose marker holds for one of the extras the release
            # provides (or for extra == "" when it provides none of them) — so the
            # base's own dependencies are listed again with this candidate as parent.
            yield ExplicitRequirement(candidate.base)
            release = candidate.base.release
            valid_extras = tuple(sorted(candidate.extras & release.provided_extras))
            for req in release.requirements:
                if self.marker_matches(req, valid_extras):
                    yield self.make_requirement(req)
            return
        # LinkCandidate.iter_dependencies: Requires-Dist with extra == "", then Requires-Python.
        release = candidate.release
        for req in release.requirements:
            if self.marker_matches(req, ()):
                yield self.make_requirement(req)
        if release.requires_python is not None:
            yield RequiresPythonRequirement(release.requires_python, self._python_candidate)

    @staticmethod
    def is_backtrack_cause(identifier, backtrack_causes) -> bool:
        for backtrack_cause in backtrack_causes:
            if identifier == backtrack_cause.requirement.name:
                return True
            if backtrack_cause.parent and identifier == backtrack_cause.parent.name:
                return True
        return False
