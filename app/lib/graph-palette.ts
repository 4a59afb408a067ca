// The dependency graph's colours for light and dark themes, shared by the canvas style, the legend and the SVG export.

export interface GraphPalette {
  background: string;
  nodeFill: string;
  nodeBorder: string;
  nodeText: string;
  rootFill: string;
  rootText: string;
  directFill: string;
  directBorder: string;
  extras: string;
  prerelease: string;
  yankedFill: string;
  yankedBorder: string;
  yankedText: string;
  unknownFill: string;
  unknownBorder: string;
  edge: string;
  edgeLabel: string;
  highlight: string;
  selected: string;
  conflict: string;
  conflictFill: string;
  /** Packages with a known vulnerability (the audit). */
  vulnerableFill: string;
  vulnerableBorder: string;
  /** A comparison of two locks (or a lock and an upgrade): how each package moved. */
  diffAdded: string;
  diffRemoved: string;
  diffUpgraded: string;
  diffDowngraded: string;
  diffChanged: string;
}

export const LIGHT: GraphPalette = {
  background: "#ffffff",
  nodeFill: "#ffffff",
  nodeBorder: "#94a3b8",
  nodeText: "#0f172a",
  rootFill: "#0f172a",
  rootText: "#ffffff",
  directFill: "#f0fdfa",
  directBorder: "#0f766e",
  extras: "#7c3aed",
  prerelease: "#d97706",
  yankedFill: "#fef2f2",
  yankedBorder: "#dc2626",
  yankedText: "#991b1b",
  unknownFill: "#f1f5f9",
  unknownBorder: "#64748b",
  edge: "#cbd5e1",
  edgeLabel: "#475569",
  highlight: "#0d9488",
  selected: "#ea580c",
  conflict: "#dc2626",
  conflictFill: "#fef2f2",
  vulnerableFill: "#fff1f2",
  vulnerableBorder: "#be123c",
  diffAdded: "#0284c7",
  diffRemoved: "#dc2626",
  diffUpgraded: "#16a34a",
  diffDowngraded: "#d97706",
  diffChanged: "#7c3aed",
};

export const DARK: GraphPalette = {
  background: "#0f172a",
  nodeFill: "#1e293b",
  nodeBorder: "#64748b",
  nodeText: "#e2e8f0",
  rootFill: "#e2e8f0",
  rootText: "#0f172a",
  directFill: "#042f2e",
  directBorder: "#2dd4bf",
  extras: "#a78bfa",
  prerelease: "#fbbf24",
  yankedFill: "#450a0a",
  yankedBorder: "#f87171",
  yankedText: "#fecaca",
  unknownFill: "#334155",
  unknownBorder: "#94a3b8",
  edge: "#475569",
  edgeLabel: "#94a3b8",
  highlight: "#2dd4bf",
  selected: "#fb923c",
  conflict: "#f87171",
  conflictFill: "#450a0a",
  vulnerableFill: "#4c0519",
  vulnerableBorder: "#fb7185",
  diffAdded: "#38bdf8",
  diffRemoved: "#f87171",
  diffUpgraded: "#4ade80",
  diffDowngraded: "#fbbf24",
  diffChanged: "#a78bfa",
};

export function paletteFor(theme: "light" | "dark"): GraphPalette {
  return theme === "dark" ? DARK : LIGHT;
}

/** The Cytoscape style every drawn graph gives its nodes: rounded boxes sized by `data(w)`/`data(h)`, labelled `data(display)`. */
export function nodeBoxStyle(p: GraphPalette, fontSize: number): Record<string, string | number> {
  return {
    shape: "round-rectangle",
    width: "data(w)",
    height: "data(h)",
    "background-color": p.nodeFill,
    "border-width": 1.5,
    "border-color": p.nodeBorder,
    label: "data(display)",
    color: p.nodeText,
    "font-size": fontSize,
    "font-family": "ui-sans-serif, system-ui, sans-serif",
    "text-valign": "center",
    "text-halign": "center",
    "text-wrap": "wrap",
  };
}
