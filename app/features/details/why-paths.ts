// Finds every path from the user's requirements to a package (following who depends on whom) and what to highlight for them.
import { ROOT_ID, edgeId } from "../../stores/view";

export interface WhyPaths {
  /** Each path runs from the root to the package: [ROOT_ID, direct requirement, ..., package]. */
  paths: string[][];
  /** True when there were more paths than `limit` and only the first ones are listed. */
  truncated: boolean;
}

/**
 * Depth-first search backwards along `dependents` (canonical names, ROOT_ID for the user's requirements),
 * never revisiting a package within one path, so dependency cycles terminate. Shorter paths come first.
 */
export function whyPaths(target: string, dependentsOf: ReadonlyMap<string, readonly string[]>, limit = 50): WhyPaths {
  const paths: string[][] = [];
  let truncated = false;
  const onPath = new Set<string>();
  const stack: string[] = [];

  const walk = (id: string): void => {
    if (truncated) return;
    if (id === ROOT_ID) {
      if (paths.length >= limit) {
        truncated = true;
        return;
      }
      paths.push([ROOT_ID, ...[...stack].reverse()]);
      return;
    }
    onPath.add(id);
    stack.push(id);
    for (const dependent of dependentsOf.get(id) ?? []) {
      if (!onPath.has(dependent)) walk(dependent);
    }
    stack.pop();
    onPath.delete(id);
  };
  walk(target);
  paths.sort((a, b) => a.length - b.length || a.join(" ").localeCompare(b.join(" ")));
  return { paths, truncated };
}

/** The nodes and edges that the paths run through, for highlighting in the graph. */
export function pathHighlight(paths: readonly string[][]): { nodes: string[]; edges: string[] } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const path of paths) {
    path.forEach((id, i) => {
      nodes.add(id);
      if (i > 0) edges.add(edgeId(path[i - 1], id));
    });
  }
  return { nodes: [...nodes], edges: [...edges] };
}
