// The requirement path that explains why a package is in a graph: from a direct requirement down to it, each hop with the specifier that asked.
import type { ResolvedPackageDto } from "../api";

const ROOT = "<root>";

/** One hop: `from` (null for the project's own requirement) requires `name` with `specifier`. */
export interface PathHop {
  from: string | null;
  fromVersion: string | null;
  name: string;
  specifier: string;
}

export interface PackageGraph {
  packages: readonly ResolvedPackageDto[];
  /** The project's direct requirements -> the specifier it asked with (the resolution keeps them on no package). */
  rootSpecifiers: ReadonlyMap<string, string>;
}

/** How `from` asks for `name` in the graph ("" when the edge carries no specifier). */
export function edgeSpecifier(graph: PackageGraph, byName: ReadonlyMap<string, ResolvedPackageDto>, from: string, name: string): string {
  if (from === ROOT) return graph.rootSpecifiers.get(name) ?? "";
  return byName.get(from)?.dependencies.find((d) => d.name === name)?.specifier ?? "";
}

/**
 * The shortest path from the project's requirements to `name` (breadth-first along `dependents`), ending with the
 * edge from `lastFrom` when given (the edge that matters, e.g. the one that excludes the old version). Null when no path.
 */
export function requirementPath(graph: PackageGraph, name: string, lastFrom?: string): PathHop[] | null {
  const byName = new Map(graph.packages.map((p) => [p.name, p]));
  const hop = (from: string, to: string): PathHop => ({
    from: from === ROOT ? null : from,
    fromVersion: from === ROOT ? null : (byName.get(from)?.version ?? null),
    name: to,
    specifier: edgeSpecifier(graph, byName, from, to),
  });
  const start = lastFrom ?? null;
  if (start === ROOT) return [hop(ROOT, name)];
  // Breadth-first from the target (or from the chosen parent) back to the root.
  const origin = start ?? name;
  const next = new Map<string, string>();
  const queue = [origin];
  const seen = new Set([origin]);
  while (queue.length > 0) {
    const current = queue.shift() as string;
    const dependents = [...(byName.get(current)?.dependents ?? [])].sort((a, b) => (a === ROOT ? -1 : b === ROOT ? 1 : a < b ? -1 : 1));
    for (const dependent of dependents) {
      if (seen.has(dependent)) continue;
      seen.add(dependent);
      next.set(dependent, current);
      if (dependent === ROOT) {
        const hops: PathHop[] = [];
        let at = ROOT;
        while (at !== origin) {
          const down = next.get(at) as string;
          hops.push(hop(at, down));
          at = down;
        }
        if (start !== null) hops.push(hop(start, name));
        return hops;
      }
      queue.push(dependent);
    }
  }
  return null;
}

/** A hop as a person reads it: `flask>=2.0` (the project's requirement) or `jinja2 3.1.6 requires markupsafe>=2.0`. */
export function describeHop(hop: PathHop): string {
  const required = `${hop.name}${hop.specifier}`;
  return hop.from === null ? required : `${hop.from} ${hop.fromVersion ?? ""} requires ${required}`.replace("  ", " ");
}
