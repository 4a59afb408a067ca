// The graph under the pointer: a click selects (the background clears), a double click folds, hovering a package or an edge shows the specifiers on its edges.
import { useEffect } from "react";
import type { Core, EventObject } from "cytoscape";
import { useView, ROOT_ID } from "../../../stores/view";

/** Whether a mouse button is down during the event (a pan or a drag in progress). */
function pressed(event: EventObject): boolean {
  const original = event.originalEvent as MouseEvent | undefined;
  return original !== undefined && typeof original.buttons === "number" && original.buttons !== 0;
}

export function useGraphPointer(cy: Core | null): void {
  useEffect(() => {
    if (!cy) return;
    const onTap = (event: EventObject) => {
      const { select } = useView.getState();
      if (event.target === cy) select(null);
      else if (event.target.isNode?.() && event.target.id() !== ROOT_ID) select(event.target.id());
    };
    const onDoubleTap = (event: EventObject) => {
      if (event.target !== cy && event.target.isNode?.()) useView.getState().toggleCollapsed(event.target.id());
    };
    const onOver = (event: EventObject) => {
      // Not while a button is held (the user pans or drags): each restyle would redraw the whole picture every frame
      // instead of moving its snapshot.
      if (pressed(event)) return;
      const target = event.target as import("cytoscape").SingularElementReturnValue;
      (target.isNode() ? target.connectedEdges() : target).addClass("hover");
    };
    const onOut = () => {
      cy.edges(".hover").removeClass("hover");
    };
    cy.on("tap", onTap);
    cy.on("dbltap", "node", onDoubleTap);
    cy.on("mouseover", "node, edge", onOver);
    cy.on("mouseout", "node, edge", onOut);
    return () => {
      cy.off("tap", onTap);
      cy.off("dbltap", "node", onDoubleTap);
      cy.off("mouseover", "node, edge", onOver);
      cy.off("mouseout", "node, edge", onOut);
    };
  }, [cy]);
}
