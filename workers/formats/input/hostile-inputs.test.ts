import { describe, expect, it } from "vitest";
import { parseInput } from "./parse-input";
import {
  deepMarker,
  deepSetupPy,
  extendsDiamond,
  groupDoubling,
  includeDiamond,
  longSetupPyString,
  referenceDoubling,
  setupPyConcatenations,
} from "./test-support/hostile-inputs";

/** The issue 12 inputs read to a typed result: what a person sees, with the location of any limit hit. */
describe("hostile inputs of issue 12", () => {
  it("a 25-level -r diamond reads each file once: one requirement, no error", () => {
    const { text, options } = includeDiamond(25);
    const set = parseInput(text, options);
    expect(set.requirements.map((r) => [r.pep508, r.file])).toEqual([["requests", "r25.txt"]]);
    expect(set.diagnostics).toEqual([]);
  });

  it("an 18-level extends diamond reads each file once and keeps its pins", () => {
    const { text, options } = extendsDiamond(18);
    const set = parseInput(text, options);
    expect(set.requirements.map((r) => r.pep508)).toEqual(["requests"]);
    expect(set.constraints.map((r) => [r.pep508, r.file])).toEqual([["requests==2.0", "b18.cfg"]]);
    expect(set.diagnostics).toEqual([]);
  });

  it("${} doubling stops at the size cap with an error at the reference that crosses it", () => {
    const { text, options } = referenceDoubling(30);
    const set = parseInput(text, options);
    const errors = set.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(1);
    // o16 is "requests" 2^16 times (589,823 characters); o17 would be twice that.
    expect(errors[0]).toMatchObject({ line: 24, column: 7 });
    expect(errors[0].message).toBe("line 24, column 7: ${s:o16} makes [s] o17 longer than 1,000,000 characters; the value is cut there");
  });

  it("dependency-group doubling expands each group once: one requirement per group", () => {
    const { text, options } = groupDoubling(18);
    const set = parseInput(text, options);
    expect(set.requirements.map((r) => r.pep508)).toEqual(["requests"]);
    expect(set.groups).toHaveLength(19);
    expect(set.diagnostics).toEqual([]);
  });

  it("a marker nested 200 deep reads (as packaging does); 3,000 deep is a located syntax error", () => {
    const ok = parseInput(deepMarker(200).text, { fileName: "requirements.txt" });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.requirements.map((r) => r.marker)).toEqual(['python_version >= "3"']);
    const deep = parseInput(deepMarker(3000).text, { fileName: "requirements.txt" });
    expect(deep.requirements).toEqual([]);
    expect(deep.diagnostics).toHaveLength(1);
    // The 201st "(" (column 11 + 200).
    expect(deep.diagnostics[0]).toMatchObject({ severity: "error", line: 1, column: 211 });
    expect(deep.diagnostics[0].message).toContain("Marker expression nested too deeply (more than 200 parentheses)");
  });

  it("setup.py: a 300 KB string literal is read as the requirement it is", () => {
    const set = parseInput(longSetupPyString(300_000).text, { fileName: "setup.py" });
    expect(set.diagnostics).toEqual([]);
    expect(set.requirements.map((r) => r.name.length)).toEqual([300_000]);
  });

  it("setup.py nested 2,000 levels stops at CPython's limit with its message, at the 201st bracket", () => {
    const set = parseInput(deepSetupPy(2000).text, { fileName: "setup.py" });
    const errors = set.diagnostics.filter((d) => d.severity === "error");
    expect(errors[0]).toMatchObject({ line: 2, column: 233 });
    expect(errors[0].message).toBe("line 2, column 233: too many nested parentheses (more than 200, as CPython allows)");
    expect(set.diagnostics.every((d) => d.internal === undefined)).toBe(true);
  });

  it("setup.py: 20,000 concatenated literals make one string, each character still located", () => {
    const set = parseInput(setupPyConcatenations(20_000).text, { fileName: "setup.py" });
    expect(set.diagnostics).toEqual([]);
    expect(set.requirements).toHaveLength(1);
    expect(set.requirements[0].name).toBe("r0r1r2r3r4r5r6r7r8r9".repeat(2000));
    expect(set.requirements[0]).toMatchObject({ line: 2, column: 8 });
  });

  it("found by fuzzing: a stray % in a file name is kept, as Python's unquote keeps it", () => {
    const set = parseInput("./vendor/legacy_client-1.4.2-py3-none%any.whl\n./x/pkg%C3%A9-1.0.tar.gz\n", { fileName: "requirements.txt" });
    expect(set.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(set.requirements.map((r) => r.name)).toEqual(["", "pkgé"]);
  });

  it("found by fuzzing: a chained assignment of one name 400 times reads the value once", () => {
    const chain = "re= ".repeat(400);
    const text = `from setuptools import setup\nwith open("v") as f:\n    version = ${chain}f.read()\nsetup(name="x", version=version, install_requires=["requests"])\n`;
    const set = parseInput(text, { fileName: "setup.py" });
    expect(set.requirements.map((r) => r.pep508)).toEqual(["requests"]);
    expect(set.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
