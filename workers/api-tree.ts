// Types of the text dependency tree (`uv tree` style) that cross the worker boundary: the options asked for and the lines drawn.

export interface TextTreeOptions {
  /** Show who depends on this package (canonical name) instead of what the requirements pull in. */
  invert?: string | null;
  /** Deepest level shown (0 shows only the top lines); null or undefined for no limit. */
  depth?: number | null;
  /** The user's own specifier for each direct requirement (canonical name -> `>=2.0`), when known. */
  rootSpecifiers?: ReadonlyMap<string, string>;
}

export interface TextTreeLine {
  /** 0 for the top lines. */
  depth: number;
  /** Canonical name; `"<root>"` for the user's requirements (inverted view only). */
  name: string;
  /** "requests", or "your requirements" for the root. */
  label: string;
  /** Version, "" for the root. */
  version: string;
  /** Extras asked for on the edge to the line above (of this package; inverted, of the line above). */
  extras: string[];
  /**
   * The specifier on the edge to the line above: in the normal view what the parent required of this package,
   * in the inverted view what this package required of the parent. "" when none was given (any version), null
   * when not known (the top lines without `rootSpecifiers`, the inverted view's top line).
   */
  specifier: string | null;
  /** The package the specifier constrains: this one in the normal view, the line above in the inverted view. */
  constrains: string;
  /** This package's subtree was shown higher up and is not repeated: `(*)`. */
  repeated: boolean;
  /** Children exist below the depth limit and are not shown. */
  truncated: boolean;
  /** Whether this line is the last of its siblings (with the lines above, this draws the guides). */
  last: boolean;
  /** Universal results: the marker of the environments where this edge exists, when not everywhere. */
  marker?: string;
}

export type TextTree = { ok: true; lines: TextTreeLine[]; hasRepeats: boolean } | { ok: false; message: string };

/** The tree as the page shows it: each line with its guides (`│   ├── `) and text, and the whole as `uv tree` prints it. */
export type TextTreeView =
  | { ok: true; lines: (TextTreeLine & { guides: string; text: string })[]; text: string }
  | { ok: false; message: string };
