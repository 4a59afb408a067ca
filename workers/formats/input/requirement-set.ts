// The plain-data result of parsing any dependency file: requirements, constraints, index settings and located diagnostics.
import type { ReadFile } from "./file-references";

/** The dependency-file formats Tangle reads. */
export type InputFormat = "requirements.txt" | "pyproject.toml" | "setup.cfg" | "setup.py" | "Pipfile" | "buildout.cfg";

export const INPUT_FORMATS: readonly InputFormat[] = [
  "requirements.txt",
  "pyproject.toml",
  "setup.cfg",
  "setup.py",
  "Pipfile",
  "buildout.cfg",
];

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

export interface ParseInputOptions {
  /** Overrides detection. */
  format?: InputFormat;
  /** The parsed text's file name: used for detection and as the base of relative `-r`/`extends` paths. */
  fileName?: string;
  /** Other dropped files by name (relative paths), for `-r`/`-c`, pbr's requirements.txt, buildout `extends`. */
  files?: Record<string, string>;
  /**
   * Reads a referenced file that is not in `files`, by its path relative to `fileName`'s directory (the CLI reads the
   * disk). With it, a referenced file that cannot be read is an error; without it, a warning asking to drop it in.
   */
  readFile?: ReadFile;
  /** Extras whose requirements to include (names compared after PEP 685 normalisation). */
  extras?: string[];
  /** Dependency groups whose requirements to include (Poetry groups, PEP 735 groups, Pipfile "dev"). */
  groups?: string[];
}

/** A format parser's raw output: every requirement it found, tagged with its source; parse-input selects. */
export interface ParsedFile {
  requirements: InputRequirement[];
  constraints: InputRequirement[];
  requiresPython: string | null;
  indexUrl: string | null;
  extraIndexUrls: string[];
  pre: boolean;
  extras: string[];
  groups: string[];
  /** Groups installed by default (Poetry groups without `optional = true`, and its legacy dev-dependencies). */
  defaultGroups?: string[];
  diagnostics: Diagnostic[];
}

export function emptyParsedFile(): ParsedFile {
  return {
    requirements: [],
    constraints: [],
    requiresPython: null,
    indexUrl: null,
    extraIndexUrls: [],
    pre: false,
    extras: [],
    groups: [],
    diagnostics: [],
  };
}
