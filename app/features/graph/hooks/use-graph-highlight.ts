// Marks the selection, its edges (so their specifiers show) and the highlighted paths in the picture: classes only, positions stay.
import { useEffect } from "react";
import type { Core } from "cytoscape";
import { useView } from "../../../stores/view";

/** `drawn` changes with each new picture, whose elements need the classes again. */
export function useGraphHighlight(cy: Core | null, drawn: number): void {
  const selected = useView((s) => s.selected);
  const highlight = useView((s) => s.highlight);
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements(".dim, .hl, .selected, .near-selected").removeClass("dim hl selected near-selected");
      if (highlight) {
        const nodes = new Set(highlight.nodes);
        const edges = new Set(highlight.edges);
        cy.nodes().forEach((n) => {
          n.addClass(nodes.has(n.id()) ? "hl" : "dim");
        });
        cy.edges().forEach((e) => {
          e.addClass(edges.has(e.id()) ? "hl" : "dim");
        });
      }
      if (selected) {
        const node = cy.$id(selected);
        node.addClass("selected").removeClass("dim");
        node.connectedEdges().addClass("near-selected");
      }
    });
  }, [cy, highlight, selected, drawn]);
}
