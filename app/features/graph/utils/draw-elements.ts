// Puts laid-out elements into Cytoscape in one batch, sets the first viewport from the positions alone, and reports when the picture is painted.
import type { Core, ElementDefinition } from "cytoscape";
import { STATE_CLASSES } from "./graph-style";

const PADDING = 30;
/** The graph's zoom limits: far enough out to fit a few thousand packages whole (use-graph-cytoscape.ts sets them). */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 3;

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The whole picture, fitted to the canvas with padding and centred (computed from node boxes: no Cytoscape bounding
 * boxes needed). A big graph opens small but whole, never cropped; labels appear as the user zooms in.
 */
export function initialViewport(boxes: readonly Box[], width: number, height: number): Viewport {
  if (boxes.length === 0 || width <= 0 || height <= 0) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x - b.w / 2);
    x2 = Math.max(x2, b.x + b.w / 2);
    y1 = Math.min(y1, b.y - b.h / 2);
    y2 = Math.max(y2, b.y + b.h / 2);
  }
  const fit = Math.min((width - 2 * PADDING) / Math.max(x2 - x1, 1), (height - 2 * PADDING) / Math.max(y2 - y1, 1));
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, fit));
  return { zoom, pan: { x: width / 2 - ((x1 + x2) / 2) * zoom, y: height / 2 - ((y1 + y2) / 2) * zoom } };
}

/**
 * Elements added per slice at first (small: on a fresh page Cytoscape's code is not compiled yet). Slices then grow,
 * doubling while a slice's own task stays within `SLICE_TASK_MS`; they never shrink.
 */
const FIRST_SLICE = 60;
const SLICE_TASK_MS = 40;

/**
 * The order elements go in: nodes inside the first viewport first, then the others; each edge right after the later of
 * its two ends. So the visible part is drawn first, and once every node is in, every edge is too.
 */
export function drawingOrder(positioned: readonly ElementDefinition[], viewport: Viewport, width: number, height: number): ElementDefinition[] {
  const left = -viewport.pan.x / viewport.zoom;
  const top = -viewport.pan.y / viewport.zoom;
  const right = left + width / viewport.zoom;
  const bottom = top + height / viewport.zoom;
  const inside: ElementDefinition[] = [];
  const outside: ElementDefinition[] = [];
  const edgesByNode = new Map<string, ElementDefinition[]>();
  for (const element of positioned) {
    if (element.group === "edges") {
      for (const end of [String(element.data.source), String(element.data.target)]) {
        const list = edgesByNode.get(end);
        if (list) list.push(element);
        else edgesByNode.set(end, [element]);
      }
      continue;
    }
    const p = element.position;
    const w = Number(element.data.w) || 0;
    const h = Number(element.data.h) || 0;
    const visible = p !== undefined && p.x + w / 2 >= left && p.x - w / 2 <= right && p.y + h / 2 >= top && p.y - h / 2 <= bottom;
    (visible ? inside : outside).push(element);
  }
  const placed = new Set<string>();
  const order: ElementDefinition[] = [];
  for (const node of [...inside, ...outside]) {
    const id = String(node.data.id);
    placed.add(id);
    order.push(node);
    for (const edge of edgesByNode.get(id) ?? []) {
      const other = String(edge.data.source) === id ? String(edge.data.target) : String(edge.data.source);
      // Added with its second end (a self-loop with its only end).
      if (other === id || placed.has(other)) order.push(edge);
    }
  }
  return order;
}

/** Resolves after the next frame has been drawn (or soon, where no frames are drawn: a hidden page, no DOM). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== "function" || (typeof document !== "undefined" && document.hidden)) setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Swaps the picture for new positioned elements: the old ones go and the viewport is set at once; the new ones go in
 * slices, visible part first, one slice per frame, so no single task has to style and draw the whole graph.
 * Resolves true when every element is in, false if `alive()` turned false on the way (a newer picture took over).
 */
export async function replaceElements(cy: Core, positioned: readonly ElementDefinition[], alive: () => boolean): Promise<boolean> {
  const boxes: Box[] = [];
  for (const element of positioned) {
    if (element.group === "edges" || !element.position) continue;
    boxes.push({ x: element.position.x, y: element.position.y, w: Number(element.data.w) || 0, h: Number(element.data.h) || 0 });
  }
  cy.batch(() => cy.elements().remove());
  // The canvas may have changed size while the layout was computed (resizes are not followed then: use-keep-in-view.ts).
  cy.resize();
  const viewport = initialViewport(boxes, cy.width(), cy.height());
  const order = drawingOrder(positioned, viewport, cy.width(), cy.height());
  cy.viewport(viewport);
  let size = FIRST_SLICE;
  for (let at = 0; at < order.length; ) {
    if (!alive()) return false;
    const slice = order.slice(at, at + size);
    const started = performance.now();
    let added = cy.collection();
    cy.batch(() => {
      added = cy.add(slice);
    });
    // Styled and measured here, in this task: the frame that follows then only draws. Left to the frame, a slice's
    // styling and the redraw of everything already in made one task (150–190 ms on a 1,000-package graph).
    added.boundingBox();
    const took = performance.now() - started;
    at += slice.length;
    if (at >= order.length) break;
    await nextFrame();
    // A frame redraws what is already in as well, so slices never shrink: shrinking them when frames get slow would
    // multiply the frames that redraw everything (quadratic in the graph's size when the whole graph is in view).
    const perElement = took / Math.max(1, slice.length);
    size = Math.max(size, Math.min(size * 2, Math.floor(SLICE_TASK_MS / Math.max(perElement, 1e-3))));
  }
  return alive();
}

/** Same nodes and edges as drawn, new labels or classes (the root's specifiers arriving, say): updates in place, positions stay. */
export function updateElements(cy: Core, elements: readonly ElementDefinition[]): void {
  cy.batch(() => {
    for (const element of elements) {
      const current = cy.$id(String(element.data.id));
      if (current.empty()) continue;
      const data = current.data() as Record<string, unknown>;
      const changed = Object.entries(element.data).some(([key, value]) => data[key] !== value);
      if (changed) current.data(element.data);
      const classes = Array.isArray(element.classes) ? element.classes : typeof element.classes === "string" ? element.classes.split(/\s+/).filter(Boolean) : [];
      const kept = current.classes().filter((c) => STATE_CLASSES.has(c));
      const next = [...classes, ...kept];
      if (next.join(" ") !== current.classes().join(" ")) current.classes(next);
    }
  });
}

/**
 * Calls `done` once Cytoscape has painted a frame after now (its "render" event follows each drawn frame), or after
 * two seconds if no frame comes (a hidden tab draws nothing). Returns a function that cancels the wait.
 */
export function afterNextPaint(cy: Core, done: () => void): () => void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    cy.off("render", finish);
    done();
  };
  cy.on("render", finish);
  const timer = setTimeout(finish, 2_000);
  return () => {
    finished = true;
    clearTimeout(timer);
    cy.off("render", finish);
  };
}
