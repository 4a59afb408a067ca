import { describe, expect, it } from "vitest";
import { fixtureDir } from "./formats/input/fixture-files";
import { parseInput } from "./formats/input/parse-input";
import { parseRequirementLines } from "./requirement-lines";

describe("the editor's per-line view comes from the one requirements.txt reader", () => {
  it("a `\\` continuation is one requirement on its first line, not two errors (issue 11)", () => {
    const lines = parseRequirementLines("requests \\\n  >=2.0\n");
    expect(lines).toEqual([
      { line: 1, kind: "requirement", text: "requests \\", name: "requests", canonicalName: "requests", extras: [], specifier: ">=2.0", marker: null, url: null },
      { line: 2, kind: "blank", text: "  >=2.0" },
      { line: 3, kind: "blank", text: "" },
    ]);
    expect(parseInput("requests \\\n  >=2.0\n").requirements.map((r) => [r.pep508, r.line])).toEqual([["requests>=2.0", 1]]);
  });

  it("comments, options, inline comments and markers read as pip reads them", () => {
    const lines = parseRequirementLines("# pinned\n-r base.txt\n--index-url https://example.com/simple\nBar_Baz[X] ; python_version>'3'  # why\n");
    expect(lines.map((l) => l.kind)).toEqual(["comment", "option", "option", "requirement", "blank"]);
    expect(lines[1]).toMatchObject({ option: "-r" });
    expect(lines[3]).toMatchObject({ name: "Bar_Baz", canonicalName: "bar-baz", extras: ["X"], marker: 'python_version > "3"' });
  });

  it("an error sits on the physical line and column it is about, even inside a continuation", () => {
    const lines = parseRequirementLines("foo ==\nbaz \\\n  --hash=md5:1\n--bogus\n");
    expect(lines[0]).toMatchObject({ kind: "error", line: 1, column: 5 });
    expect(lines[1]).toMatchObject({ kind: "requirement", name: "baz" });
    expect(lines[2]).toEqual({ line: 3, kind: "error", text: "  --hash=md5:1", column: 10, message: '--hash algorithm "md5" is not allowed; use sha256, sha384 or sha512' });
    expect(lines[3]).toMatchObject({ kind: "error", column: 1, message: "no such option: --bogus" });
  });

  it("agrees with parseInput on every line of real requirements files: same requirements at the same lines", () => {
    const files = fixtureDir("django-app");
    for (const [name, text] of Object.entries(files)) {
      const fromReader = parseInput(text, { fileName: name })
        .requirements.concat(parseInput(text, { fileName: name }).constraints)
        // An editable (`-e ./x`) is an option line in the editor's view.
        .filter((r) => r.file === undefined && r.kind !== "editable")
        .map((r) => [r.line, r.specifier]);
      const fromLines = parseRequirementLines(text).flatMap((l) => (l.kind === "requirement" ? [[l.line, l.specifier]] : []));
      expect(fromLines, name).toEqual(fromReader);
      const errorLines = new Set(parseInput(text, { fileName: name }).diagnostics.filter((d) => d.severity === "error" && !d.file).map((d) => d.line));
      expect(new Set(parseRequirementLines(text).flatMap((l) => (l.kind === "error" ? [l.line] : []))), name).toEqual(errorLines);
    }
  });
});
