// A TOML document parsed with smol-toml plus a scan of the text that locates every key and value (line and column).
import { parse, TomlError, type TomlTable, type TomlValue } from "smol-toml";
import { diagnosticAt, LineIndex, type OffsetMapper, type Position } from "./location";
import type { Diagnostic } from "../../api-input";

export type TomlPath = readonly (string | number)[];

/** Where a value sits in the text. */
export interface TomlLocation {
  /** Raw offsets of the value (for a string, including its quotes). */
  start: number;
  end: number;
  /** Offset of the key that names the value (the value itself for array items). */
  keyStart: number;
  /** For strings: the raw offset of every decoded UTF-16 unit, plus one for the end of the content. */
  chars?: number[];
}

function pathKey(path: TomlPath): string {
  return JSON.stringify(path);
}

/** Scans valid TOML (smol-toml has already accepted it) and records the location of every key path. */
class TomlLocator {
  private i = 0;
  readonly locations = new Map<string, TomlLocation>();
  private readonly arrayTableCounts = new Map<string, number>();

  constructor(private readonly text: string) {}

  scan(): void {
    const t = this.text;
    let current: (string | number)[] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.i >= t.length) return;
      if (t[this.i] === "[") {
        const headerStart = this.i;
        const isArray = t[this.i + 1] === "[";
        this.i += isArray ? 2 : 1;
        this.skipBlank(false);
        const keys = this.parseKey();
        this.skipBlank(false);
        this.i += isArray ? 2 : 1;
        current = this.resolveHeader(keys, isArray);
        this.locations.set(pathKey(current), { start: headerStart, end: this.i, keyStart: headerStart });
        continue;
      }
      const keyStart = this.i;
      const keys = this.parseKey();
      this.skipBlank(false);
      this.i++; // "="
      this.skipBlank(false);
      this.parseValue([...current, ...keys], keyStart);
    }
  }

  private resolveHeader(keys: string[], isArray: boolean): (string | number)[] {
    const path: (string | number)[] = [];
    keys.forEach((key, index) => {
      path.push(key);
      const prefix = pathKey(path);
      const count = this.arrayTableCounts.get(prefix);
      const last = index === keys.length - 1;
      if (last && isArray) {
        const next = count ?? 0;
        this.arrayTableCounts.set(prefix, next + 1);
        path.push(next);
      } else if (count !== undefined) {
        path.push(count - 1);
      }
    });
    return path;
  }

  /** Skips spaces and comments, and newlines too when `newlines`. */
  private skipBlank(newlines: boolean): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === " " || c === "\t") this.i++;
      else if (newlines && (c === "\n" || c === "\r")) this.i++;
      else if (c === "#") {
        while (this.i < t.length && t[this.i] !== "\n" && t[this.i] !== "\r") this.i++;
      } else return;
    }
  }

  private parseKey(): string[] {
    const t = this.text;
    const keys: string[] = [];
    for (;;) {
      this.skipBlank(false);
      const c = t[this.i];
      if (c === '"' || c === "'") keys.push(this.parseString().value);
      else {
        const start = this.i;
        while (this.i < t.length && /[A-Za-z0-9_-]/.test(t[this.i])) this.i++;
        keys.push(t.slice(start, this.i));
      }
      this.skipBlank(false);
      if (t[this.i] === ".") this.i++;
      else return keys;
    }
  }

  private parseValue(path: (string | number)[], keyStart: number): void {
    const t = this.text;
    const start = this.i;
    const c = t[this.i];
    if (c === '"' || c === "'") {
      const { chars } = this.parseString();
      this.locations.set(pathKey(path), { start, end: this.i, keyStart, chars });
      return;
    }
    if (c === "[") {
      this.i++;
      let index = 0;
      for (;;) {
        this.skipBlank(true);
        if (t[this.i] === "]") {
          this.i++;
          break;
        }
        this.parseValue([...path, index], this.i);
        index++;
        this.skipBlank(true);
        if (t[this.i] === ",") this.i++;
      }
      this.locations.set(pathKey(path), { start, end: this.i, keyStart });
      return;
    }
    if (c === "{") {
      this.i++;
      for (;;) {
        this.skipBlank(true);
        if (t[this.i] === "}") {
          this.i++;
          break;
        }
        const innerKeyStart = this.i;
        const keys = this.parseKey();
        this.skipBlank(false);
        this.i++; // "="
        this.skipBlank(false);
        this.parseValue([...path, ...keys], innerKeyStart);
        this.skipBlank(true);
        if (t[this.i] === ",") this.i++;
      }
      this.locations.set(pathKey(path), { start, end: this.i, keyStart });
      return;
    }
    while (this.i < t.length && !",]}#\n\r".includes(t[this.i])) this.i++;
    let end = this.i;
    while (end > start && (t[end - 1] === " " || t[end - 1] === "\t")) end--;
    this.locations.set(pathKey(path), { start, end, keyStart });
  }

  /** Reads any of the four string forms; `chars` maps each decoded unit to its raw offset. */
  private parseString(): { value: string; chars: number[] } {
    const t = this.text;
    const quote = t[this.i];
    const multiline = t.startsWith(quote.repeat(3), this.i);
    const literal = quote === "'";
    let value = "";
    const chars: number[] = [];
    const push = (s: string, at: number): void => {
      for (let k = 0; k < s.length; k++) chars.push(at);
      value += s;
    };
    this.i += multiline ? 3 : 1;
    if (multiline) {
      if (t[this.i] === "\n") this.i++;
      else if (t[this.i] === "\r" && t[this.i + 1] === "\n") this.i += 2;
    }
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === quote) {
        if (!multiline) {
          chars.push(this.i);
          this.i++;
          return { value, chars };
        }
        let run = 0;
        while (t[this.i + run] === quote) run++;
        if (run >= 3) {
          const extra = Math.min(run - 3, 2);
          for (let k = 0; k < extra; k++) push(quote, this.i + k);
          chars.push(this.i + extra);
          this.i += run;
          return { value, chars };
        }
        push(t.slice(this.i, this.i + run), this.i);
        this.i += run;
        continue;
      }
      if (c === "\\" && !literal) {
        const at = this.i;
        const e = t[this.i + 1];
        const simple: Record<string, string> = { b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", e: "\u001b", '"': '"', "\\": "\\" };
        if (e in simple) {
          push(simple[e], at);
          this.i += 2;
        } else if (e === "u" || e === "U" || e === "x") {
          const len = e === "u" ? 4 : e === "U" ? 8 : 2;
          const code = Number.parseInt(t.slice(this.i + 2, this.i + 2 + len), 16);
          push(String.fromCodePoint(code), at);
          this.i += 2 + len;
        } else {
          // Line-ending backslash in a multi-line basic string: skip the newline and the following whitespace.
          this.i++;
          while (this.i < t.length && /[ \t\r\n]/.test(t[this.i])) this.i++;
        }
        continue;
      }
      push(c, this.i);
      this.i++;
    }
    chars.push(this.i);
    return { value, chars };
  }
}

/** A parsed TOML text with positions. */
export class TomlDocument {
  readonly lines: LineIndex;
  private readonly locations: Map<string, TomlLocation>;

  constructor(
    readonly text: string,
    readonly data: TomlTable,
  ) {
    this.lines = new LineIndex(text);
    const locator = new TomlLocator(text);
    locator.scan();
    this.locations = locator.locations;
  }

  location(path: TomlPath): TomlLocation | undefined {
    return this.locations.get(pathKey(path));
  }

  /** Position of a value (or, when unknown, of its nearest located parent). */
  valuePosition(path: TomlPath): Position {
    for (let n = path.length; n >= 0; n--) {
      const location = this.location(path.slice(0, n));
      if (location) return this.lines.position(location.start);
    }
    return { line: 1, column: 1 };
  }

  /** Position of the key naming a value (for array items, the item itself). */
  keyPosition(path: TomlPath): Position {
    for (let n = path.length; n >= 0; n--) {
      const location = this.location(path.slice(0, n));
      if (location) return this.lines.position(location.keyStart);
    }
    return { line: 1, column: 1 };
  }

  /** Maps offsets in a string value's decoded text to file positions (the opening quote when not a string). */
  stringMapper(path: TomlPath): OffsetMapper {
    const location = this.location(path);
    const chars = location?.chars;
    if (!location || !chars) {
      const position = this.valuePosition(path);
      return () => position;
    }
    return (offset: number) => this.lines.position(chars[Math.max(0, Math.min(offset, chars.length - 1))]);
  }

  /** The raw text from a key to the end of its value (what the user wrote, e.g. `requests = "^2.28"`). */
  sourceText(path: TomlPath): string {
    const location = this.location(path);
    if (!location) return "";
    return this.text.slice(location.keyStart, location.end);
  }

  /** End column (1-based, exclusive) of a value when it ends on its start line. */
  valueEndColumn(path: TomlPath): number | undefined {
    const location = this.location(path);
    if (!location) return undefined;
    const start = this.lines.position(location.start);
    const end = this.lines.position(location.end);
    return end.line === start.line ? end.column : undefined;
  }
}

export type TomlParseResult = { ok: true; document: TomlDocument } | { ok: false; diagnostic: Diagnostic };

/** Parses TOML; a syntax error becomes one located diagnostic (smol-toml's 1-based line and column). */
export function parseTomlDocument(text: string): TomlParseResult {
  try {
    const data = parse(text);
    return { ok: true, document: new TomlDocument(text, data) };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split("\n", 1)[0].replace(/^Invalid TOML document:\s*/, "");
    return {
      ok: false,
      diagnostic: diagnosticAt("error", { line: error.line, column: error.column }, `invalid TOML: ${reason}`),
    };
  }
}

export function isTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function isArray(value: TomlValue | undefined): value is TomlValue[] {
  return Array.isArray(value);
}

/** A TOML value's kind for messages ("a string", "a table"...). */
export function describeToml(value: TomlValue | undefined): string {
  if (value === undefined) return "missing";
  if (typeof value === "string") return "a string";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "number" || typeof value === "bigint") return "a number";
  if (Array.isArray(value)) return "an array";
  if (isTable(value)) return "a table";
  return "a date";
}
