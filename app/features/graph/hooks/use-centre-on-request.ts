// Centres the picture on the selection when asked (search, the list, links in the details), flashing it.
import { useEffect } from "react";
import type { Core } from "cytoscape";
import { useView } from "../../../stores/view";

/**
 * The package each picture is being centred on, while the animation runs. Not in Cytoscape's `scratch`: every write
 * there restyles every element of the picture (70–200 ms on a 1,000-package graph).
 */
const centring = new WeakMap<Core, string>();

/** The package the picture is being centred on, if a centring is under way. */
export function centringOn(cy: Core): string | undefined {
  return centring.get(cy);
}

export function useCentreOnRequest(cy: Core | null): void {
  const focusRequest = useView((s) => s.focusRequest);
  useEffect(() => {
    if (!cy || focusRequest === 0) return;
    const name = useView.getState().selected;
    if (!name) return;
    const node = cy.$id(name);
    if (node.empty()) return;
    cy.stop();
    centring.set(cy, name);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250, complete: () => centring.delete(cy) });
    node.flashClass("found", 1200);
  }, [cy, focusRequest]);
}
