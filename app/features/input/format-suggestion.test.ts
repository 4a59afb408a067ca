import { describe, expect, it } from "vitest";
import type { InputFormat, InputReading, RequirementSet } from "../../../workers/api";
import { formatSuggestion } from "./format-suggestion";

function reading(format: InputFormat, looksLike: InputFormat, errors: number, requirements = 1): InputReading {
  const diagnostics: RequirementSet["diagnostics"] = Array.from({ length: errors }, (_, i) => ({ severity: "error", message: `line ${i + 1}: bad`, line: i + 1, column: 1 }));
  const requirement = { name: "six", text: "six", line: 1, column: 1 } as unknown as RequirementSet["requirements"][number];
  const set: RequirementSet = { format, requirements: Array.from({ length: requirements }, () => requirement), constraints: [], requiresPython: null, indexUrl: null, extraIndexUrls: [], pre: false, extras: [], groups: [], diagnostics };
  return { set, looksLike, lines: null };
}

describe("formatSuggestion", () => {
  it("switches when the chosen format fails and the content names another", () => {
    expect(formatSuggestion("requirements.txt", reading("requirements.txt", "setup.cfg", 16))).toEqual({ kind: "switch", to: "setup.cfg" });
    expect(formatSuggestion("pyproject.toml", reading("pyproject.toml", "setup.py", 1))).toEqual({ kind: "switch", to: "setup.py" });
  });

  it("switches when the chosen format reads nothing at all from a text that names another", () => {
    expect(formatSuggestion("setup.cfg", reading("setup.cfg", "pyproject.toml", 0, 0))).toEqual({ kind: "switch", to: "pyproject.toml" });
  });

  it("only offers when the text reads cleanly in the chosen format anyway", () => {
    expect(formatSuggestion("requirements.txt", reading("requirements.txt", "pyproject.toml", 0))).toEqual({ kind: "offer", to: "pyproject.toml" });
  });

  it("offers requirements.txt for plain lines that fail in a file format, and nothing when they read", () => {
    expect(formatSuggestion("setup.cfg", reading("setup.cfg", "requirements.txt", 3))).toEqual({ kind: "offer", to: "requirements.txt" });
    expect(formatSuggestion("setup.cfg", reading("setup.cfg", "requirements.txt", 0))).toBeNull();
  });

  it("says nothing when the content matches the format, or the reading is of another format than the one on screen", () => {
    expect(formatSuggestion("Pipfile", reading("Pipfile", "Pipfile", 2))).toBeNull();
    expect(formatSuggestion("Pipfile", reading("setup.cfg", "pyproject.toml", 2))).toBeNull();
  });

  it("does not count errors about other files (an -r include) against the text", () => {
    const r = reading("requirements.txt", "setup.cfg", 0);
    r.set.diagnostics.push({ severity: "error", message: "base.txt: not found", line: 1, column: 1, file: "base.txt" });
    expect(formatSuggestion("requirements.txt", r)).toEqual({ kind: "offer", to: "setup.cfg" });
  });
});
