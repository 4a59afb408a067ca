// The plain-data graph a lock file holds, as read without resolving: packages, versions, files, edges with their specifier and marker.
import type { DistributionFileDto } from "../../api";
import type { Diagnostic } from "../../api-input";

/** The lock and pin formats Tangle reads as they are. */
export type LockFormat = "poetry.lock" | "uv.lock" | "Pipfile.lock" | "pylock.toml" | "pip-compile" | "pip-freeze" | "pip-report";

export const LOCK_FORMATS: readonly LockFormat[] = ["poetry.lock", "uv.lock", "Pipfile.lock", "pylock.toml", "pip-compile", "pip-freeze", "pip-report"];

/** One edge as the lock records it: who is required, with which specifier ("" when the lock does not say) and marker. */
export interface LockedDependency {
  /** Canonical (PEP 503) name. */
  name: string;
  specifier: string;
  marker: string | null;
  extras: string[];
  /** uv names the version when the same package is locked more than once (forks). */
  version: string | null;
}

/** Where a package comes from: an index, or something no index serves (the project itself, a checkout, a URL). */
export type LockedSource =
  | { kind: "registry"; url: string | null }
  | { kind: "editable" | "directory" | "virtual" | "vcs" | "url" | "path"; url: string };

export interface LockedPackage {
  /** Canonical (PEP 503) name. */
  name: string;
  /** The name as the lock spells it. */
  displayName: string;
  /** The version as the lock spells it; null for a source without one (an editable checkout). */
  version: string | null;
  source: LockedSource;
  /** When the package applies (pylock `marker`, Poetry 2 `markers`, Pipfile.lock `markers`), else null. */
  marker: string | null;
  /** uv's `resolution-markers`: the forks this entry belongs to (empty: every fork). */
  forks: string[];
  /** The groups that pull it in as the lock says ("main", "dev", a Poetry or Pipfile group); empty when the lock does not say. */
  groups: string[];
  dependencies: LockedDependency[];
  /** Edges that hold only for an extra of this package (uv optional-dependencies, Poetry extras). */
  optionalDependencies: Record<string, LockedDependency[]>;
  requiresPython: string | null;
  files: DistributionFileDto[];
  /** 1-based line of the entry in the lock, for messages. */
  line: number;
}

/** A requirement of the project the lock was made for (the roots of the graph), with where it is from. */
export interface LockedRoot {
  dependency: LockedDependency;
  /** "main", "extra:<name>" or "group:<name>", as `tangle read` says it. */
  from: string;
}

export interface LockedGraph {
  format: LockFormat;
  /** `lock-version`, uv's `version`/`revision`, Pipfile's spec: for messages. */
  formatVersion: string | null;
  requiresPython: string | null;
  /**
   * The environments the lock distinguishes: uv's `resolution-markers` (forks), pylock's `environments`. Empty when
   * the lock is one graph for every environment (markers on edges may still drop packages on a target).
   */
  environments: string[];
  /** "declared": edges as the lock writes them; "reverse": only `# via` (who asked, not with what); "none": no edges at all. */
  edges: "declared" | "reverse" | "none";
  /** Whether `roots` are known (from the lock or the project file beside it) or guessed. */
  rootsKnown: boolean;
  roots: LockedRoot[];
  /** The project's own packages (workspace members, editable roots): their requirements are the roots. */
  projects: LockedPackage[];
  packages: LockedPackage[];
  /** Groups and extras the lock can select ("dev", "docs"...). */
  groups: string[];
  extras: string[];
  diagnostics: Diagnostic[];
}

/** A read that failed outright (not TOML, not JSON, not a lock): one located message. */
export type LockReadResult = { ok: true; graph: LockedGraph } | { ok: false; diagnostics: Diagnostic[] };

export function emptyGraph(format: LockFormat): LockedGraph {
  return {
    format,
    formatVersion: null,
    requiresPython: null,
    environments: [],
    edges: "declared",
    rootsKnown: false,
    roots: [],
    projects: [],
    packages: [],
    groups: [],
    extras: [],
    diagnostics: [],
  };
}

export function lockedPackage(name: string, displayName: string, version: string | null, line: number): LockedPackage {
  return {
    name,
    displayName,
    version,
    source: { kind: "registry", url: null },
    marker: null,
    forks: [],
    groups: [],
    dependencies: [],
    optionalDependencies: {},
    requiresPython: null,
    files: [],
    line,
  };
}
