// Picks the worker's input diagnostics that belong in the editor: those about this text, minus the errors the line parser already marks.
import type { InputDiagnosticDto, ParsedLine, RequirementSet } from "../../../workers/api";

/**
 * `parsed`: the line parser's reading when the text is requirements.txt (its errors are already in place, with their
 * own wording), else null. Diagnostics about other files (an `-r` include) have no place in this text.
 */
export function editorWorkerDiagnostics(diagnostics: RequirementSet["diagnostics"], parsed: readonly ParsedLine[] | null): InputDiagnosticDto[] {
  const parserErrorLines = new Set((parsed ?? []).filter((l) => l.kind === "error").map((l) => l.line));
  return diagnostics
    .filter((d) => d.file === undefined && !(d.severity === "error" && parserErrorLines.has(d.line)))
    .map(({ severity, message, line, column }) => ({ severity, message, line, column }));
}
