// What reading a dependency file takes (options) and what each format's reader returns before parse-input selects the requested extras and groups into an api-input RequirementSet.
import type { InputFormat, RequirementSet } from "../../api-input";
import type { ReadFile } from "./file-references";

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

/**
 * A format parser's raw output: every requirement it found, tagged with its source, and every extra and group the file
 * defines (Poetry groups without `optional = true`, and its legacy dev-dependencies, as default groups); parse-input
 * selects what was asked for and names the format.
 */
export type ParsedFile = Omit<RequirementSet, "format">;

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
