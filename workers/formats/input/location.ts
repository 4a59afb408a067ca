// Source positions: offsets to 1-based line/column, and diagnostics whose message starts with where they are.
import type { Diagnostic, Severity } from "../../api-input";

/** A 1-based line and 1-based column (UTF-16 code units, as editors count). */
export interface Position {
  line: number;
  column: number;
}

/** Maps an offset in some derived string (a decoded TOML string, a joined logical line) to a file position. */
export type OffsetMapper = (offset: number) => Position;

/** Line starts of a text, for offset -> position lookups. Lines end at \n, \r\n or a lone \r. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.starts[lo] + 1 };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }
}

/** Splits text into lines the way Python's str.splitlines does for \n, \r\n and \r (no trailing empty line). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** "line 3, column 9" (with the file first when the diagnostic is about another file). */
export function where(position: Position, file?: string): string {
  const at = `line ${position.line}, column ${position.column}`;
  return file ? `${file}, ${at}` : at;
}

/** A diagnostic at a position; the message is prefixed with where it is. */
export function diagnosticAt(
  severity: Severity,
  position: Position,
  what: string,
  options: { endColumn?: number; file?: string } = {},
): Diagnostic {
  const diagnostic: Diagnostic = {
    severity,
    message: `${where(position, options.file)}: ${what}`,
    line: position.line,
    column: position.column,
  };
  if (options.endColumn !== undefined && options.endColumn > position.column) diagnostic.endColumn = options.endColumn;
  if (options.file !== undefined) diagnostic.file = options.file;
  return diagnostic;
}
