// The canvas follows its box (the details panel opening, the window resizing): what was in the middle stays there, and the selected package is never left outside.
import { useEffect, type RefObject } from "react";
import type { Core } from "cytoscape";
import { useView } from "../../../stores/view";

/** Space kept between the selected package and the canvas edge when it has to be brought back into view: a sixth of the canvas, at least 24 px. */
const MARGIN_SHARE = 1 / 6;
const MIN_MARGIN = 24;

/** The pan that brings the box [x1, x2] × [y1, y2] (rendered pixels) inside a width × height canvas, with a margin. */
export function panIntoView(box: { x1: number; x2: number; y1: number; y2: number }, width: number, height: number): { x: number; y: number } {
  const shift = (low: number, high: number, size: number) => {
    const margin = Math.max(MIN_MARGIN, size * MARGIN_SHARE);
    if (high - low > size - 2 * margin) return size / 2 - (low + high) / 2;
    if (low < margin) return margin - low;
    if (high > size - margin) return size - margin - high;
    return 0;
  };
  return { x: shift(box.x1, box.x2, width), y: shift(box.y1, box.y2, height) };
}

export function useKeepInView(cy: Core | null, container: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const box = container.current;
    if (!cy || !box) return;
    const observer = new ResizeObserver(() => {
      // A new picture is being laid out: the one on show goes soon, and the new one is drawn at the canvas's size
      // then (replaceElements). Redrawing the old one here cost a 1,000-package graph a 200 ms task.
      if (box.dataset.state === "laying-out") return;
      const before = { w: cy.width(), h: cy.height() };
      cy.resize();
      const dx = (cy.width() - before.w) / 2;
      const dy = (cy.height() - before.h) / 2;
      if (dx === 0 && dy === 0) return;
      const target = cy.scratch("tangleCentre") as string | undefined;
      const centring = target ? cy.$id(target) : null;
      if (centring && centring.nonempty() && cy.animated()) {
        // A search is centring on a package as the details panel opens: finish at the new centre.
        cy.stop();
        cy.zoom(Math.max(cy.zoom(), 1));
        cy.center(centring);
        return;
      }
      cy.panBy({ x: dx, y: dy });
      const selected = useView.getState().selected;
      const node = selected ? cy.$id(selected) : null;
      if (node && node.nonempty()) {
        const pan = panIntoView(node.renderedBoundingBox(), cy.width(), cy.height());
        if (pan.x !== 0 || pan.y !== 0) cy.panBy(pan);
      }
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [cy, container]);
}
