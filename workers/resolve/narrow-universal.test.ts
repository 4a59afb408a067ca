import { describe, expect, it } from "vitest";
import type { TargetDto, UniversalScopeDto } from "../api";
import { resolvedPackage } from "../../test-support/resolved-package";
import { UNIVERSAL_EXAMPLE as UNIVERSAL } from "./test-support/universal-example";
import { narrowUniversal, universalEnvironmentChoices } from "./narrow-universal";

const target = (os: TargetDto["os"], pythonVersion: string): TargetDto => ({ implementation: "cpython", pythonVersion, os, arch: "x86_64" });

describe("narrowUniversal", () => {
  it("keeps on Linux with Python 3.12 only what is installed there, one version per name, keyed by name again", () => {
    const narrowed = narrowUniversal(UNIVERSAL, target("linux", "3.12"));
    expect(narrowed.map((p) => `${p.name}==${p.version}`).sort()).toEqual(["click==8.1.7", "numpy==2.0.2", "pandas==2.0.3"]);
    expect(narrowed.every((p) => p.id === undefined && p.marker === undefined)).toBe(true);
    expect(narrowed.find((p) => p.name === "click")?.dependencies).toEqual([]);
    expect(narrowed.find((p) => p.name === "numpy")?.dependents).toEqual(["pandas"]);
    expect(narrowed.find((p) => p.name === "pandas")?.dependencies[0].targets).toBeUndefined();
  });

  it("takes the other fork on Python 3.8 and the Windows-only packages on Windows", () => {
    const narrowed = narrowUniversal(UNIVERSAL, target("windows", "3.8"));
    expect(narrowed.map((p) => `${p.name}==${p.version}`).sort()).toEqual(["click==8.1.7", "colorama==0.4.6", "numpy==1.24.4", "pandas==2.0.3", "pywin32==306"]);
    expect(narrowed.find((p) => p.name === "click")?.dependencies.map((d) => d.name)).toEqual(["colorama"]);
    expect(narrowed.find((p) => p.name === "colorama")?.dependents).toEqual(["click"]);
  });

  it("keeps a package another needs but drops your requirement of it where that requirement's marker is false", () => {
    const packages = [
      resolvedPackage("tool", "1.0", { direct: true, dependents: ["<root>"], dependencies: [{ name: "helper", specifier: "", marker: null, extras: [] }] }),
      resolvedPackage("helper", "2.0", { direct: true, directMarker: "sys_platform == 'win32'", dependents: ["<root>", "tool"] }),
    ];
    const linux = narrowUniversal(packages, target("linux", "3.12")).find((p) => p.name === "helper");
    expect(linux).toMatchObject({ direct: false, dependents: ["tool"] });
    expect(linux?.directMarker).toBeUndefined();
    expect(narrowUniversal(packages, target("windows", "3.12")).find((p) => p.name === "helper")).toMatchObject({ direct: true, dependents: ["<root>", "tool"] });
  });

  it("gives a result whose every edge reaches a package of the result, on every platform and Python", () => {
    for (const os of ["linux", "macos", "windows"] as const) {
      for (const python of ["3.8", "3.9", "3.13"]) {
        const narrowed = narrowUniversal(UNIVERSAL, target(os, python));
        const names = new Set(narrowed.map((p) => p.name));
        expect(names.size, `${os} ${python}: one version per name`).toBe(narrowed.length);
        for (const p of narrowed) for (const d of p.dependencies) expect(names.has(d.name), `${os} ${python}: ${p.name} -> ${d.name}`).toBe(true);
      }
    }
  });
});

describe("universalEnvironmentChoices", () => {
  const scope: UniversalScopeDto = { python: ">=3.10", platforms: ["linux", "windows"], otherSysPlatforms: [], environments: [], forks: [""] };

  it("offers each platform of the result with each listed Python version in its range", () => {
    const choices = universalEnvironmentChoices(scope, ["3.8", "3.9", "3.10", "3.11", "3.12"]);
    expect(choices.map((c) => c.label)).toEqual([
      "Linux · Python 3.10",
      "Linux · Python 3.11",
      "Linux · Python 3.12",
      "Windows · Python 3.10",
      "Windows · Python 3.11",
      "Windows · Python 3.12",
    ]);
    expect(choices[0].target).toEqual({ implementation: "cpython", pythonVersion: "3.10", os: "linux", arch: "x86_64" });
  });

  it("honours an upper bound", () => {
    const choices = universalEnvironmentChoices({ ...scope, python: ">=3.9, <3.11", platforms: ["macos"] }, ["3.8", "3.9", "3.10", "3.11"]);
    expect(choices.map((c) => c.label)).toEqual(["macOS · Python 3.9", "macOS · Python 3.10"]);
  });
});
