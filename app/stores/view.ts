// The view store: what is selected and how the result is shown (tab, layout, filters, highlighted paths); not persisted.
import { create } from "zustand";
import type { TargetDto } from "../../workers/api";

/** The graph's id for the user's own requirements, as `ResolvedPackageDto.dependents` names them. */
export const ROOT_ID = "<root>";

/** The graph's id for the edge from one package (or the root) to a dependency. */
export function edgeId(from: string, to: string): string {
  return `${from}->${to}`;
}

export type ResultTab = "graph" | "list" | "tree" | "audit";
export type GraphLayout = "hierarchical" | "force";

export interface ViewState {
  tab: ResultTab;
  /** The key of the selected package: its canonical name (`name==version` when a universal result holds the name twice). */
  selected: string | null;
  /** Nodes and edges to emphasise in the graph (the paths that explain why the selection is there). */
  highlight: { nodes: string[]; edges: string[] } | null;
  layout: GraphLayout;
  /** Packages whose dependencies are folded away in the graph. */
  collapsed: string[];
  /** Show only packages at most this many steps from the requirements (null: all). */
  maxDepth: number | null;
  /** Bumped to ask the graph to centre on the selection (search, list, details links). */
  focusRequest: number;
  /** A universal result viewed in one environment (null: every environment at once). */
  environment: TargetDto | null;
  setEnvironment: (environment: TargetDto | null) => void;
  setTab: (tab: ResultTab) => void;
  select: (name: string | null, options?: { focus?: boolean }) => void;
  setHighlight: (highlight: ViewState["highlight"]) => void;
  setLayout: (layout: GraphLayout) => void;
  toggleCollapsed: (name: string) => void;
  expandAll: () => void;
  setMaxDepth: (depth: number | null) => void;
  reset: () => void;
}

export const useView = create<ViewState>()((set) => ({
  tab: "graph",
  selected: null,
  highlight: null,
  layout: "hierarchical",
  collapsed: [],
  maxDepth: null,
  focusRequest: 0,
  environment: null,
  setEnvironment: (environment) => set({ environment }),
  setTab: (tab) => set({ tab }),
  select: (selected, options) =>
    set((s) => ({ selected, highlight: selected ? s.highlight : null, focusRequest: options?.focus ? s.focusRequest + 1 : s.focusRequest })),
  setHighlight: (highlight) => set({ highlight }),
  setLayout: (layout) => set({ layout }),
  toggleCollapsed: (name) =>
    set((s) => ({ collapsed: s.collapsed.includes(name) ? s.collapsed.filter((n) => n !== name) : [...s.collapsed, name] })),
  expandAll: () => set({ collapsed: [], maxDepth: null }),
  setMaxDepth: (maxDepth) => set({ maxDepth }),
  reset: () => set({ selected: null, highlight: null, collapsed: [], maxDepth: null }),
}));
