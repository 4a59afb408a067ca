// Tests for the single entry point: dispatch, extra/group selection, unknown names, and plain-data output.
import { describe, expect, it } from "vitest";
import { fixture } from "./fixture-files";
import { parseInput } from "./parse-input";

describe("parseInput", () => {
  it("dispatches by the given format over detection", () => {
    const text = "[packages]\nrequests = '*'\n";
    expect(parseInput(text).format).toBe("Pipfile");
    const forced = parseInput("requests\n", { format: "requirements.txt", fileName: "Pipfile.txt" });
    expect(forced.requirements.map((r) => r.name)).toEqual(["requests"]);
  });

  it("selects extras and groups by their normalised names", () => {
    const text = fixture("fastapi-app/pyproject.toml");
    const set = parseInput(text, { extras: ["Tracing"], groups: ["LINT"] });
    expect(set.requirements.filter((r) => r.source.kind !== "main").map((r) => r.name)).toEqual([
      "opentelemetry-api",
      "opentelemetry-instrumentation-fastapi",
      "ruff",
      "mypy",
    ]);
  });

  it("warns about extras and groups the file does not define", () => {
    const set = parseInput(fixture("fastapi-app/pyproject.toml"), { extras: ["gpu"], groups: ["bench"] });
    expect(set.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message)).toEqual([
      'the extra "gpu" is not defined in this pyproject.toml (it defines redis, tracing, all)',
      'the dependency group "bench" is not defined in this pyproject.toml (it defines test, lint, dev)',
    ]);
    // About the request, not a line of the file: nowhere to underline.
    expect(set.diagnostics.filter((d) => d.severity === "warning").map((d) => [d.line, d.column])).toEqual([[0, 0], [0, 0]]);
  });

  it("returns plain data that survives structured cloning unchanged", () => {
    const set = parseInput(fixture("poetry-app/pyproject.toml"), { extras: ["mysql"], groups: ["docs"] });
    expect(structuredClone(set)).toEqual(set);
    expect(JSON.parse(JSON.stringify(set))).toEqual(set);
  });

  it("lists the main file's diagnostics by line, then other files'", () => {
    const files = { "base.txt": "bad line here\n" };
    const set = parseInput("-r base.txt\n--no-index\n!!!\n", { files });
    expect(set.diagnostics.map((d) => [d.file ?? "", d.line])).toEqual([
      ["", 2],
      ["", 3],
      ["base.txt", 1],
    ]);
  });
});
