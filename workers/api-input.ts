// The plain-data result of reading a dependency file, as it crosses the worker boundary: requirements, constraints, index settings and located diagnostics.
import type { InputFormat } from "./api-input-format";

export type { InputFormat };

/**
 * Where a requirement comes from:
 * - `index`: a name and a specifier, resolved from the package index;
 * - `url`: a direct archive URL (`name @ https://...`, or a bare `https://.../x.whl`);
 * - `vcs`: a version-control URL (`git+https://...`);
 * - `path`: a local file or directory (`./pkg`, `/abs/path`, `file:...`);
 * - `editable`: `-e` / `editable = true` (a local or VCS checkout).
 * Everything but `index` cannot come from an index.
 */
export type RequirementKind = "index" | "url" | "vcs" | "path" | "editable";

/** The part of the file that declared a requirement: the main dependencies, an extra, or a dependency group. */
export type RequirementSource = { kind: "main" } | { kind: "extra"; name: string } | { kind: "group"; name: string };

export interface InputRequirement {
  /** The requirement as written in the file (the logical line, the string value, or the Poetry/Pipfile `key = value`). */
  text: string;
  /** Where it starts: 1-based line and 1-based column (in `file` when set, else in the parsed text). */
  line: number;
  column: number;
  /** The file the requirement was read from when it is not the parsed text itself (an `-r` include, a buildout `extends`). */
  file?: string;
  /** The project name as written (empty only for a direct URL whose name cannot be known). */
  name: string;
  extras: string[];
  /** PEP 440 specifier set, as packaging prints it ("" for any version). */
  specifier: string;
  /** PEP 508 marker, as packaging prints it, or null. */
  marker: string | null;
  url: string | null;
  kind: RequirementKind;
  /** `--hash` values as `algorithm:hexdigest`. */
  hashes: string[];
  source: RequirementSource;
  /** The equivalent PEP 508 requirement string (for Poetry and Pipfile, the translation). */
  pep508: string;
  /** Poetry's `allow-prereleases = true` (or Pipfile's): pre-releases may be chosen for this project. */
  allowPrereleases: boolean;
  /**
   * A Poetry `||` union no single PEP 440 specifier set can express: each alternative's specifier set (the first is
   * `specifier`); the requirement allows any version one of them allows, and the resolver takes their union.
   */
  alternatives?: string[];
}

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** What and where, e.g. `line 3, column 9: expected a version after ">="`. */
  message: string;
  /** 1-based line and column; `endColumn` (exclusive, 1-based) when a span is known; 0 and 0 when it belongs to no line. */
  line: number;
  column: number;
  endColumn?: number;
  /** The file the diagnostic is about when it is not the parsed text itself. */
  file?: string;
  /** Set when the reader failed on a bug of its own rather than on the input (the fuzz tests require it never is). */
  internal?: true;
}

export interface RequirementSet {
  format: InputFormat;
  /** Main requirements plus those of the extras and groups that were asked for. */
  requirements: InputRequirement[];
  /** Constraints (`-c`, buildout `[versions]`): they restrict versions but do not add projects. */
  constraints: InputRequirement[];
  /** The project's Python requirement as a PEP 440 specifier set, or null. */
  requiresPython: string | null;
  indexUrl: string | null;
  extraIndexUrls: string[];
  /** Pre-releases allowed for everything (`--pre`, Pipfile `allow_prereleases`). */
  pre: boolean;
  /** Optional-dependency (extra) names the file defines, as written. */
  extras: string[];
  /** Dependency groups the file defines, as written. */
  groups: string[];
  /** Of those, the groups its tool installs unless told otherwise (Poetry's non-optional groups); absent: none. */
  defaultGroups?: string[];
  diagnostics: Diagnostic[];
}
