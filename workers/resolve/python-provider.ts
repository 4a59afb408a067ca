// The Python dependency provider for PubGrub: extras and the interpreter as virtual packages, pip's candidate rules, prefetching.
import type { Dependencies, DependencyProvider, PackageStats } from "../pubgrub/dependency-provider";
import type { IndexError } from "../index/index-error";
import type { FetchPriority } from "../index/index-types";
import type { ListingResult, MetadataResult, ProjectListing } from "../index/index-types";
import { VersionRange } from "../packaging/ranges";
import { compareVersions, type Version } from "../packaging/version";
import { PYTHON_KEY, ROOT_KEY, parseKey, projectKey } from "./package-keys";
import type { PackageSource } from "./package-source";
import type { ParsedDependency } from "./parsed-dependency";
import { plainWarning } from "./plain-warning";
import { projectCandidates, type Candidate, type ProjectCandidates } from "./project-candidates";
import { extraDependencies, releaseDependencies, type ReleaseDependencies } from "./release-dependencies";
import type { ResolveOptions } from "./resolve-options";

/** Why a package version cannot be used, kept for the explanation. */
export type UnavailableReason =
  | { kind: "unknown-dependencies"; detail: string }
  | { kind: "url-dependency"; requirement: string };

/** A failure of the index, not of the requirements (or a cancel): resolution stops with this error. */
export class IndexFailure extends Error {
  constructor(
    readonly kind: "index-unreachable" | "index-broken" | "cancelled" | "input",
    message: string,
    readonly url: string | undefined,
  ) {
    super(message);
    this.name = "IndexFailure";
  }
}

function indexFailure(error: IndexError): IndexFailure {
  const kind =
    error.code === "cancelled"
      ? "cancelled"
      : error.code === "bad-index-url"
        ? "input"
        : error.code === "network" || error.code === "timeout"
          ? "index-unreachable"
          : "index-broken";
  return new IndexFailure(kind, error.message, error.url);
}

export type ProjectState = { kind: "found"; listing: ProjectListing; candidates: ProjectCandidates } | { kind: "not-found"; indexUrls: string[] };

export type ReleaseState = { kind: "known"; deps: ReleaseDependencies; metadata: MetadataResult } | { kind: "unknown"; reason: string };

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

const BAND_PYTHON = 4e9;
const BAND_CONFLICTED = 2e9;
/**
 * How many versions ahead to fetch when the solver backtracks through a project: 1 on its second move, doubling with
 * every further move up to this many, so a short walk wastes at most a request or two and a long one overlaps its round trips.
 */
const BATCH_PREFETCH = 5;
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
  /** The intersection of every requirement range seen per project, to guess what to prefetch. */
  private readonly hintRanges = new Map<string, VersionRange>();
  /** Ranges seen only in prefetched metadata (not yet asked for by the solver), for the same guess. */
  private readonly speculativeHints = new Map<string, VersionRange>();
  /** The version last chosen per project, offered first to its extras so they agree without backtracking. */
  private readonly lastChosen = new Map<string, Version>();
  private readonly directProjects = new Set<string>();
  /** How many times the solver moved to another version of a project (backtracking through its versions). */
  private readonly moves = new Map<string, number>();
  readonly warnings = new Map<string, string[]>();
  readonly unknownDependencies = new Set<string>();
  /** Per project, the requirement texts of the user's input (for explanations). */
  readonly rootRequirementTexts = new Map<string, string[]>();
  /** Project names as first written by a requirement (canonical name -> spelling). */
  readonly displayNames = new Map<string, string>();
  private rootDependencies: Map<string, VersionRange> = new Map();
  metadataFetched = 0;

  constructor(
    private readonly source: PackageSource,
    private readonly options: ResolveOptions,
  ) {}

  /** Sets the user's requirements (markers already evaluated) as the root's dependencies. */
  setRoot(requirements: readonly ParsedDependency[]): void {
    this.rootDependencies = this.dependencyMap(requirements);
    for (const req of requirements) {
      const name = this.options.overrides.get(req.name)?.name ?? req.name;
      this.directProjects.add(name);
      const texts = this.rootRequirementTexts.get(name) ?? [];
      texts.push(req.text);
      this.rootRequirementTexts.set(name, texts);
    }
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

  prioritize(pkg: string, _range: VersionRange, stats: PackageStats): number {
    if (pkg === PYTHON_KEY) return BAND_PYTHON;
    const order = this.discovery.get(pkg) ?? this.discovery.size;
    const band = stats.conflicts >= CONFLICT_THRESHOLD ? BAND_CONFLICTED + stats.conflicts * 1e5 : 0;
    return band - order;
  }

  chooseVersion(pkg: string, range: VersionRange): Version | null | Promise<Version | null> {
    if (pkg === PYTHON_KEY) return range.contains(this.options.python) ? this.options.python : null;
    const key = parseKey(pkg);
    if (key.kind !== "project" && key.kind !== "extra") return null;
    const state = this.project(key.name, "urgent");
    if (isPromise(state)) return state.then((s) => this.pick(key.name, key.kind === "extra", s, range));
    return this.pick(key.name, key.kind === "extra", state, range);
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

  private pick(name: string, isExtra: boolean, state: ProjectState, range: VersionRange): Version | null {
    if (state.kind !== "found" || this.options.excluded.has(name)) return null;
    const candidates = state.candidates.candidates;
    if (isExtra) {
      const preferred = this.lastChosen.get(name);
      if (preferred && range.contains(preferred)) return preferred;
    }
    const lowest = this.options.resolution === "lowest" || (this.options.resolution === "lowest-direct" && this.directProjects.has(name));
    const chosen = this.select(name, candidates, range, lowest);
    if (chosen && !isExtra) {
      const previous = this.lastChosen.get(name);
      this.lastChosen.set(name, chosen.version);
      // Another version than last time: the solver is walking through this project's versions.
      if (previous && compareVersions(previous, chosen.version) !== 0) {
        const moves = (this.moves.get(name) ?? 0) + 1;
        this.moves.set(name, moves);
        if (moves >= 2) this.prefetchNext(name, state, chosen, range, lowest, Math.min(BATCH_PREFETCH, 2 ** (moves - 2)));
      }
    }
    if (chosen && chosen.yanked !== false) {
      this.addWarning(name, `${name} ${chosen.version} is yanked${chosen.yanked ? `: ${chosen.yanked}` : ""}; chosen because it is pinned with ==`);
    }
    return chosen ? chosen.version : null;
  }

  /** pip's order of preference: final releases, then pre-releases if allowed or necessary, yanked only when pinned. */
  private select(name: string, candidates: readonly Candidate[], range: VersionRange, lowest: boolean): Candidate | null {
    const mode = this.options.prerelease;
    const allowPre = mode === "allow" || (mode === "if-necessary-or-explicit" && this.explicitPrereleases.has(name));
    const inRange: Candidate[] = [];
    for (const c of candidates) if (range.contains(c.version)) inRange.push(c);
    // A preferred (locked) version comes first whenever the range allows it, as uv and Poetry keep locked versions.
    const preferred = this.options.preferences?.get(name);
    if (preferred) {
      const locked = inRange.find((c) => compareVersions(c.version, preferred) === 0);
      if (locked && (locked.yanked === false || this.pinnedByEquals.has(name))) return locked;
    }
    if (lowest) inRange.reverse();
    const first = (accept: (c: Candidate) => boolean) => inRange.find(accept) ?? null;
    const unyanked = (c: Candidate) => c.yanked === false;
    let chosen = first((c) => unyanked(c) && (allowPre || !c.version.isPrerelease));
    if (!chosen && mode === "if-necessary-or-explicit") chosen = first(unyanked);
    if (!chosen && this.pinnedByEquals.has(name)) {
      chosen = first((c) => mode !== "disallow" || !c.version.isPrerelease);
    }
    return chosen;
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
      // The explanation will look for close names: start fetching the index's project list now (once per index).
      void this.projectNames();
    } else {
      const candidates = projectCandidates(result.listing, this.options);
      for (const w of candidates.warnings) this.addWarning(name, w);
      state = { kind: "found", listing: result.listing, candidates };
    }
    this.projects.set(name, state);
    if (state.kind === "found") this.prefetchLikely(name, state);
    return state;
  }

  /**
   * Speculation, as uv's prefetcher: fetch the metadata of the version the solver will most likely pick, and when it
   * arrives the listings of its dependencies, and so on down the likely graph, so each level of the graph costs
   * about one listing and one metadata round trip. Nothing here changes what the solver decides.
   */
  private prefetchLikely(name: string, state: { listing: ProjectListing; candidates: ProjectCandidates }): void {
    const range = this.hintRanges.get(name) ?? this.speculativeHints.get(name) ?? VersionRange.full();
    const lowest = this.options.resolution === "lowest" || (this.options.resolution === "lowest-direct" && this.directProjects.has(name));
    const likely = this.select(name, state.candidates.candidates, range, lowest);
    if (!likely || this.releases.has(`${name}@${likely.version.toString()}`)) return;
    const release = this.release(name, likely.version, "prefetch");
    if (!isPromise(release)) return;
    release.then(
      (r) => {
        if (r.kind !== "known") return;
        for (const dep of r.deps.base) {
          const hint = this.speculativeHints.get(dep.name);
          this.speculativeHints.set(dep.name, hint ? hint.intersect(dep.range) : dep.range);
          this.ensureListing(dep.name);
        }
      },
      () => undefined,
    );
  }

  /**
   * Backtracking through a project's versions one metadata round trip at a time is what makes conflicts slow over a
   * network: once the solver comes back to a project, fetch the next few candidates it would try in one batch
   * (uv's batch prefetch).
   */
  private prefetchNext(
    name: string,
    state: { listing: ProjectListing; candidates: ProjectCandidates },
    chosen: Candidate,
    range: VersionRange,
    lowest: boolean,
    ahead: number,
  ): void {
    const ordered = lowest ? [...state.candidates.candidates].reverse() : state.candidates.candidates;
    const start = ordered.indexOf(chosen);
    let queued = 0;
    for (let i = start + 1; i < ordered.length && queued < ahead; i++) {
      const c = ordered[i];
      if (!range.contains(c.version) || c.yanked !== false) continue;
      queued++;
      const id = `${name}@${c.version.toString()}`;
      if (this.releases.has(id) || this.pendingReleases.has(id)) continue;
      const pending = this.release(name, c.version, "prefetch");
      if (isPromise(pending)) pending.catch(() => undefined);
    }
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
    const listed = extra ? extraDependencies(release.deps, this.options.markerEnv, extra) : release.deps.base;
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
      const hint = this.hintRanges.get(name);
      this.hintRanges.set(name, hint ? hint.intersect(range) : range);
      const extras = original === req ? req.extras : [...new Set([...req.extras, ...original.extras])];
      if (name !== self) {
        this.discover(name);
        add(name, range);
      }
      for (const extra of extras) {
        const key = projectKey(name, extra);
        this.discover(key);
        add(key, range);
      }
      this.ensureListing(name);
    }
    return deps;
  }
}
