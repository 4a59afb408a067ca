// Centres the picture on the selection when asked (search, the list, links in the details), flashing it.
import { useEffect } from "react";
import type { Core } from "cytoscape";
import { useView } from "../../../stores/view";

export function useCentreOnRequest(cy: Core | null): void {
  const focusRequest = useView((s) => s.focusRequest);
  useEffect(() => {
    if (!cy || focusRequest === 0) return;
    const name = useView.getState().selected;
    if (!name) return;
    const node = cy.$id(name);
    if (node.empty()) return;
    cy.stop();
    cy.scratch("tangleCentre", name);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250, complete: () => cy.removeScratch("tangleCentre") });
    node.flashClass("found", 1200);
  }, [cy, focusRequest]);
}
