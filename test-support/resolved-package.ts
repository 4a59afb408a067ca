// Test support: one resolved package as the worker reports it, with only what a test states set (for app and worker tests).
import type { ResolvedPackageDto } from "../workers/api";

/** A resolved package named `name` at `version`: no dependencies, files or warnings unless `overrides` says so. */
export function resolvedPackage(name: string, version: string, overrides: Partial<ResolvedPackageDto> = {}): ResolvedPackageDto {
  return {
    name,
    displayName: name,
    version,
    extras: [],
    direct: false,
    dependencies: [],
    dependents: [],
    warnings: [],
    yanked: null,
    prerelease: false,
    unknownDependencies: false,
    requiresPython: null,
    index: "https://pypi.org/simple/",
    files: [],
    rejectedNewer: [],
    ...overrides,
  };
}
