// Loads Cytoscape.js and its dagre layout on first use (a separate chunk), so the first page load stays small.
import type cytoscapeType from "cytoscape";

export type CytoscapeFactory = typeof cytoscapeType;

let loading: Promise<CytoscapeFactory> | null = null;

export function loadCytoscape(): Promise<CytoscapeFactory> {
  loading ??= Promise.all([import("cytoscape"), import("cytoscape-dagre")]).then(([core, dagre]) => {
    core.default.use(dagre.default);
    return core.default;
  });
  return loading;
}
