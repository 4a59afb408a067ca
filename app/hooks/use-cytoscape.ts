// Creates a Cytoscape instance in a container once the library has loaded, and destroys it with the component.
import { useEffect, useState, type RefObject } from "react";
import type { Core, CytoscapeOptions as CytoscapeInit } from "cytoscape";
import { loadCytoscapeCore, type CytoscapeFactory } from "../lib/load-cytoscape";

export interface CytoscapeHandle {
  cy: Core | null;
  failure: string | null;
}

export interface CytoscapeOptions {
  /** How to load the library (default: the core build; positions come from app/lib/layout). */
  load?: () => Promise<CytoscapeFactory>;
  /** Adjusts a new instance before it is handed out. */
  setup?: (cy: Core) => void;
  /** Renderer options only settable at creation (e.g. `textureOnViewport`). */
  renderer?: Pick<CytoscapeInit, "textureOnViewport" | "hideEdgesOnViewport" | "hideLabelsOnViewport" | "pixelRatio">;
}

export function useCytoscape(container: RefObject<HTMLDivElement | null>, options: CytoscapeOptions = {}): CytoscapeHandle {
  const [handle, setHandle] = useState<CytoscapeHandle>({ cy: null, failure: null });
  const { load = loadCytoscapeCore, setup, renderer } = options;
  useEffect(() => {
    let alive = true;
    let instance: Core | null = null;
    load().then(
      (cytoscape) => {
        if (!alive || !container.current) return;
        instance = cytoscape({
          container: container.current,
          elements: [],
          minZoom: 0.1,
          maxZoom: 3,
          boxSelectionEnabled: false,
          autoungrabify: false,
          ...renderer,
        });
        setup?.(instance);
        setHandle({ cy: instance, failure: null });
      },
      (error: unknown) => alive && setHandle({ cy: null, failure: `The graph library could not be loaded: ${String(error)}` }),
    );
    return () => {
      alive = false;
      instance?.destroy();
    };
  }, [container, load, setup, renderer]);
  return handle;
}
