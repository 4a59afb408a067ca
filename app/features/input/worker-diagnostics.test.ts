// Worker diagnostics in the editor: no duplicates of the line parser's errors, nothing about other files.
import { describe, expect, it } from "vitest";
import type { ParsedLine, RequirementSet } from "../../../workers/api";
import { editorWorkerDiagnostics } from "./worker-diagnostics";

const diagnostics: RequirementSet["diagnostics"] = [
  { severity: "error", message: "line 2, column 15: expected end of requirement", line: 2, column: 15 },
  { severity: "warning", message: "line 2, column 1: a warning on the same line", line: 2, column: 1 },
  { severity: "error", message: "line 4, column 1: an error the line parser did not see", line: 4, column: 1 },
  { severity: "warning", message: "base.txt, line 1: not followed", line: 1, column: 1, file: "base.txt" },
];
const parsed: ParsedLine[] = [
  { line: 1, kind: "comment", text: "# x" },
  { line: 2, kind: "error", text: "requests >=2.0 foo", column: 16, message: "Expected end" },
];

describe("editorWorkerDiagnostics", () => {
  it("drops errors on lines the requirements parser already marks, and diagnostics about other files", () => {
    expect(editorWorkerDiagnostics(diagnostics, parsed).map((d) => d.message)).toEqual([
      "line 2, column 1: a warning on the same line",
      "line 4, column 1: an error the line parser did not see",
    ]);
  });

  it("keeps every diagnostic about the text itself for the other formats", () => {
    expect(editorWorkerDiagnostics(diagnostics, null)).toEqual([
      { severity: "error", message: "line 2, column 15: expected end of requirement", line: 2, column: 15 },
      { severity: "warning", message: "line 2, column 1: a warning on the same line", line: 2, column: 1 },
      { severity: "error", message: "line 4, column 1: an error the line parser did not see", line: 4, column: 1 },
    ]);
  });
});
