// The line under the toolbar that says what the picture leaves out (focus, folds, depth limit) and brings everything back; and what to do with the selection.
import type { DependencyGraph } from "../utils/graph-elements";
import type { GraphVisibility } from "../utils/graph-filter";
import type { GraphFocus } from "../utils/graph-focus";
import { useView } from "../../../stores/view";
import { useGraphFocus } from "../stores/graph-focus";

const LINK = "font-medium text-teal-700 underline hover:no-underline dark:text-teal-300";

export function GraphFilterBar({ graph, visibility, focus }: { graph: DependencyGraph; visibility: GraphVisibility; focus: GraphFocus }) {
  const collapsed = useView((s) => s.collapsed);
  const maxDepth = useView((s) => s.maxDepth);
  const selected = useView((s) => s.selected);
  const chosen = useGraphFocus((s) => s.focus);
  const selectedNode = graph.nodes.find((n) => n.id === selected);
  const shown = visibility.visible.size - 1;
  const total = graph.nodes.length;

  let what: string | null = null;
  if (focus === "neighbourhood" && selectedNode) what = `Showing ${shown} of ${total} packages: ${selectedNode.displayName}, what it requires and what requires it`;
  else if (focus === "requirements")
    what = selectedNode
      ? `Showing ${shown} of ${total} packages: your direct requirements and every path from them to ${selectedNode.displayName}`
      : `Showing your ${shown} direct requirements of ${total} packages; select a package to see the paths to it`;
  else if (chosen === "neighbourhood") what = "Select a package to see its neighbourhood";
  else if (collapsed.length > 0 || maxDepth !== null)
    what = `${total - shown} of ${total} packages hidden${maxDepth !== null ? ` · depth ≤ ${maxDepth}` : ""}${collapsed.length ? ` · folded: ${collapsed.join(", ")}` : ""}`;

  const canFold = focus === "all" && selectedNode && (graph.children.get(selectedNode.id)?.length ?? 0) > 0;
  // A selected package with nothing under it says so where the fold would be: the line stays while anything is
  // selected, so the picture below keeps its height (and is not redrawn whole) from one selection to the next.
  const leaf = focus === "all" && selectedNode && !canFold ? selectedNode : null;
  if (!what && !canFold && !leaf) return null;
  return (
    <div
      data-testid="graph-filter-bar"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-300"
    >
      {what && <span>{what}</span>}
      {(focus !== "all" || chosen !== "all" || collapsed.length > 0 || maxDepth !== null) && (
        <button
          type="button"
          className={LINK}
          onClick={() => {
            useGraphFocus.getState().setFocus("all");
            useView.getState().expandAll();
          }}
        >
          Show all
        </button>
      )}
      {canFold && (
        <button type="button" className={`${LINK} ml-auto`} aria-pressed={collapsed.includes(selectedNode.id)} onClick={() => useView.getState().toggleCollapsed(selectedNode.id)}>
          {collapsed.includes(selectedNode.id) ? `Show subtree of ${selectedNode.displayName}` : `Hide subtree of ${selectedNode.displayName}`}
        </button>
      )}
      {leaf && <span className="ml-auto">{leaf.displayName} requires no other package</span>}
    </div>
  );
}
