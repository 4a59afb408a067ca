// Decides which nodes of the dependency graph are shown, given folded subtrees and a depth limit.
import { ROOT_ID } from "../../../stores/view";

export interface GraphVisibility {
  visible: Set<string>;
  /** For each shown node whose dependencies are partly hidden: how many of its direct dependencies are hidden. */
  hiddenChildren: Map<string, number>;
}

/**
 * Walks from the root breadth-first; a collapsed node is shown but not entered, and nothing deeper than
 * `maxDepth` steps is shown. A node stays visible if any unfolded path within the limit reaches it.
 */
export function visibleNodes(children: ReadonlyMap<string, readonly string[]>, collapsed: readonly string[], maxDepth: number | null): GraphVisibility {
  const folded = new Set(collapsed);
  const depth = new Map<string, number>([[ROOT_ID, 0]]);
  const queue = [ROOT_ID];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    const d = depth.get(id) ?? 0;
    if (folded.has(id) || (maxDepth !== null && d >= maxDepth)) continue;
    for (const child of children.get(id) ?? []) {
      if (depth.has(child)) continue;
      depth.set(child, d + 1);
      queue.push(child);
    }
  }
  const visible = new Set(depth.keys());
  const hiddenChildren = new Map<string, number>();
  for (const id of visible) {
    const hidden = (children.get(id) ?? []).filter((c) => !visible.has(c)).length;
    if (hidden > 0) hiddenChildren.set(id, hidden);
  }
  return { visible, hiddenChildren };
}
