// Creates the dependency graph's Cytoscape instance (core only: positions come from the layout worker) once the library has loaded.
import type { RefObject } from "react";
import type { Core } from "cytoscape";
import { loadCytoscapeCore } from "../../../lib/load-cytoscape";
import { useCytoscape, type CytoscapeHandle, type CytoscapeOptions } from "../../../hooks/use-cytoscape";
import { MAX_ZOOM, MIN_ZOOM } from "../utils/draw-elements";

export type GraphCytoscape = CytoscapeHandle;

/** The parts of Cytoscape's canvas renderer (not in its public types) that `skipLayerTextures` touches. */
interface CanvasRendererInternals {
  data?: { lyrTxrCache?: { getLayers?: (...args: unknown[]) => unknown } };
}

/**
 * Cytoscape's canvas renderer caches the whole picture in "layer" canvases as large as the graph (up to 4000×4000 px),
 * made in one go whenever the elements change; without a GPU that allocation and redraw is a main-thread task of
 * hundreds of milliseconds for a few hundred packages. With no layers it draws each element from its own cached
 * texture, culled to the viewport, which is what the renderer already falls back on when layers do not fit.
 */
export function skipLayerTextures(cy: Core): void {
  const renderer = (cy as unknown as { renderer?: () => CanvasRendererInternals }).renderer?.();
  const layers = renderer?.data?.lyrTxrCache;
  if (layers && typeof layers.getLayers === "function") layers.getLayers = () => null;
}

/** The graph's instance: the core build (positions come from the layout worker) without layer textures, zooming out far enough to show a big graph whole. */
export function useGraphCytoscape(container: RefObject<HTMLDivElement | null>): GraphCytoscape {
  return useCytoscape(container, GRAPH_OPTIONS);
}

function setUpGraph(cy: Core): void {
  skipLayerTextures(cy);
  cy.minZoom(MIN_ZOOM);
  cy.maxZoom(MAX_ZOOM);
}

/**
 * While the user pans or zooms, Cytoscape moves a snapshot of the picture instead of redrawing every element per
 * frame (a thousand packages take far longer than a frame to draw on a machine without a GPU); the picture is
 * redrawn once the motion stops.
 */
const GRAPH_OPTIONS: CytoscapeOptions = { load: loadCytoscapeCore, setup: setUpGraph, renderer: { textureOnViewport: true } };
