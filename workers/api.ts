// The resolver worker's API type and the plain-data DTOs that cross the Comlink boundary.
import type { AuditProgressDto, AuditReportDto, FixOutcomeDto, VulnerabilityDto } from "./api-audit";
import type { InputFormat, RequirementSet } from "./api-input";
import type { TextTreeOptions, TextTreeView } from "./api-tree";
import type { LockInputDto, LockViewDto, LockViewRequestDto, PackageDiffDto, PackageGraphDto } from "./api-locks";

export type { InputFormat, RequirementSet };

/**
 * One physical line of the requirements editor, as the worker's requirements.txt reader understood it. A logical line
 * continued with `\` is read on its first line; the lines that continue it are "blank" unless an error points there.
 */
export type ParsedLine =
  | { line: number; kind: "blank"; text: string }
  | { line: number; kind: "comment"; text: string }
  | { line: number; kind: "option"; text: string; option: string }
  | {
      line: number;
      kind: "requirement";
      text: string;
      name: string;
      canonicalName: string;
      extras: string[];
      specifier: string;
      marker: string | null;
      url: string | null;
    }
  | { line: number; kind: "error"; text: string; column: number; message: string };

export type ResolutionStrategy = "highest" | "lowest" | "lowest-direct";
export type PrereleaseMode = "if-necessary-or-explicit" | "allow" | "disallow";
/** What to do with a release whose dependencies the index cannot tell (sdist only, no metadata). */
/**
 * Whose rules choose among candidates: pip's (pre-releases when a specifier names one or nothing final fits, yanked
 * releases when pinned with `==`, Requires-Python as written) or uv's (pre-releases only when a first-party requirement
 * names one or the project has no final release, yanked only when a first-party requirement pins it with `==`, the upper
 * bound of Requires-Python ignored, the first index that has a project serves all of it, extra indexes before the main one).
 */
export type ResolverPolicy = "pip" | "uv";
export type UnknownDependenciesMode = "assume-none" | "exclude";

/** The target environment, as plain data (see workers/packaging/environment.ts). */
export interface TargetDto {
  implementation: "cpython" | "pypy";
  pythonVersion: string;
  os: "linux" | "macos" | "windows";
  arch: "x86_64" | "aarch64" | "arm64";
}

/** An operating system a universal resolution covers (each with its CPU architectures, see {@link UniversalRequestDto}). */
export type UniversalPlatform = "linux" | "macos" | "windows";

/**
 * Ask for one resolution valid in many environments at once (uv's `--universal`), instead of for `target` alone.
 * The environments are every CPython in `python` on every OS in `platforms`, each on x86_64 and on ARM64
 * (`platform_machine` x86_64/aarch64 on Linux, x86_64/arm64 on macOS, AMD64/ARM64 on Windows).
 */
export interface UniversalRequestDto {
  /**
   * The Python versions covered, as a PEP 440 specifier (e.g. ">=3.9" or ">=3.9,<3.13"). Absent: the project's
   * `requires-python` when the input declares one, else ">=" the target's Python minor version. Always capped below 4.
   */
  python?: string;
  /** The operating systems covered. Absent or empty: all three. */
  platforms?: UniversalPlatform[];
  /**
   * Further `sys_platform` values to cover as platforms of their own (e.g. "cygwin", "emscripten"); each is one
   * environment with `platform_system` equal to the value, `os_name` "posix" and `platform_machine` "x86_64".
   */
  otherSysPlatforms?: string[];
}

export interface ResolveRequest {
  /** The user's input: requirements text in one of the supported formats. */
  input: { text: string; format?: InputFormat; fileName?: string; files?: Record<string, string>; extras?: string[]; groups?: string[] };
  target: TargetDto;
  indexUrl: string;
  extraIndexUrls: string[];
  resolution: ResolutionStrategy;
  prerelease: PrereleaseMode;
  /** Whose candidate rules apply; default "pip". */
  policy?: ResolverPolicy;
  /** RFC 3339 timestamp: files uploaded after it are treated as not existing. */
  excludeNewer: string | null;
  constraints: string[];
  overrides: string[];
  unknownDependencies: UnknownDependenciesMode;
  /** "What if" edits: extra pins (name -> specifier) and excluded packages. */
  pins: Record<string, string>;
  excluded: string[];
  noCache: boolean;
  refresh: boolean;
  /** Versions to prefer (canonical name -> version), e.g. those of a lock being updated conservatively: each is taken when the requirements allow it. */
  preferences?: Record<string, string>;
  /** Resolve for every environment described here at once; `target` then only supplies the default Python range. */
  universal?: UniversalRequestDto;
}

export interface ResolveProgress {
  projectsDiscovered: number;
  metadataFetched: number;
  requestsInFlight: number;
  decisions: number;
  conflicts: number;
  elapsedMs: number;
}

export interface ResolveStats {
  wallMs: number;
  solveMs: number;
  requests: number;
  bytes: number;
  cacheHits: number;
  decisions: number;
  conflicts: number;
}

export interface DependencyEdgeDto {
  name: string;
  specifier: string;
  /** The requirement's own marker as declared (PEP 508 text), null when it has none. */
  marker: string | null;
  extras: string[];
  /**
   * Universal results only: where this edge exists, i.e. the depending package's marker and the declared marker
   * together, simplified (PEP 508 text). Absent: wherever the depending package is installed.
   */
  environmentMarker?: string;
  /**
   * Universal results only, when the required package appears at several versions: the ids ({@link ResolvedPackageDto.id})
   * of the versions this edge reaches (in disjoint environments). Absent: the one package named `name`.
   */
  targets?: string[];
}

/** One of your requirements left out because its marker is false for the target. */
export interface SkippedRequirementDto {
  /** The requirement as PEP 508, marker included: `pywin32>=300; sys_platform == "win32"`. */
  requirement: string;
  /** Where it was written: the file when it is not the main input, and the 1-based line. */
  file?: string;
  line: number;
  /** The sentence the page and the CLI show: `pywin32 (line 3): skipped, sys_platform == "win32" is false for …`. */
  note: string;
}

export interface DistributionFileDto {
  filename: string;
  url: string;
  hashes: Record<string, string>;
  size: number | null;
  uploadTime: string | null;
  kind: "wheel" | "sdist" | "other";
  requiresPython: string | null;
}

export interface ResolvedPackageDto {
  /**
   * The key of this package in the result, unique within it: the canonical name, or `name==version` when a universal
   * result holds the name at more than one version (in disjoint environments). Absent: same as `name`.
   * `dependents` lists these keys.
   */
  id?: string;
  /** Canonical (PEP 503) name. */
  name: string;
  /** The name as the index spells it. */
  displayName: string;
  version: string;
  extras: string[];
  direct: boolean;
  dependencies: DependencyEdgeDto[];
  /** Keys (`id`, else canonical name) of the resolved packages that depend on this one ("<root>" for the user's requirements). */
  dependents: string[];
  /**
   * Universal results only: the PEP 508 marker of the environments where this package is installed, simplified to read
   * (e.g. "sys_platform == 'win32' and python_full_version < '3.11'"). Absent: every environment of the result.
   */
  marker?: string;
  /**
   * Universal results only: where your own requirements ask for this package (`direct`), when that is narrower than
   * `marker` (e.g. `pywin32; sys_platform == 'win32'` that another package also needs everywhere). Absent: wherever installed.
   */
  directMarker?: string;
  warnings: string[];
  yanked: string | null;
  prerelease: boolean;
  unknownDependencies: boolean;
  requiresPython: string | null;
  index: string;
  files: DistributionFileDto[];
  /** Versions newer than the chosen one that were not taken, each with the reason (yanked, Requires-Python, no wheel for the target, conflict...). */
  rejectedNewer: { version: string; reason: string }[];
}

/** Project information for the details panel (summary, licence, links), from the index's metadata. */
export interface ProjectInfoDto {
  name: string;
  version: string;
  summary: string | null;
  license: string | null;
  homePage: string | null;
  projectUrls: Record<string, string>;
  requiresPython: string | null;
  /** Installable releases the index lists that are newer than `version`, newest first (pre-releases only for a pre-release). */
  newer: string[];
}

/** The conflict's derivation tree for drawing: external facts and derived conclusions, cause -> conclusion edges. */
export interface ExplanationGraphDto {
  nodes: {
    id: string;
    kind: "root" | "dependency" | "no-versions" | "unavailable" | "derived";
    label: string;
    /** The package the fact is about (the depending package for dependencies). */
    package?: string;
    range?: string;
    /** Dependency facts: the required package and the range required. */
    dependency?: string;
    dependencyRange?: string;
    /** The final conclusion: the requirements cannot be satisfied. */
    isRoot: boolean;
    /** The number of the explanation line that states this node, when numbered. */
    line?: number;
  }[];
  edges: { from: string; to: string; label?: string }[];
}

export interface SuggestionDto {
  /** A human sentence, e.g. "Loosen `requests<2.20` to `requests<2.21`". */
  title: string;
  /**
   * The edit, applicable to the request. Requirement edits are native edits of the input's own format: `from` is the
   * whole line as it was and `to` the whole line after (a Poetry table entry stays a table entry).
   */
  edit:
    | { kind: "replace-requirement"; line: number; from: string; to: string }
    | { kind: "remove-requirement"; line: number; from: string }
    | { kind: "set-python"; version: string }
    /** Take back a "what if" pin or exclusion. */
    | { kind: "remove-what-if"; name: string; what: "pin" | "exclusion" }
    /** No edit of the file's own syntax does it (the requirement is built by code, sits in an included file, ...): do it by hand. */
    | { kind: "by-hand"; reason: string };
}

export type ErrorKind = "input" | "index-unreachable" | "index-broken" | "cancelled" | "internal" | "too-complex";

export interface InputDiagnosticDto {
  severity: "error" | "warning" | "info";
  message: string;
  line: number;
  column: number;
}

/** What a universal resolution covered and where it forked. */
export interface UniversalScopeDto {
  /** The Python range covered (PEP 440 specifier, e.g. ">=3.9, <4"). */
  python: string;
  /** The operating systems covered, and any further sys_platform values. */
  platforms: UniversalPlatform[];
  otherSysPlatforms: string[];
  /**
   * The environments covered, as PEP 508 markers (pylock.toml's `environments`): one per platform, each with the
   * Python range, e.g. "sys_platform == 'linux' and python_full_version >= '3.9'".
   */
  environments: string[];
  /**
   * The forks the resolver split the environments into (disjoint markers that together cover `environments`), in
   * the order they were resolved; one entry (the whole space, "") when no requirement made it fork.
   */
  forks: string[];
}

export type Resolution =
  | {
      status: "resolved";
      packages: ResolvedPackageDto[];
      /** Set for a universal resolution: `packages` then hold per-package markers and possibly a name at several versions. */
      universal?: UniversalScopeDto;
      warnings: string[];
      /** Your requirements left out because their marker is false for the target, one line each. */
      skipped?: SkippedRequirementDto[];
      diagnostics: InputDiagnosticDto[];
      stats: ResolveStats;
      resolvedAt: string;
    }
  | {
      status: "unsatisfiable";
      /**
       * What to read first, one sentence each: every requirement that can never be met ("No matching distribution
       * for …", with the chain of requirements that asked for it), or which of your requirements clash.
       */
      summary?: string[];
      /** The full derivation, numbered (pub's layout). A universal failure names the environment first ("On Windows with Python 3.9: ..."). */
      explanation: string;
      /** Set for a universal resolution: the scope, and the fork whose environments have no solution (PEP 508 text and in words). */
      universal?: UniversalScopeDto & { failedFork: { marker: string; description: string } };
      graph: ExplanationGraphDto;
      suggestions: SuggestionDto[];
      warnings: string[];
      /** Your requirements left out because their marker is false for the target, one line each. */
      skipped?: SkippedRequirementDto[];
      diagnostics: InputDiagnosticDto[];
      stats: ResolveStats;
      resolvedAt: string;
      /** True when the ways-out search ran out of its budget: more ways out were not explored. */
      waysOutIncomplete?: boolean;
    }
  | {
      status: "error";
      error: { kind: ErrorKind; message: string; url?: string };
      warnings: string[];
      diagnostics: InputDiagnosticDto[];
      stats: ResolveStats;
      resolvedAt: string;
    };

/** One export format offered for download (the writers live in workers/formats/output/). */
export interface ExportFormatDto {
  id: string;
  label: string;
  fileName: string;
  mimeType: string;
  /** Null when the format can hold a universal resolution; otherwise why it cannot (it is written for one target). */
  universalRefusal: string | null;
}

/** An export, ready to save. */
export interface ExportFileDto {
  fileName: string;
  mimeType: string;
  text: string;
}

/** The object the worker exposes; app/resolver-client.ts is the only place that wraps it. */
export interface ResolverApi {
  /** Parses each line of a requirements text, keeping errors with their 1-based column. */
  parseLines(text: string): ParsedLine[];
  /**
   * Reads an input in any supported format (detected unless given): its requirements, the extras and groups it
   * defines, and located diagnostics (1-based line and column).
   */
  analyzeInput(input: ResolveRequest["input"]): RequirementSet;
  /** Resolves a request; progress arrives at most every 100 ms. `runId` names the run for `cancel`. */
  resolve(runId: number, request: ResolveRequest, onProgress?: (progress: ResolveProgress) => void): Promise<Resolution>;
  /** Stops the named run within 200 ms; its `resolve` promise settles with an error of kind "cancelled". */
  cancel(runId: number): void;
  /** The formats a resolution can be downloaded as, in menu order. */
  exportFormats(): ExportFormatDto[];
  /** Writes a resolved resolution (with the request that produced it) in one export format; `audit` adds licences and vulnerability ids where the format has room. */
  exportResolution(formatId: string, resolution: Resolution, request: ResolveRequest, audit?: AuditReportDto): ExportFileDto;
  /** Summary, licence, links of one release, cached like all release metadata. */
  projectInfo(indexUrls: string[], name: string, version: string): Promise<ProjectInfoDto>;
  /** The resolved packages as a `uv tree`-style text tree (inverted for one package, depth-limited). */
  textTree(packages: ResolvedPackageDto[], options: TextTreeOptions): TextTreeView;
  /** Reads a lock file as it is (with the project files beside it) for a target: a resolution's packages, its environments, its check. */
  readLock(input: LockInputDto, view: LockViewRequestDto): LockViewDto;
  /** What changed between two package graphs, each change with the requirement path that explains it. */
  diffPackages(before: PackageGraphDto, after: PackageGraphDto, requested: string[] | "all"): PackageDiffDto;
  /** Vulnerabilities and licence of every resolved release (from its index's JSON API, cached) and its freshness. */
  auditResolution(packages: ResolvedPackageDto[], onProgress?: (progress: AuditProgressDto) => void): Promise<AuditReportDto>;
  /** "Fix": re-solves `request` with `name>=<fixed version>` required for the given advisories, and reports the diff or what blocks it. */
  fixVulnerability(request: ResolveRequest, packages: ResolvedPackageDto[], pkg: { name: string; version: string }, vulnerabilities: VulnerabilityDto[]): Promise<FixOutcomeDto>;
  /** The environments a universal result can be viewed in: each of its platforms with each of `pythonVersions` in its Python range. */
  universalEnvironments(scope: UniversalScopeDto, pythonVersions: string[]): { target: TargetDto; label: string }[];
  /** A universal result's packages narrowed to one environment: those installed there, with the edges that exist there. */
  narrowUniversal(packages: ResolvedPackageDto[], target: TargetDto): ResolvedPackageDto[];
  /** The editor's one call per edit: the text read in its format, what its content looks like, and (requirements.txt) its lines. */
  readInput(input: ResolveRequest["input"]): InputReading;
}

/** What the editor needs after an edit, from one worker call: the text read once in its format, plus a content sniff. */
export interface InputReading {
  /** The text read in `input.format` (or the detected format when none is given). */
  set: RequirementSet;
  /** The format the content alone looks like (ignoring the file name and the chosen format). */
  looksLike: InputFormat;
  /** The per-line view, when the text is read as requirements.txt; null otherwise. */
  lines: ParsedLine[] | null;
}
