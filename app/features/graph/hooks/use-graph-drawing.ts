// Draws the graph's elements: asks the layout worker for positions as soon as the elements are known, puts them into Cytoscape in slices, and updates labels in place when only they change.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { Core, ElementDefinition } from "cytoscape";
import type { GraphLayout } from "../../../stores/view";
import { layoutKey, type LayoutRequest } from "../layout/layout-input";
import { layoutInputOf, withPositions } from "../../../lib/layout/cytoscape-layout";
import { cachedLayout, markDrawn, wasDrawnBefore } from "../layout/layout-cache";
import { afterNextPaint, replaceElements, updateElements } from "../utils/draw-elements";

/** Performance marks of each new picture: layout asked for, positions in hand, picture painted (benchmarks wait for these). */
export const GRAPH_MARKS = { layoutStart: "tangle:graph-layout-start", layoutDone: "tangle:graph-layout-done", drawn: "tangle:graph-drawn" } as const;

export interface GraphDrawing {
  /** How many pictures have been drawn (0 until the first is in). */
  drawn: number;
  layoutFailure: string | null;
}

/**
 * The container's `data-state` says where the newest picture is ("laying-out", "drawing", "drawn") and `data-drawn`
 * counts pictures painted: the e2e tests wait on these.
 */
export function useGraphDrawing(cy: Core | null, container: RefObject<HTMLDivElement | null>, elements: ElementDefinition[], layout: GraphLayout): GraphDrawing {
  const [drawn, setDrawn] = useState(0);
  const [layoutFailure, setLayoutFailure] = useState<string | null>(null);
  /** The layout key of what Cytoscape holds now. */
  const drawnKey = useRef<string | null>(null);
  /** Whether the layout being drawn is one remembered from an earlier picture (reported with the drawn mark). */
  const reused = useRef<{ key: string; reused: boolean }>({ key: "", reused: false });

  const layoutRequest = useMemo<LayoutRequest>(() => ({ kind: layout, input: layoutInputOf(elements) }), [elements, layout]);
  const key = useMemo(() => layoutKey(layoutRequest), [layoutRequest]);
  /** The newest elements and layout request; labels can change while a picture with the same key is being drawn. */
  const latest = useRef({ elements, layoutRequest });
  // A layout effect, declared before the structure's: that one reads it in the same commit.
  useLayoutEffect(() => {
    latest.current = { elements, layoutRequest };
  }, [elements, layoutRequest]);

  // Ask for the layout as soon as the elements are known, even before Cytoscape has loaded.
  useEffect(() => {
    if (drawnKey.current === key) return;
    if (reused.current.key !== key) reused.current = { key, reused: wasDrawnBefore(key) };
    performance.mark(GRAPH_MARKS.layoutStart);
    cachedLayout(key, layoutRequest).catch(() => undefined);
  }, [key, layoutRequest]);

  // Same boxes and edges as drawn, new labels or classes (the root's specifiers arriving): update in place.
  useEffect(() => {
    if (cy && drawnKey.current === key) updateElements(cy, elements);
  }, [cy, key, elements]);

  // Structure: positions come from the layout worker; the elements then go in, visible part first. A layout effect,
  // so the state says "laying-out" before the browser reports the resizes of the same commit (a new result's notices
  // push the canvas down): the picture about to go is then not redrawn at its new size (use-keep-in-view.ts).
  useLayoutEffect(() => {
    const box = container.current;
    if (!cy || !box) return;
    if (drawnKey.current === key) {
      // Back to what is drawn before a newer layout arrived (a fold undone at once, say): at the canvas's size now.
      box.dataset.state = "drawn";
      cy.resize();
      return;
    }
    let alive = true;
    let stopWaiting: (() => void) | null = null;
    box.dataset.state = "laying-out";
    cachedLayout(key, latest.current.layoutRequest)
      .then(async (positions) => {
        if (!alive) return;
        performance.mark(GRAPH_MARKS.layoutDone);
        drawnKey.current = null;
        box.dataset.state = "drawing";
        const drawing = latest.current.elements;
        const complete = await replaceElements(cy, withPositions(drawing, positions), () => alive);
        if (!complete) return;
        drawnKey.current = key;
        if (latest.current.elements !== drawing) updateElements(cy, latest.current.elements);
        markDrawn(key);
        setLayoutFailure(null);
        setDrawn((n) => n + 1);
        const nodes = positions.length / 2;
        stopWaiting = afterNextPaint(cy, () => {
          box.dataset.drawn = String(Number(box.dataset.drawn ?? 0) + 1);
          box.dataset.state = "drawn";
          performance.mark(GRAPH_MARKS.drawn, { detail: { nodes, layout: latest.current.layoutRequest.kind, cached: reused.current.key === key && reused.current.reused } });
        });
      })
      .catch((error: unknown) => {
        if (!alive || (error instanceof Error && error.name === "AbortError")) return;
        // The old picture stays, at the canvas's size now.
        cy.resize();
        setLayoutFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      alive = false;
      stopWaiting?.();
    };
  }, [cy, key, container]);

  return { drawn, layoutFailure };
}
