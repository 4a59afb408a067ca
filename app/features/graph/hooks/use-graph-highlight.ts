// Marks the selection, its edges (so their specifiers show) and the highlighted paths in the picture, and dims the rest: classes and drawing only, positions stay.
import { useEffect } from "react";
import type { Core } from "cytoscape";
import { useView } from "../../../stores/view";
import { applyHighlight, RESTYLE_SLICE } from "../utils/highlight-classes";
import { nextFrame } from "../utils/draw-elements";
import { DIM_FADE_MS } from "../utils/canvas-dim";

/** `drawn` changes with each new picture, whose elements need the classes again; a `large` picture dims without a fade. */
export function useGraphHighlight(cy: Core | null, drawn: number, large: boolean): void {
  const selected = useView((s) => s.selected);
  const highlight = useView((s) => s.highlight);
  useEffect(() => {
    if (!cy) return;
    let alive = true;
    // Most changes fit in this task; the many paths of a package deep in a large picture go a slice per frame.
    void applyHighlight(cy, highlight, selected, { slice: RESTYLE_SLICE, alive: () => alive, nextFrame, fadeMs: large ? 0 : DIM_FADE_MS });
    return () => {
      alive = false;
    };
  }, [cy, highlight, selected, drawn, large]);
}
