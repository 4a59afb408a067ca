// Tests for target environments: validation and the marker environment each target reports.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  defaultTargetEnvironment,
  describeTargetEnvironment,
  InvalidTargetEnvironment,
  markerEnvironment,
  parseTargetEnvironment,
  resolveTargetEnvironment,
  type TargetEnvironment,
} from "./environment";
import vectors from "./vectors/environments.json";

interface EnvironmentVector {
  target: Record<string, unknown>;
  environment: Record<string, string>;
}

function parsed(input: unknown): TargetEnvironment {
  const result = parseTargetEnvironment(input);
  if (!result.ok) throw new Error(result.message);
  return result.target;
}

describe("markerEnvironment", () => {
  const targets = Object.entries(vectors.targets as Record<string, EnvironmentVector>);

  it.each(targets)("reports what an interpreter on %s reports", (_name, vector) => {
    expect(markerEnvironment(parsed(vector.target))).toEqual(vector.environment);
  });

  it("matches packaging's default_environment() recorded on a real interpreter", () => {
    const recorded = vectors.recorded as EnvironmentVector;
    expect(markerEnvironment(parsed(recorded.target))).toEqual(recorded.environment);
  });

  it("gives python_full_version X.Y.0 for a bare X.Y and keeps a given micro or pre-release", () => {
    const base = { ...defaultTargetEnvironment };
    expect(markerEnvironment({ ...base, pythonVersion: "3.11" }).python_full_version).toBe("3.11.0");
    expect(markerEnvironment({ ...base, pythonVersion: "3.11.9" }).python_full_version).toBe("3.11.9");
    expect(markerEnvironment({ ...base, pythonVersion: "3.14.0b2" }).python_full_version).toBe("3.14.0b2");
    expect(markerEnvironment({ ...base, pythonVersion: "3.14.0b2" }).python_version).toBe("3.14");
  });

  it("spells the CPU the way each OS does", () => {
    const arm = (os: TargetEnvironment["os"]) => markerEnvironment({ ...defaultTargetEnvironment, os, arch: "arm64" }).platform_machine;
    expect(arm("linux")).toBe("aarch64");
    expect(arm("macos")).toBe("arm64");
    expect(arm("windows")).toBe("ARM64");
  });

  it("always reports all eleven PEP 508 variables as strings (property)", () => {
    const target = fc.record({
      implementation: fc.constantFrom("cpython" as const, "pypy" as const),
      pythonVersion: fc.tuple(fc.integer({ min: 7, max: 14 }), fc.option(fc.integer({ min: 0, max: 20 }))).map(([minor, micro]) =>
        micro === null ? `3.${minor}` : `3.${minor}.${micro}`,
      ),
      os: fc.constantFrom("linux" as const, "macos" as const, "windows" as const),
      arch: fc.constantFrom("x86_64" as const, "aarch64" as const, "arm64" as const),
    });
    fc.assert(
      fc.property(target, (t) => {
        const result = parseTargetEnvironment(t);
        if (!result.ok) {
          expect(t.implementation === "pypy" && t.os === "windows" && t.arch !== "x86_64").toBe(true);
          return;
        }
        const env = markerEnvironment(result.target);
        expect(Object.keys(env).sort()).toEqual([
          "implementation_name",
          "implementation_version",
          "os_name",
          "platform_machine",
          "platform_python_implementation",
          "platform_release",
          "platform_system",
          "platform_version",
          "python_full_version",
          "python_version",
          "sys_platform",
        ]);
        expect(env.python_full_version.startsWith(`${env.python_version}.`)).toBe(true);
      }),
    );
  });
});

describe("parseTargetEnvironment", () => {
  it("lets the default be spread and changed", () => {
    expect(parsed({ ...defaultTargetEnvironment, os: "windows" })).toEqual({
      implementation: "cpython",
      pythonVersion: "3.12",
      os: "windows",
      arch: "x86_64",
    });
    expect(markerEnvironment({ ...defaultTargetEnvironment, os: "macos" }).sys_platform).toBe("darwin");
  });

  it("fills in defaults", () => {
    expect(parsed({})).toEqual({
      implementation: "cpython",
      pythonVersion: "3.12",
      os: "linux",
      arch: "x86_64",
      libc: "glibc",
      glibcVersion: "2.28",
    });
    expect(parsed({ os: "macos", arch: "aarch64" })).toMatchObject({ os: "macos", arch: "arm64", macosVersion: "14.0" });
    expect(parsed({ os: "windows", arch: "amd64" })).toEqual({
      implementation: "cpython",
      pythonVersion: "3.12",
      os: "windows",
      arch: "x86_64",
    });
    expect(parsed({ libc: "musl" })).toMatchObject({ libc: "musl", muslVersion: "1.2" });
    expect(parsed({ arch: "arm64" })).toMatchObject({ os: "linux", arch: "aarch64" });
  });

  it("reports every problem with the field and the value", () => {
    const result = parseTargetEnvironment({
      implementation: "jython",
      pythonVersion: "3",
      os: "beos",
      arch: "mips",
      colour: "blue",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'unknown field "colour"',
      'implementation must be "cpython" or "pypy", got "jython"',
      'os must be "linux", "macos" or "windows", got "beos"',
      'arch must be "x86_64" or "aarch64"/"arm64", got "mips"',
      'pythonVersion must look like "3.12", "3.12.4" or "3.14.0rc1", got "3"',
    ]);
    expect(result.message).toContain("Invalid target environment: unknown field");
  });

  it("rejects combinations that do not exist", () => {
    const problems = (input: unknown): string[] => {
      const result = parseTargetEnvironment(input);
      return result.ok ? [] : result.problems;
    };
    expect(problems({ pythonVersion: "2.7" })).toEqual(['pythonVersion "2.7" is not supported: targets are Python 3.6 or later']);
    expect(problems({ os: "macos", arch: "arm64", macosVersion: "10.15" })).toEqual(['macOS on arm64 starts at 11.0, got "10.15"']);
    expect(problems({ os: "windows", libc: "glibc" })).toEqual(['libc applies to linux only, not "windows"']);
    expect(problems({ libc: "musl", glibcVersion: "2.28" })).toEqual(["glibcVersion cannot be set for a musl target"]);
    expect(problems({ glibcVersion: "2" })).toEqual(['glibcVersion must look like "2.28", got "2"']);
    expect(problems({ freeThreaded: true })).toEqual(['free-threaded CPython starts at 3.13, got "3.12"']);
    expect(problems({ implementation: "pypy", os: "windows", arch: "arm64" })).toEqual(["PyPy is not available for Windows on ARM64"]);
    expect(problems({ implementationVersion: "7.3.16" })).toEqual([
      "implementationVersion applies to pypy only (CPython reports its Python version)",
    ]);
    expect(problems("linux")).toEqual(["a target environment must be an object"]);
  });

  it("is idempotent on its own output", () => {
    for (const vector of Object.values(vectors.targets as Record<string, EnvironmentVector>)) {
      const once = parsed(vector.target);
      expect(parsed(once)).toEqual(once);
    }
  });
});

describe("resolveTargetEnvironment", () => {
  it("throws InvalidTargetEnvironment for a bad target", () => {
    expect(() => resolveTargetEnvironment({ ...defaultTargetEnvironment, pythonVersion: "three" })).toThrow(InvalidTargetEnvironment);
  });

  it("splits versions into numbers", () => {
    const resolved = resolveTargetEnvironment({ implementation: "pypy", pythonVersion: "3.10", os: "macos", arch: "arm64", macosVersion: "13.4" });
    expect(resolved.python).toEqual([3, 10]);
    expect(resolved.macosVersion).toEqual([13, 4]);
    expect(resolved.implementationVersion).toBe("7.3.19");
    expect(resolved.platformRelease).toBe("22.4.0");
  });
});

describe("describeTargetEnvironment", () => {
  it("names the interpreter and the platform", () => {
    expect(describeTargetEnvironment(defaultTargetEnvironment)).toBe("CPython 3.12 on Linux x86_64 with glibc 2.28");
    expect(describeTargetEnvironment({ implementation: "cpython", pythonVersion: "3.13", os: "windows", arch: "arm64", freeThreaded: true })).toBe(
      "CPython 3.13t on Windows arm64",
    );
    expect(describeTargetEnvironment({ implementation: "pypy", pythonVersion: "3.10", os: "macos", arch: "arm64" })).toBe(
      "PyPy 7.3.19 (Python 3.10) on macOS 14.0 arm64",
    );
  });
});

describe("parseTargetEnvironment on hostile input", () => {
  it("names values that are objects without calling into them", () => {
    const result = parseTargetEnvironment({ os: { toString: 1 }, pythonVersion: { valueOf: 3 }, platformRelease: "   " });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'os must be "linux", "macos" or "windows", got {"toString":1}',
      'pythonVersion must look like "3.12", "3.12.4" or "3.14.0rc1", got {"valueOf":3}',
      'platformRelease must be a non-empty string, got "   "',
    ]);
  });
});
