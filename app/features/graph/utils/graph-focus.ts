// Narrows the graph to what the user is looking at: the selected package's neighbourhood, or the direct requirements and the paths from them to the selection.
import type { DependencyGraph } from "./graph-elements";
import type { GraphVisibility } from "./graph-filter";

/** "all": every package (folds and depth apply); "neighbourhood": the selection and its direct neighbours; "requirements": the direct requirements and every path from them to the selection. */
export type GraphFocus = "all" | "neighbourhood" | "requirements";

/** The parents of each node id (the root has none). */
function parentsOf(graph: DependencyGraph): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const list = parents.get(edge.target);
    if (list) list.push(edge.source);
    else parents.set(edge.target, [edge.source]);
  }
  return parents;
}

/**
 * The nodes a focus shows, or null when it shows everything ("all", or "neighbourhood" with nothing selected).
 * The root is always in: it is where every path starts.
 */
export function focusedNodes(graph: DependencyGraph, focus: GraphFocus, selected: string | null): Set<string> | null {
  if (focus === "all") return null;
  const known = selected !== null && graph.children.has(selected) ? selected : null;
  const parents = parentsOf(graph);
  const shown = new Set<string>([graph.root.id]);
  if (focus === "neighbourhood") {
    if (!known) return null;
    shown.add(known);
    for (const child of graph.children.get(known) ?? []) shown.add(child);
    for (const parent of parents.get(known) ?? []) shown.add(parent);
    return shown;
  }
  for (const direct of graph.children.get(graph.root.id) ?? []) shown.add(direct);
  if (known) {
    // Every package that (transitively) depends on the selection lies on a path from the requirements to it.
    const queue = [known];
    const seen = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
      for (const parent of parents.get(queue[i]) ?? []) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        queue.push(parent);
      }
    }
    for (const id of seen) shown.add(id);
  }
  return shown;
}

/** The visibility of a focused graph: exactly the focused nodes, each with how many of its dependencies are left out. */
export function focusVisibility(graph: DependencyGraph, shown: ReadonlySet<string>): GraphVisibility {
  const visible = new Set(shown);
  const hiddenChildren = new Map<string, number>();
  for (const id of visible) {
    const hidden = (graph.children.get(id) ?? []).filter((c) => !visible.has(c)).length;
    if (hidden > 0) hiddenChildren.set(id, hidden);
  }
  return { visible, hiddenChildren };
}
