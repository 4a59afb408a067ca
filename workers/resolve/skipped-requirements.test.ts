// Tests of the requirements listed as skipped because their marker is false for the target.
import { describe, expect, it } from "vitest";
import type { SkippedRequirementDto } from "../api";
import { parseInput } from "../formats/input/parse-input";
import { describeTargetEnvironment, markerEnvironment, parseTargetEnvironment } from "../packaging/environment";
import { skippedRequirements, targetScope } from "./skipped-requirements";

function skippedFor(text: string, os: "linux" | "windows"): SkippedRequirementDto[] {
  const parsed = parseTargetEnvironment({ implementation: "cpython", pythonVersion: "3.11", os, arch: "x86_64" });
  if (!parsed.ok) throw new Error(parsed.message);
  return skippedRequirements(parseInput(text, { format: "requirements.txt" }), targetScope(markerEnvironment(parsed.target), describeTargetEnvironment(parsed.target)));
}

describe("skippedRequirements", () => {
  it("lists each requirement whose marker is false for the target, with its line and the target", () => {
    const text = "six\npywin32>=300; sys_platform == 'win32'\nuvloop; sys_platform != 'win32'\n";
    expect(skippedFor(text, "linux").map((s) => s.note)).toEqual(['pywin32 (line 2): skipped, sys_platform == "win32" is false for CPython 3.11 on Linux x86_64 with glibc 2.28']);
    expect(skippedFor(text, "windows").map((s) => s.note)).toEqual([expect.stringMatching(/^uvloop \(line 3\): skipped, sys_platform != "win32" is false for CPython 3\.11 on Windows/)]);
  });

  it("keeps each as a PEP 508 requirement (extras, specifier and marker as packaging prints them) with its line, for the exports", () => {
    const text = "six\nPyWin32[Extra]>=300 ; sys_platform == 'win32' and python_version >= '3.6'\n";
    expect(skippedFor(text, "linux")).toEqual([
      expect.objectContaining({ requirement: 'PyWin32[extra]>=300; sys_platform == "win32" and python_version >= "3.6"', line: 2 }),
    ]);
  });
});
