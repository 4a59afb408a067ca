// Test helper: builds ResolvedPackageDto values and small resolutions for the app's unit tests.
import type { ResolvedPackageDto } from "../../workers/api";

export function pkg(name: string, version: string, fields: Partial<ResolvedPackageDto> = {}): ResolvedPackageDto {
  return {
    name,
    displayName: fields.displayName ?? name,
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
    index: "https://example.test/simple",
    files: [],
    rejectedNewer: [],
    ...fields,
  };
}

/**
 * A resolution from an adjacency list: `edges` maps a package (or "<root>") to its dependencies as
 * `name` or `name:specifier`. Every package mentioned gets version 1.0 unless `versions` says otherwise.
 */
export function resolutionOf(edges: Record<string, string[]>, versions: Record<string, string> = {}): ResolvedPackageDto[] {
  const names = new Set<string>();
  for (const [from, tos] of Object.entries(edges)) {
    if (from !== "<root>") names.add(from);
    for (const to of tos) names.add(to.split(":")[0]);
  }
  return [...names].map((name) => {
    const dependents = Object.entries(edges)
      .filter(([, tos]) => tos.some((t) => t.split(":")[0] === name))
      .map(([from]) => from);
    const dependencies = (edges[name] ?? []).map((t) => {
      const [dep, specifier = ""] = t.split(":");
      return { name: dep, specifier, marker: null, extras: [] };
    });
    return pkg(name, versions[name] ?? "1.0", { dependents, dependencies, direct: dependents.includes("<root>") });
  });
}
