// The classes that show the selection and the highlighted paths (dim, hl, selected, near-selected), put on the drawn elements a slice per frame.
import type { Core, SingularElementReturnValue } from "cytoscape";

export interface Highlight {
  nodes: readonly string[];
  edges: readonly string[];
}

const HIGHLIGHT_CLASSES = ["dim", "hl", "selected", "near-selected"] as const;

/**
 * Elements whose classes change in one frame. Cytoscape restyles an element whose classes change (20–40 µs each
 * without a GPU) and then redraws the whole picture (45–70 ms at 1,000 packages): a path highlighted on a
 * 1,000-package graph dims all of its ~4,000 elements, one 160 ms task in one go. Slices of 1,200 made frames of
 * 100–115 ms next to the redraw; slices of this size keep them under 90 ms, and the dimming ends within ~0.5 s.
 */
export const RESTYLE_SLICE = 400;

interface Change {
  element: SingularElementReturnValue;
  add: string[];
  remove: string[];
  /** Changes to what is highlighted or selected go first; dimming the rest follows. */
  salient: boolean;
}

/** The classes each element should carry for this highlight and selection, against those it carries: the changes. */
export function highlightChanges(cy: Core, highlight: Highlight | null, selected: string | null): Change[] {
  const hlNodes = new Set(highlight?.nodes ?? []);
  const hlEdges = new Set(highlight?.edges ?? []);
  const chosen = selected ? cy.$id(selected) : cy.collection();
  const nearSelected = new Set(chosen.nonempty() && chosen.isNode() ? chosen.connectedEdges().map((e) => e.id()) : []);
  const changes: Change[] = [];
  cy.elements().forEach((element) => {
    const id = element.id();
    const inPath = element.isNode() ? hlNodes.has(id) : hlEdges.has(id);
    const isSelected = id === selected && element.isNode();
    const wanted = new Set<string>();
    // The selected package is never dimmed, even off the paths.
    if (highlight && inPath) wanted.add("hl");
    else if (highlight && !isSelected) wanted.add("dim");
    if (isSelected) wanted.add("selected");
    if (nearSelected.has(id)) wanted.add("near-selected");
    const add = HIGHLIGHT_CLASSES.filter((c) => wanted.has(c) && !element.hasClass(c));
    const remove = HIGHLIGHT_CLASSES.filter((c) => !wanted.has(c) && element.hasClass(c));
    if (add.length === 0 && remove.length === 0) return;
    changes.push({ element, add, remove, salient: inPath || isSelected || nearSelected.has(id) || remove.some((c) => c !== "dim") });
  });
  return changes;
}

/**
 * Puts the classes on, at most `slice` elements per frame (`nextFrame` waits for one), salient changes first and in a
 * frame of their own unless everything fits in one; stops
 * when `alive()` turns false. Each slice is computed against what the elements carry, so a later call started on a
 * half-done picture finishes it correctly.
 */
export async function applyHighlight(
  cy: Core,
  highlight: Highlight | null,
  selected: string | null,
  options: { slice: number; alive: () => boolean; nextFrame: () => Promise<void> },
): Promise<void> {
  const changes = highlightChanges(cy, highlight, selected);
  // What is highlighted or selected goes in a frame of its own: that frame often also redraws the canvas at a new
  // size (the details panel opening beside it), and the dimming of everything else can follow.
  const salient = changes.filter((c) => c.salient);
  const rest = changes.filter((c) => !c.salient);
  const slices: Change[][] = [];
  for (const group of [salient, rest]) for (let at = 0; at < group.length; at += options.slice) slices.push(group.slice(at, at + options.slice));
  // A small picture changes in one go.
  const batches = changes.length <= options.slice ? [changes] : slices;
  for (const [i, batch] of batches.entries()) {
    if (i > 0) await options.nextFrame();
    if (!options.alive()) return;
    cy.batch(() => {
      for (const { element, add, remove } of batch) {
        if (element.removed()) continue;
        if (remove.length) element.removeClass(remove.join(" "));
        if (add.length) element.addClass(add.join(" "));
      }
    });
  }
}
