// The interface through which the solver learns about packages: priorities, version choice and dependencies.
import type { VersionSet } from "./version-set";

/** What the provider knows about one package version's dependencies. */
export type Dependencies<S, R> =
  /** The version's requirements: each dependency package with the versions it accepts. */
  | { readonly kind: "available"; readonly dependencies: Iterable<readonly [string, S]> }
  /** The version can't be used (e.g. its metadata is missing); `reason` is kept for the explanation. */
  | { readonly kind: "unavailable"; readonly reason: R };

/**
 * Per-package conflict statistics the solver keeps, passed to `prioritize`.
 *
 * Say `a` was decided before `b`, and then `b`'s version is rejected because of `a`'s: `b` is
 * "affected" and `a` is the "culprit". Deciding frequently conflicting packages earlier usually
 * makes resolution much faster.
 */
export interface PackageStats {
  /** Sum of the four counters below. */
  readonly conflicts: number;
  /** Conflict resolution derived a new fact about this package. */
  readonly unitPropagationAffected: number;
  /** This package was part of the root cause of a conflict about another package. */
  readonly unitPropagationCulprit: number;
  /** A version of this package was not decided because its dependencies conflicted. */
  readonly dependenciesAffected: number;
  /** This package was part of the conflict that rejected another package's version by its dependencies. */
  readonly dependenciesCulprit: number;
  /** How many times a decision for this package was undone by backjumping. */
  readonly backtracked: number;
}

/**
 * The solver's view of the package universe. Every method may answer synchronously or with a
 * promise; the solver only awaits actual promises.
 */
export interface DependencyProvider<V, S extends VersionSet<V, S>, R> {
  /**
   * Priority of deciding `pkg` next, given the versions still allowed (`range`, never empty) and
   * its conflict statistics. Higher is decided first; ties go to the package seen first. The
   * result is cached until `range` or `stats` change, so it must depend on nothing else.
   */
  prioritize(pkg: string, range: S, stats: PackageStats): number;
  /**
   * Optional: called before the priorities of `pkgs` are computed; a promise makes the solver wait for it. A provider
   * whose priorities read data it fetches (how many versions a project has) waits for that data here, so that a
   * priority never depends on when an answer arrived.
   */
  beforePrioritize?(pkgs: readonly string[]): Promise<void> | null;
  /** The version of `pkg` to try, which must be in `range`; null when there is none. */
  chooseVersion(pkg: string, range: S): V | null | Promise<V | null>;
  /** The dependencies of `pkg` at `version`. Asked at most once per package version and solve. */
  getDependencies(pkg: string, version: V): Dependencies<S, R> | Promise<Dependencies<S, R>>;
  /**
   * Optional: the set that stands for `version` in facts about its dependencies — `version` and the versions
   * next to it that do not exist (up to the next existing one). Facts about neighbouring versions then merge
   * into one interval instead of a union of single versions, which keeps sets small. Must contain `version`
   * and no other existing version. Default: the singleton.
   */
  versionSpan?(pkg: string, version: V): S;
}
