// Places the parser's and the resolver's diagnostics in the editor's text: 1-based line and column -> character offsets.
import type { InputDiagnosticDto, ParsedLine } from "../../../workers/api";

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: "error" | "warning" | "info";
  message: string;
}

/** Offsets where each line starts (line 1 at index 0), for \n, \r\n and \r line ends alike. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\r" && text[i + 1] === "\n") continue;
    if (c === "\n" || c === "\r") starts.push(i + 1);
  }
  return starts;
}

/**
 * The span for a diagnostic at a 1-based line and column: from the column to the end of the token there
 * (at least one character), clamped to the line; a column past the end marks the line's end.
 */
export function locate(text: string, starts: readonly number[], line: number, column: number): { from: number; to: number } | null {
  if (line < 1 || line > starts.length) return null;
  const lineStart = starts[line - 1];
  let lineEnd = line < starts.length ? starts[line] - 1 : text.length;
  if (lineEnd > lineStart && text[lineEnd - 1] === "\r") lineEnd -= 1;
  const from = Math.min(lineStart + Math.max(column, 1) - 1, lineEnd);
  let to = from;
  while (to < lineEnd && !/\s/.test(text[to])) to++;
  if (to === from && from < lineEnd) to = from + 1;
  return { from, to };
}

export function editorDiagnostics(text: string, parsed: readonly ParsedLine[], fromResolver: readonly InputDiagnosticDto[] = []): EditorDiagnostic[] {
  const starts = lineStarts(text);
  const out: EditorDiagnostic[] = [];
  for (const line of parsed) {
    if (line.kind !== "error") continue;
    const span = locate(text, starts, line.line, line.column);
    if (span) out.push({ ...span, severity: "error", message: line.message });
  }
  for (const d of fromResolver) {
    const span = locate(text, starts, d.line, d.column);
    if (span && !out.some((o) => o.from === span.from && o.message === d.message)) out.push({ ...span, severity: d.severity, message: d.message });
  }
  return out.sort((a, b) => a.from - b.from);
}
