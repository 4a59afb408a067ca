// Test helper: small resolutions from an adjacency list, for the app's unit tests.
import type { ResolvedPackageDto } from "../../workers/api";
import { resolvedPackage } from "../../test-support/resolved-package";

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
    return resolvedPackage(name, versions[name] ?? "1.0", { dependents, dependencies, direct: dependents.includes("<root>") });
  });
}
