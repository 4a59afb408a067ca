// Loads Cytoscape.js on first use (a separate chunk), so the first page load stays small; the dagre layout loads only for who asks for it.
import type cytoscapeType from "cytoscape";

export type CytoscapeFactory = typeof cytoscapeType;

let core: Promise<CytoscapeFactory> | null = null;
let withDagre: Promise<CytoscapeFactory> | null = null;

/** Cytoscape alone: for pictures whose positions are computed elsewhere (the dependency graph's layout worker). */
export function loadCytoscapeCore(): Promise<CytoscapeFactory> {
  core ??= import("cytoscape").then((module) => module.default);
  core.catch(() => (core = null));
  return core;
}

/** Cytoscape with the "dagre" layout registered (the conflict picture lays itself out on the main thread; it is small). */
export function loadCytoscape(): Promise<CytoscapeFactory> {
  withDagre ??= Promise.all([loadCytoscapeCore(), import("cytoscape-dagre")]).then(([cytoscape, dagre]) => {
    cytoscape.use(dagre.default);
    return cytoscape;
  });
  withDagre.catch(() => (withDagre = null));
  return withDagre;
}
