// Marks the selection, its edges (so their specifiers show) and the highlighted paths in the picture: classes only, positions stay.
import { useEffect } from "react";
import type { Core } from "cytoscape";
import { useView } from "../../../stores/view";
import { applyHighlight, RESTYLE_SLICE } from "../utils/highlight-classes";
import { nextFrame } from "../utils/draw-elements";

/** `drawn` changes with each new picture, whose elements need the classes again. */
export function useGraphHighlight(cy: Core | null, drawn: number): void {
  const selected = useView((s) => s.selected);
  const highlight = useView((s) => s.highlight);
  useEffect(() => {
    if (!cy) return;
    let alive = true;
    // A small picture changes in this task; a large one a slice per frame, what is highlighted first.
    void applyHighlight(cy, highlight, selected, { slice: RESTYLE_SLICE, alive: () => alive, nextFrame });
    return () => {
      alive = false;
    };
  }, [cy, highlight, selected, drawn]);
}
