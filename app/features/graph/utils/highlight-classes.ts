// The classes that show the selection and the highlighted paths (hl, selected, near-selected), put on the drawn elements a slice per frame, and the dimming of everything else.
import type { Core, SingularElementReturnValue } from "cytoscape";
import { showDimmed } from "./canvas-dim";

export interface Highlight {
  nodes: readonly string[];
  edges: readonly string[];
}

const HIGHLIGHT_CLASSES = ["hl", "selected", "near-selected"] as const;

/**
 * Elements whose classes change in one frame. Cytoscape restyles an element whose classes change (20–40 µs each
 * without a GPU) and then redraws the whole picture (45–70 ms at 1,000 packages). The dimming takes no class
 * (canvas-dim.ts), so a selection changes tens of elements; the many paths to a package deep in a big graph can
 * light up a few hundred, and those go a slice per frame.
 */
export const RESTYLE_SLICE = 400;

interface Change {
  element: SingularElementReturnValue;
  add: string[];
  remove: string[];
}

/** What stays undimmed while paths are highlighted: the paths and the selected package; null when nothing is highlighted. */
export function litElements(highlight: Highlight | null, selected: string | null): Set<string> | null {
  if (!highlight) return null;
  return new Set([...highlight.nodes, ...highlight.edges, ...(selected ? [selected] : [])]);
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
    if (highlight && inPath) wanted.add("hl");
    if (isSelected) wanted.add("selected");
    if (nearSelected.has(id)) wanted.add("near-selected");
    const add = HIGHLIGHT_CLASSES.filter((c) => wanted.has(c) && !element.hasClass(c));
    const remove = HIGHLIGHT_CLASSES.filter((c) => !wanted.has(c) && element.hasClass(c));
    if (add.length === 0 && remove.length === 0) return;
    changes.push({ element, add, remove });
  });
  return changes;
}

/**
 * Puts the classes on, at most `slice` elements per frame (`nextFrame` waits for one), and dims everything else with
 * the first of them (fading over `fadeMs`); stops when `alive()` turns false. Each slice is computed against what the
 * elements carry, so a later call started on a half-done picture finishes it correctly.
 */
export async function applyHighlight(
  cy: Core,
  highlight: Highlight | null,
  selected: string | null,
  options: { slice: number; alive: () => boolean; nextFrame: () => Promise<void>; fadeMs: number },
): Promise<void> {
  const changes = highlightChanges(cy, highlight, selected);
  for (let at = 0; at === 0 || at < changes.length; at += options.slice) {
    if (at > 0) await options.nextFrame();
    if (!options.alive()) return;
    cy.batch(() => {
      for (const { element, add, remove } of changes.slice(at, at + options.slice)) {
        if (element.removed()) continue;
        if (remove.length) element.removeClass(remove.join(" "));
        if (add.length) element.addClass(add.join(" "));
      }
    });
    if (at === 0) showDimmed(cy, litElements(highlight, selected), options.fadeMs);
  }
}
