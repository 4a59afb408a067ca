// What the graph shows for a resolution: its packages and edges, which of them are visible (folds, depth, focus), and the Cytoscape elements for those.
import { useMemo } from "react";
import type { ResolvedPackageDto, ResolveRequest } from "../../../../workers/api";
import { useView } from "../../../stores/view";
import { buildDependencyGraph, type DependencyGraph } from "../utils/graph-elements";
import { visibleNodes, type GraphVisibility } from "../utils/graph-filter";
import { focusedNodes, focusVisibility, type GraphFocus } from "../utils/graph-focus";
import { cytoscapeElements } from "../utils/cytoscape-elements";
import { useGraphFocus } from "../stores/graph-focus";
import { useRootSpecifiers } from "../../../hooks/use-root-specifiers";
import type { ElementDefinition } from "cytoscape";

export interface GraphModel {
  graph: DependencyGraph;
  visibility: GraphVisibility;
  elements: ElementDefinition[];
  /** The focus in effect: "all" when the chosen one has nothing to narrow to (no selection for "neighbourhood"). */
  focus: GraphFocus;
}

export function useGraphModel(packages: ResolvedPackageDto[], request: ResolveRequest): GraphModel {
  const rootSpecifiers = useRootSpecifiers(request);
  const graph = useMemo(() => buildDependencyGraph(packages, rootSpecifiers), [packages, rootSpecifiers]);
  const collapsed = useView((s) => s.collapsed);
  const maxDepth = useView((s) => s.maxDepth);
  const selected = useView((s) => s.selected);
  const chosen = useGraphFocus((s) => s.focus);
  // Only the focus modes depend on the selection: with "all", selecting must not rebuild the elements.
  const focusSelection = chosen === "all" ? null : selected;
  const shown = useMemo(() => focusedNodes(graph, chosen, focusSelection), [graph, chosen, focusSelection]);
  const visibility = useMemo(() => (shown ? focusVisibility(graph, shown) : visibleNodes(graph.children, collapsed, maxDepth)), [graph, shown, collapsed, maxDepth]);
  const elements = useMemo(() => cytoscapeElements(graph, visibility), [graph, visibility]);
  return { graph, visibility, elements, focus: shown ? chosen : "all" };
}
