// Creates the dependency graph's Cytoscape instance (core only: positions come from the layout worker) once the library has loaded.
import { useEffect, useState, type RefObject } from "react";
import type { Core } from "cytoscape";
import { loadCytoscapeCore } from "../../components/load-cytoscape";

export interface GraphCytoscape {
  cy: Core | null;
  failure: string | null;
}

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

export function useGraphCytoscape(container: RefObject<HTMLDivElement | null>): GraphCytoscape {
  const [handle, setHandle] = useState<GraphCytoscape>({ cy: null, failure: null });
  useEffect(() => {
    let alive = true;
    let instance: Core | null = null;
    loadCytoscapeCore().then(
      (cytoscape) => {
        if (!alive || !container.current) return;
        instance = cytoscape({
          container: container.current,
          elements: [],
          minZoom: 0.1,
          maxZoom: 3,
          boxSelectionEnabled: false,
          autoungrabify: false,
        });
        skipLayerTextures(instance);
        setHandle({ cy: instance, failure: null });
      },
      (error: unknown) => alive && setHandle({ cy: null, failure: `The graph library could not be loaded: ${String(error)}` }),
    );
    return () => {
      alive = false;
      instance?.destroy();
    };
  }, [container]);
  return handle;
}
