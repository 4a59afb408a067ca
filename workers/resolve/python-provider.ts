// The Python dependency provider for PubGrub: extras and the interpreter as virtual packages, fetching, dependencies.
import type { Dependencies, DependencyProvider, PackageStats } from "../pubgrub/dependency-provider";
import type { FetchPriority } from "../index/index-types";
import type { ListingResult, MetadataResult, ProjectListing } from "../index/index-types";
import { VersionRange } from "../packaging/ranges";
import { compareVersions, type Version } from "../packaging/version";
import { chooseCandidate, prefersLowest, yankedWarning, type ChoiceRules } from "./candidate-choice";
import { indexFailure } from "./index-failure";
import { PYTHON_KEY, ROOT_KEY, parseKey, projectKey } from "./package-keys";
import type { PackageSource } from "./package-source";
import type { ParsedDependency } from "./parsed-dependency";
import { plainWarning } from "./plain-warning";
import { Prefetcher } from "./prefetch";
import { projectCandidates, type Candidate, type ProjectCandidates } from "./project-candidates";
import { dependenciesFor, releaseDependencies, type ReleaseDependencies } from "./release-dependencies";
import type { ResolveOptions } from "./resolve-options";

/** Why a package version cannot be used, kept for the explanation. */
export type UnavailableReason =
  | { kind: "unknown-dependencies"; detail: string }
  | { kind: "url-dependency"; requirement: string };

export type ProjectState = { kind: "found"; listing: ProjectListing; candidates: ProjectCandidates } | { kind: "not-found"; indexUrls: string[] };

export type ReleaseState = { kind: "known"; deps: ReleaseDependencies; metadata: MetadataResult } | { kind: "unknown"; reason: string };

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/**
 * Decision priorities, highest first, compared as numbers: Python, then projects in conflict often (most conflicts
 * first), then fewest candidate versions in range, then discovery order. Each rank's span covers the ranks below it.
 */
const ORDER_SPAN = 1e5;
/** Candidates counted at most: past this a project simply has many (the count only orders projects with few). */
const COUNT_CAP = 1000;
const CONFLICT_STEP = ORDER_SPAN * (COUNT_CAP + 1);
const BAND_CONFLICTED = 1e13;
const BAND_PYTHON = 1e15;
/** uv decides a package early once it has been part of this many conflicts. */
const CONFLICT_THRESHOLD = 5;

export class PythonProvider implements DependencyProvider<Version, VersionRange, UnavailableReason> {
  private readonly projects = new Map<string, ProjectState>();
  private readonly pendingProjects = new Map<string, Promise<ProjectState>>();
  private readonly releases = new Map<string, ReleaseState>();
  private readonly pendingReleases = new Map<string, Promise<ReleaseState>>();
  private readonly discovery = new Map<string, number>();
  /** Projects some requirement pins with `==`/`===` (yanked releases allowed, PEP 592). */
  private readonly pinnedByEquals = new Set<string>();
  /** Projects some requirement's specifier names a pre-release for. */
  private readonly explicitPrereleases = new Set<string>();
  /** The same two, for first-party requirements only (the user's and the overrides), as uv's rules read them. */
  private readonly firstPartyPins = new Set<string>();
  private readonly firstPartyPrereleases = new Set<string>();
  /** The version last chosen per project, offered first to its extras so they agree without backtracking. */
  private readonly lastChosen = new Map<string, Version>();
  private readonly directProjects = new Set<string>();
  /** The extras some requirement asked of each project so far: prefetching follows their dependencies too. */
  private readonly wantedExtras = new Map<string, Set<string>>();
  /** How many times the solver moved to another version of a project (backtracking through its versions). */
  private readonly moves = new Map<string, number>();
  /** The same walk through a project's versions made by one of its extras (`dask[complete]`): last version and moves. */
  private readonly extraWalks = new Map<string, { last: Version; moves: number }>();
  readonly warnings = new Map<string, string[]>();
  readonly unknownDependencies = new Set<string>();
  /** Per project, the requirement texts of the user's input (for explanations). */
  readonly rootRequirementTexts = new Map<string, string[]>();
  /** Project names as first written by a requirement (canonical name -> spelling). */
  readonly displayNames = new Map<string, string>();
  private rootDependencies: Map<string, VersionRange> = new Map();
  metadataFetched = 0;
  private readonly prefetch: Prefetcher;

  constructor(
    private readonly source: PackageSource,
    private readonly options: ResolveOptions,
  ) {
    this.prefetch = new Prefetcher({
      ensureListing: (name) => this.ensureListing(name),
      releaseStatus: (name, version) => {
        const id = `${name}@${version.toString()}`;
        return this.releases.has(id) ? "known" : this.pendingReleases.has(id) ? "pending" : "absent";
      },
      fetchRelease: (name, version) => {
        const release = this.release(name, version, "prefetch");
        return isPromise(release) ? release.then((r) => (r.kind === "known" ? this.likelyDependencies(name, r.deps) : null)) : null;
      },
      choose: (name, candidates, range) => chooseCandidate(candidates.candidates, range, this.choiceRules(name)),
      lowest: (name) => this.lowest(name),
    });
  }

  /** What a prefetched release will likely bring: its base dependencies and those of the extras asked of it so far. */
  private likelyDependencies(name: string, deps: ReleaseDependencies): readonly ParsedDependency[] {
    const extras = this.wantedExtras.get(name);
    if (!extras) return deps.base;
    return [...deps.base, ...[...extras].flatMap((extra) => dependenciesFor(deps, this.options, extra))];
  }

  /** Sets the user's requirements (markers already evaluated) as the root's dependencies. */
  setRoot(requirements: readonly ParsedDependency[]): void {
    this.rootDependencies = this.dependencyMap(requirements);
    for (const override of this.options.overrides.values()) this.noteFirstParty(override);
    for (const req of requirements) {
      this.noteFirstParty(this.options.overrides.get(req.name) ?? req);
      const name = this.options.overrides.get(req.name)?.name ?? req.name;
      this.directProjects.add(name);
      const texts = this.rootRequirementTexts.get(name) ?? [];
      texts.push(req.text);
      this.rootRequirementTexts.set(name, texts);
    }
  }

  private noteFirstParty(req: ParsedDependency): void {
    if (req.pinned) this.firstPartyPins.add(req.name);
    if (req.mentionsPrerelease) this.firstPartyPrereleases.add(req.name);
  }

  isDirect(name: string): boolean {
    return this.directProjects.has(name);
  }

  /** Projects whose listing was asked for so far (by the solver or by prefetching). */
  projectsDiscovered(): number {
    return this.projects.size + this.pendingProjects.size;
  }

  /** The judged candidates of a project, when its listing has arrived. */
  candidatesOf(name: string): ProjectCandidates | null {
    const state = this.projects.get(name);
    return state?.kind === "found" ? state.candidates : null;
  }

  projectState(name: string): ProjectState | undefined {
    return this.projects.get(name);
  }

  candidate(name: string, version: Version): Candidate | undefined {
    return this.candidatesOf(name)?.byVersion.get(version.toString());
  }

  /** The known release dependencies of a chosen version (after solving). */
  releaseOf(name: string, version: Version): ReleaseState | undefined {
    return this.releases.get(`${name}@${version.toString()}`);
  }

  /** The projects whose versions the solver went back through most, with how many versions it tried: most first. */
  mostBacktracked(count: number): [string, number][] {
    return [...this.moves.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, count)
      .map(([name, moves]) => [name, moves + 1]);
  }

  /** Waits for a project's listing (fetching it if needed), for explanations that need every root's listing. */
  async listingState(name: string): Promise<ProjectState> {
    return this.project(name, "urgent");
  }

  /** Every project name the index lists, when the source can say (for "did you mean"). */
  async projectNames(): Promise<readonly string[] | null> {
    try {
      return (await this.source.projectNames?.()) ?? null;
    } catch {
      return null;
    }
  }

  /** The requirement texts on `dependency` that the known releases of `name` in `versions` declare (for explanations). */
  declaredRequirements(name: string, versions: VersionRange, dependency: string): string[] {
    const texts = new Set<string>();
    for (const c of this.candidatesOf(name)?.candidates ?? []) {
      if (!versions.contains(c.version)) continue;
      const release = this.releases.get(`${name}@${c.version.toString()}`);
      if (release?.kind !== "known") continue;
      for (const dep of [...release.deps.base, ...release.deps.conditional]) if (dep.name === dependency) texts.add(dep.text);
    }
    return [...texts];
  }

  addWarning(name: string, raw: string): void {
    const warning = plainWarning(raw);
    const list = this.warnings.get(name) ?? [];
    if (!list.includes(warning)) list.push(warning);
    this.warnings.set(name, list);
  }

  // --- PubGrub provider -------------------------------------------------------------------

  prioritize(pkg: string, range: VersionRange, stats: PackageStats): number {
    if (pkg === PYTHON_KEY) return BAND_PYTHON;
    const order = Math.min(this.discovery.get(pkg) ?? this.discovery.size, ORDER_SPAN - 1);
    const band = stats.conflicts >= CONFLICT_THRESHOLD ? BAND_CONFLICTED + Math.min(stats.conflicts, 1000) * CONFLICT_STEP : 0;
    // Fewest versions left first (PubGrub's own rule, as pub decides): where few remain a conflict shows soonest, and
    // deciding such a project early spares walking a long one's versions for nothing. dask[complete] on Python 3.11:
    // its verdict came after walking 91 versions of distributed (242 requests, pip 166); deciding partd (10 versions,
    // whose locket is missing) first gives it after 138. A project whose listing has not arrived counts as many.
    return band - this.versionsInRange(pkg, range) * ORDER_SPAN - order;
  }

  /**
   * The listings `prioritize` counts versions in, fetched now (the solver waits): a priority read while a listing was
   * on its way counted "many" and stayed cached after it came, so the decision order, and with it the answer where
   * several exist, depended on the network's timing. Most are in flight already (listings are asked for as soon as a
   * requirement names them).
   */
  beforePrioritize(pkgs: readonly string[]): Promise<void> | null {
    const waits: Promise<unknown>[] = [];
    for (const pkg of pkgs) {
      if (pkg === PYTHON_KEY || pkg === ROOT_KEY) continue;
      const key = parseKey(pkg);
      if (key.kind !== "project" && key.kind !== "extra") continue;
      const state = this.project(key.name, "urgent");
      if (isPromise(state)) waits.push(state);
    }
    return waits.length === 0 ? null : Promise.all(waits).then(() => undefined);
  }

  /** How many candidates of the project lie in `range`, up to COUNT_CAP (COUNT_CAP when its project is not found). */
  private versionsInRange(pkg: string, range: VersionRange): number {
    const key = parseKey(pkg);
    const candidates = key.kind === "project" || key.kind === "extra" ? this.candidatesOf(key.name)?.candidates : undefined;
    if (!candidates) return COUNT_CAP;
    let count = 0;
    for (const c of candidates) {
      if (range.contains(c.version) && ++count >= COUNT_CAP) break;
    }
    return count;
  }

  chooseVersion(pkg: string, range: VersionRange): Version | null | Promise<Version | null> {
    if (pkg === PYTHON_KEY) return range.contains(this.options.python) ? this.options.python : null;
    const key = parseKey(pkg);
    if (key.kind !== "project" && key.kind !== "extra") return null;
    const state = this.project(key.name, "urgent");
    if (isPromise(state)) return state.then((s) => this.pick(pkg, key.name, key.kind === "extra", s, range));
    return this.pick(pkg, key.name, key.kind === "extra", state, range);
  }

  getDependencies(pkg: string, version: Version): Dependencies<VersionRange, UnavailableReason> | Promise<Dependencies<VersionRange, UnavailableReason>> {
    if (pkg === ROOT_KEY) return { kind: "available", dependencies: this.rootDependencies };
    if (pkg === PYTHON_KEY) return { kind: "available", dependencies: [] };
    const key = parseKey(pkg);
    if (key.kind !== "project" && key.kind !== "extra") return { kind: "available", dependencies: [] };
    const extra = key.kind === "extra" ? key.extra : null;
    const release = this.release(key.name, version, "urgent");
    if (isPromise(release)) return release.then((r) => this.dependenciesOf(key.name, extra, version, r));
    return this.dependenciesOf(key.name, extra, version, release);
  }

  versionSpan(pkg: string, version: Version): VersionRange {
    const key = parseKey(pkg);
    const all = key.kind === "project" || key.kind === "extra" ? this.candidatesOf(key.name)?.allVersions : undefined;
    if (!all) return VersionRange.singleton(version);
    // allVersions is newest first: find the next existing version above `version`.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareVersions(all[mid], version) > 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= all.length || compareVersions(all[lo], version) !== 0) return VersionRange.singleton(version);
    const from = VersionRange.lowerBounded(version, true);
    return lo === 0 ? from : from.intersect(VersionRange.upperBounded(all[lo - 1], false));
  }

  // --- candidates -------------------------------------------------------------------------

  private pick(pkg: string, name: string, isExtra: boolean, state: ProjectState, range: VersionRange): Version | null {
    // The solver needs a project the index lacks: the explanation will look for close names, so start fetching the
    // index's project list now. Not for a project only prefetched: a resolution that never needs it makes no request.
    if (state.kind === "not-found") void this.projectNames();
    if (state.kind !== "found" || this.options.excluded.has(name)) return null;
    if (isExtra) {
      const preferred = this.lastChosen.get(name);
      if (preferred && range.contains(preferred)) return preferred;
    }
    const chosen = chooseCandidate(state.candidates.candidates, range, this.choiceRules(name));
    if (chosen && !isExtra) {
      const previous = this.lastChosen.get(name);
      this.lastChosen.set(name, chosen.version);
      // Another version than last time: the solver is walking through this project's versions.
      if (previous && compareVersions(previous, chosen.version) !== 0) {
        const moves = (this.moves.get(name) ?? 0) + 1;
        this.moves.set(name, moves);
        this.prefetch.moved(name, state.candidates, chosen, range, moves);
      }
    }
    if (chosen && isExtra) {
      // The solver walks an extra's versions itself (`dask[complete]` rejected version after version), the project's
      // own versions following as pins: prefetch along the extra's walk, or each step waits a metadata round trip
      // (dask[complete] on Python 3.11: 65 versions one round trip at a time, 3.4 s at 50 ms a request). Not counted
      // in `moves`: the project's own pins move with it and are counted there.
      const walk = this.extraWalks.get(pkg);
      if (!walk) this.extraWalks.set(pkg, { last: chosen.version, moves: 0 });
      else if (compareVersions(walk.last, chosen.version) !== 0) {
        walk.last = chosen.version;
        walk.moves++;
        this.prefetch.moved(name, state.candidates, chosen, range, walk.moves);
      }
    }
    const warning = chosen ? yankedWarning(name, chosen) : null;
    if (warning) this.addWarning(name, warning);
    return chosen ? chosen.version : null;
  }

  private lowest(name: string): boolean {
    return prefersLowest(this.options.resolution, this.directProjects.has(name));
  }

  private choiceRules(name: string): ChoiceRules {
    const uv = this.options.policy === "uv";
    return {
      policy: this.options.policy,
      prerelease: this.options.prerelease,
      explicitPrerelease: (uv ? this.firstPartyPrereleases : this.explicitPrereleases).has(name),
      pinnedByEquals: (uv ? this.firstPartyPins : this.pinnedByEquals).has(name),
      onlyPrereleases: uv && (this.candidatesOf(name)?.allVersions.every((v) => v.isPrerelease) ?? false),
      preferred: this.options.preferences?.get(name),
      lowest: this.lowest(name),
    };
  }

  // --- fetching ---------------------------------------------------------------------------

  private discover(key: string): void {
    if (!this.discovery.has(key)) this.discovery.set(key, this.discovery.size);
  }

  /** Starts fetching a project's listing (once), without waiting. */
  private ensureListing(name: string): void {
    if (this.projects.has(name) || this.pendingProjects.has(name)) return;
    const state = this.project(name, "prefetch");
    if (isPromise(state)) state.catch(() => undefined);
  }

  private project(name: string, priority: FetchPriority): ProjectState | Promise<ProjectState> {
    const known = this.projects.get(name);
    if (known) return known;
    const pending = this.pendingProjects.get(name);
    if (pending) {
      // The solver now waits for it: let the source move a queued prefetch ahead.
      if (priority === "urgent") void Promise.resolve(this.source.getListing(name, "urgent")).catch(() => undefined);
      return pending;
    }
    const answer = this.source.getListing(name, priority);
    if (!isPromise(answer)) return this.storeProject(name, answer);
    const promise = answer.then((result) => {
      this.pendingProjects.delete(name);
      return this.storeProject(name, result);
    });
    this.pendingProjects.set(name, promise);
    return promise;
  }

  private storeProject(name: string, result: ListingResult): ProjectState {
    let state: ProjectState;
    if (result.kind === "error") throw indexFailure(result.error);
    if (result.kind === "not-found") {
      state = { kind: "not-found", indexUrls: result.indexUrls };
    } else {
      const candidates = projectCandidates(result.listing, this.options);
      for (const w of candidates.warnings) this.addWarning(name, w);
      state = { kind: "found", listing: result.listing, candidates };
    }
    this.projects.set(name, state);
    if (state.kind === "found") this.prefetch.listingArrived(name, state.candidates);
    return state;
  }

  private release(name: string, version: Version, priority: FetchPriority): ReleaseState | Promise<ReleaseState> {
    const id = `${name}@${version.toString()}`;
    const known = this.releases.get(id);
    if (known) return known;
    const state = this.projects.get(name);
    if (!state || state.kind !== "found") throw new Error(`metadata of ${id} requested before its listing`);
    const candidate = state.candidates.byVersion.get(version.toString());
    const listedAs = candidate ? candidate.listedAs : version.toString();
    const pending = this.pendingReleases.get(id);
    if (pending) {
      if (priority === "urgent") void Promise.resolve(this.source.getMetadata(state.listing, listedAs, "urgent")).catch(() => undefined);
      return pending;
    }
    const answer = this.source.getMetadata(state.listing, listedAs, priority);
    if (!isPromise(answer)) return this.storeRelease(id, answer);
    const promise = answer.then((result) => {
      this.pendingReleases.delete(id);
      return this.storeRelease(id, result);
    });
    this.pendingReleases.set(id, promise);
    return promise;
  }

  private storeRelease(id: string, result: MetadataResult): ReleaseState {
    let state: ReleaseState;
    if (result.kind === "error") throw indexFailure(result.error);
    this.metadataFetched += 1;
    if (result.kind === "unknown") state = { kind: "unknown", reason: result.reason };
    else {
      const deps = releaseDependencies(result.requiresDist, this.options.markerEnv);
      state = { kind: "known", deps, metadata: result };
      const name = id.slice(0, id.lastIndexOf("@"));
      for (const w of deps.warnings) this.addWarning(name, w);
    }
    this.releases.set(id, state);
    return state;
  }

  // --- dependencies -----------------------------------------------------------------------

  private dependenciesOf(name: string, extra: string | null, version: Version, release: ReleaseState): Dependencies<VersionRange, UnavailableReason> {
    if (release.kind === "unknown") {
      if (this.options.unknownDependencies === "exclude") {
        return { kind: "unavailable", reason: { kind: "unknown-dependencies", detail: release.reason } };
      }
      this.unknownDependencies.add(name);
      this.addWarning(name, `the dependencies of ${name} ${version} are unknown (${release.reason}); assumed to have none`);
      return { kind: "available", dependencies: extra ? [[name, VersionRange.singleton(version)]] : [] };
    }
    const listed = dependenciesFor(release.deps, this.options, extra);
    this.options.fork?.checkFork(listed, extra, new Set(this.options.overrides.keys()));
    const urlDep = listed.find((d) => d.url !== null);
    if (urlDep) return { kind: "unavailable", reason: { kind: "url-dependency", requirement: urlDep.text } };
    const deps = this.dependencyMap(listed, name);
    if (extra) {
      const provides = release.metadata.kind === "known" ? release.metadata.providesExtra : null;
      if (listed.length === 0 && !(provides ?? []).some((e) => e === extra)) {
        this.addWarning(name, `${name} ${version} does not provide the extra '${extra}'`);
      }
      deps.set(name, VersionRange.singleton(version));
    } else {
      const candidate = this.candidate(name, version);
      if (candidate && !candidate.requiresPython.isAny()) deps.set(PYTHON_KEY, candidate.requiresPython);
    }
    return { kind: "available", dependencies: deps };
  }

  /** Requirements -> solver dependencies: constraints and overrides applied, extras as virtual packages. */
  private dependencyMap(requirements: readonly ParsedDependency[], self?: string): Map<string, VersionRange> {
    const deps = new Map<string, VersionRange>();
    const add = (key: string, range: VersionRange) => {
      const existing = deps.get(key);
      deps.set(key, existing ? existing.intersect(range) : range);
    };
    for (const original of requirements) {
      const req = this.options.overrides.get(original.name) ?? original;
      const name = req.name;
      if (!this.displayNames.has(name)) this.displayNames.set(name, req.displayName);
      if (req.pinned) this.pinnedByEquals.add(name);
      if (req.mentionsPrerelease) this.explicitPrereleases.add(name);
      let range = req.range;
      const constraint = this.options.constraints.get(name);
      if (constraint) range = range.intersect(constraint);
      this.prefetch.requirementSeen(name, range);
      const extras = original === req ? req.extras : [...new Set([...req.extras, ...original.extras])];
      if (name !== self) {
        this.discover(name);
        add(name, range);
      }
      for (const extra of extras) {
        const wanted = this.wantedExtras.get(name) ?? new Set<string>();
        this.wantedExtras.set(name, wanted.add(extra));
        const key = projectKey(name, extra);
        this.discover(key);
        add(key, range);
      }
      this.ensureListing(name);
    }
    return deps;
  }
}
