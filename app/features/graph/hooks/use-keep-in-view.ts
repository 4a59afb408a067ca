// The canvas follows its box (the details panel opening, the window resizing): what was in the middle stays there, and the selected package is never left outside.
import { useEffect, type RefObject } from "react";
import type { Core } from "cytoscape";
import { useResolution } from "../../../stores/resolution";
import { useView } from "../../../stores/view";
import { centringOn } from "./use-centre-on-request";

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
    // A resize redraws the whole picture (45–70 ms for 1,000 packages without a GPU). While a new picture is being
    // laid out, or while a resolution runs and only the height moved (the progress card above came or went), the
    // picture on show is about to go: its canvas keeps its size (the box clips it) and the new picture is drawn at
    // the box's size (replaceElements). Redrawing it when the progress card appeared cost a 1,000-package graph a
    // ~100 ms task at every Resolve. A width change (the details panel, the window) is followed at once.
    const busy = () =>
      box.dataset.state === "laying-out" || (useResolution.getState().running !== null && box.clientWidth === cy.width());
    const follow = () => {
      if (box.clientWidth === cy.width() && box.clientHeight === cy.height()) return;
      const before = { w: cy.width(), h: cy.height() };
      cy.resize();
      const dx = (cy.width() - before.w) / 2;
      const dy = (cy.height() - before.h) / 2;
      if (dx === 0 && dy === 0) return;
      const target = centringOn(cy);
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
    };
    const observer = new ResizeObserver(() => {
      if (!busy()) follow();
    });
    // A run that ends without a new picture (an error, a cancel, the same result) leaves the old one at its size:
    // catch up a frame later, once a new picture would have started laying out (follow does nothing if it fits).
    let frame = 0;
    const unsubscribe = useResolution.subscribe((now, before) => {
      if (now.running !== null || before.running === null) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!busy()) follow();
      });
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [cy, container]);
}
