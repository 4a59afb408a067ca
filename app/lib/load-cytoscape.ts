// Loads Cytoscape.js on first use (a separate chunk), so the first page load stays small.
import type cytoscapeType from "cytoscape";

export type CytoscapeFactory = typeof cytoscapeType;

let core: Promise<CytoscapeFactory> | null = null;

/** Cytoscape alone: every picture's positions come from app/lib/layout (in the graph's layout worker, or here for the small conflict picture). */
export function loadCytoscapeCore(): Promise<CytoscapeFactory> {
  core ??= import("cytoscape").then((module) => module.default);
  core.catch(() => (core = null));
  return core;
}
