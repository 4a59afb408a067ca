// Where a pointer could hit each drawn element: boxes worked out once per layout and kept in flat arrays, so the hit test looks only near the pointer without reading any element's style.

/** What the hit test's pre-filter reads of an element (Cytoscape's element, internals included). */
export interface HitTestable {
  isNode(): boolean;
  outerWidth(): number;
  outerHeight(): number;
  pstyle(name: string): { strValue?: string; pfValue?: number; value?: unknown };
  _private: { position: { x: number; y: number }; rscratch: { allpts?: number[] } };
}

export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Cytoscape's arrowhead width for an edge `width` wide at `scale` (its renderer's own `getArrowWidth`). */
export type ArrowWidth = (width: number, scale: number) => number;

/**
 * The box (model coordinates) a pointer must be in to hit the element with no reach: a package's box, an edge's span
 * with its width and arrowheads around it; `null` when that cannot be told (an edge not measured yet, a label that
 * takes pointer events and so can lie anywhere near its element).
 */
export function hitBox(ele: HitTestable, arrowWidth: ArrowWidth): Box | null {
  if (ele.pstyle("text-events").strValue === "yes") return null;
  if (ele.isNode()) {
    const { x, y } = ele._private.position;
    const w = ele.outerWidth() / 2;
    const h = ele.outerHeight() / 2;
    return { x1: x - w, x2: x + w, y1: y - h, y2: y + h };
  }
  const points = ele._private.rscratch.allpts;
  if (!points || points.length < 4) return null;
  const width = ele.pstyle("width").pfValue ?? 0;
  const scale = Number(ele.pstyle("arrow-scale").value ?? 1);
  const margin = width / 2 + arrowWidth(width, scale);
  const box = { x1: Infinity, x2: -Infinity, y1: Infinity, y2: -Infinity };
  for (let i = 0; i + 1 < points.length; i += 2) {
    box.x1 = Math.min(box.x1, points[i]);
    box.x2 = Math.max(box.x2, points[i]);
    box.y1 = Math.min(box.y1, points[i + 1]);
    box.y2 = Math.max(box.y2, points[i + 1]);
  }
  return { x1: box.x1 - margin, x2: box.x2 + margin, y1: box.y1 - margin, y2: box.y2 + margin };
}

/**
 * Whether a pointer at (x, y) (model coordinates) could hit the element, reaching `reach` beyond it. Errs on the side
 * of yes.
 */
export function mayBeHit(ele: HitTestable, x: number, y: number, reach: number, arrowWidth: ArrowWidth): boolean {
  const box = hitBox(ele, arrowWidth);
  return box === null || (x >= box.x1 - reach && x <= box.x2 + reach && y >= box.y1 - reach && y <= box.y2 + reach);
}

/**
 * How far (model units) an element's hit box may grow after its box was kept, by a change of class alone: a selected
 * package's border is 3.5 px where an ordinary one's is 1.5, a highlighted edge is 3 px wide where others are 1.5.
 * Every candidate is then tested against its box of the moment (`mayBeHit`), so this only has to be generous.
 */
export const RESTYLE_SLACK = 16;

/**
 * The elements' hit boxes, grown by `RESTYLE_SLACK`, in flat arrays: finding those near a point is a scan of numbers
 * (~4,000 elements in well under a millisecond) where reading each element's style took 10–16 ms per pointer event
 * on a 1,000-package graph. Built for one set of elements at one set of positions; the caller builds a new one when
 * either changes. Elements whose box cannot be told are always candidates, and `stale()` says when one of them has
 * since been measured (the first drawing of a new picture measures every edge).
 */
export class HitBoxes<E extends HitTestable> {
  private readonly elements: E[] = [];
  private readonly boxes: Float64Array;
  private readonly unknown: E[] = [];

  constructor(elements: readonly E[], arrowWidth: ArrowWidth) {
    const boxes: number[] = [];
    for (const ele of elements) {
      const box = hitBox(ele, arrowWidth);
      if (box === null) {
        this.unknown.push(ele);
        continue;
      }
      this.elements.push(ele);
      boxes.push(box.x1 - RESTYLE_SLACK, box.x2 + RESTYLE_SLACK, box.y1 - RESTYLE_SLACK, box.y2 + RESTYLE_SLACK);
    }
    this.boxes = Float64Array.from(boxes);
  }

  /** The elements a pointer at (x, y) reaching `reach` could hit: a superset, in no particular order. */
  near(x: number, y: number, reach: number): E[] {
    const found = [...this.unknown];
    const b = this.boxes;
    for (let i = 0, j = 0; i < this.elements.length; i++, j += 4) {
      if (x >= b[j] - reach && x <= b[j + 1] + reach && y >= b[j + 2] - reach && y <= b[j + 3] + reach) found.push(this.elements[i]);
    }
    return found;
  }

  /** Whether an element whose box could not be told when these were kept can be told now. */
  stale(arrowWidth: ArrowWidth): boolean {
    return this.unknown.some((ele) => hitBox(ele, arrowWidth) !== null);
  }
}
