import { describe, it, expect } from "vitest";
import { editorDiagnostics, lineStarts, locate } from "./line-diagnostics";
import type { ParsedLine } from "../../../workers/api";

describe("lineStarts", () => {
  it("handles LF, CRLF and CR", () => {
    expect(lineStarts("a\nbc\r\nd\re")).toEqual([0, 2, 6, 8]);
    expect(lineStarts("")).toEqual([0]);
  });
});

describe("locate", () => {
  const text = "django>=4.2\nrequests >=2.0 foo\r\nnumpy";
  const starts = lineStarts(text);
  it("spans the token at the column", () => {
    const span = locate(text, starts, 2, 16);
    expect(span && text.slice(span.from, span.to)).toBe("foo");
  });
  it("marks the line end for a column past it, and never spans the CR", () => {
    expect(locate(text, starts, 2, 40)).toEqual({ from: 30, to: 30 });
    expect(text[30]).toBe("\r");
  });
  it("refuses lines that do not exist", () => {
    expect(locate(text, starts, 0, 1)).toBeNull();
    expect(locate(text, starts, 4, 1)).toBeNull();
  });
});

describe("editorDiagnostics", () => {
  it("places parser errors and resolver diagnostics, without duplicates, in document order", () => {
    const text = "ok\nbad ]\n";
    const parsed: ParsedLine[] = [
      { line: 1, kind: "requirement", text: "ok", name: "ok", canonicalName: "ok", extras: [], specifier: "", marker: null, url: null },
      { line: 2, kind: "error", text: "bad ]", column: 5, message: "Expected end" },
    ];
    const diagnostics = editorDiagnostics(text, parsed, [
      { severity: "error", message: "Expected end", line: 2, column: 5 },
      { severity: "warning", message: "ok is not on the index", line: 1, column: 1 },
    ]);
    expect(diagnostics).toEqual([
      { from: 0, to: 2, severity: "warning", message: "ok is not on the index" },
      { from: 7, to: 8, severity: "error", message: "Expected end" },
    ]);
  });
});
