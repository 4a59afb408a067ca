// Creates the dependency graph's Cytoscape instance (core only: positions come from the layout worker) once the library has loaded.
import type { RefObject } from "react";
import type { Core } from "cytoscape";
import { loadCytoscapeCore } from "../../../lib/load-cytoscape";
import { useCytoscape, type CytoscapeHandle, type CytoscapeOptions } from "../../../hooks/use-cytoscape";
import { MAX_ZOOM, MIN_ZOOM } from "../utils/draw-elements";
import { HitBoxes, mayBeHit, type HitTestable } from "../utils/hit-boxes";
import { dimOnCanvas } from "../utils/canvas-dim";
import { sortInZOrder, type ZOrderable } from "../utils/z-order";

export type GraphCytoscape = CytoscapeHandle;

/** The parts of Cytoscape's canvas renderer (not in its public types) that `skipLayerTextures` and `snapshotAtScreenResolution` touch. */
interface CanvasRendererInternals {
  data?: {
    lyrTxrCache?: { getLayers?: (...args: unknown[]) => unknown };
    bufferCanvases?: HTMLCanvasElement[];
    lblTxrCache?: unknown;
    slbTxrCache?: unknown;
    tlbTxrCache?: unknown;
  };
  matchCanvasSize?: (container: HTMLElement) => void;
  textureMult?: number;
  canvasWidth?: number;
  canvasHeight?: number;
  TEXTURE_BUFFER?: number;
  styleObserver?: { disconnect(): void };
  resizeObserver?: { disconnect(): void };
  container?: HTMLElement;
  invalidateContainerClientCoordsCache?: () => void;
  findNearestElements?: (x: number, y: number, interactiveOnly: boolean, isTouch: boolean) => unknown;
  getCachedZSortedEles?: (forceRecalc?: boolean) => ZSortedElements;
  cachedZSortedEles?: ZSortedElements | null;
  updateCachedGrabbedEles?: () => void;
  getArrowWidth?: (edgeWidth: number, scale: number) => number;
  drawArrowheads?: (context: CanvasRenderingContext2D, edge: Element, opacity?: number) => void;
  drawCachedElementPortion?: (context: CanvasRenderingContext2D, ele: Element, cache: unknown, ...rest: unknown[]) => void;
  eleTextBiggerThanMin?: (ele: Element) => boolean;
}

/** Cytoscape's elements in drawing order, with the interactive ones beside them (what its hit test walks). */
type ZSortedElements = Element[] & { interactive?: Element[] };

/** A drawn element as the renderer tweaks below read it. */
type Element = HitTestable & ZOrderable & { interactive(): boolean };

function rendererOf(cy: Core): CanvasRendererInternals | undefined {
  return (cy as unknown as { renderer?: () => CanvasRendererInternals }).renderer?.();
}

/**
 * Cytoscape's canvas renderer caches the whole picture in "layer" canvases as large as the graph (up to 4000×4000 px),
 * made in one go whenever the elements change; without a GPU that allocation and redraw is a main-thread task of
 * hundreds of milliseconds for a few hundred packages. With no layers it draws each element from its own cached
 * texture, culled to the viewport, which is what the renderer already falls back on when layers do not fit.
 */
export function skipLayerTextures(cy: Core): void {
  const renderer = rendererOf(cy);
  const layers = renderer?.data?.lyrTxrCache;
  if (layers && typeof layers.getLayers === "function") layers.getLayers = () => null;
}

/**
 * With `textureOnViewport`, a pan or zoom starts by drawing the whole picture once into a snapshot that then moves with
 * the pointer. On a screen of pixel ratio 1 Cytoscape draws that snapshot at twice the screen's resolution: every
 * package is then drawn from a texture at a scale the picture has not used yet, so a drag on a 1,000-package graph
 * began with a 170–240 ms task making a thousand textures. At the screen's own resolution the snapshot reuses the
 * textures of the picture on show; it is only softer while a zoom is in motion, and sharp again when the motion stops.
 */
export function snapshotAtScreenResolution(cy: Core): void {
  const renderer = rendererOf(cy);
  const match = renderer?.matchCanvasSize;
  if (!renderer || typeof match !== "function") return;
  const screenResolution = () => {
    const snapshot = renderer.data?.bufferCanvases?.[renderer.TEXTURE_BUFFER ?? 0];
    if (renderer.textureMult === 1 || !snapshot || !renderer.canvasWidth || !renderer.canvasHeight) return;
    renderer.textureMult = 1;
    snapshot.width = renderer.canvasWidth;
    snapshot.height = renderer.canvasHeight;
  };
  renderer.matchCanvasSize = function (this: CanvasRendererInternals, container: HTMLElement) {
    match.call(this, container);
    screenResolution();
  };
  screenResolution();
}

/**
 * Cytoscape watches its container itself: any attribute change (the `data-state` and `data-drawn` the drawing hook
 * sets there) and any size change call `cy.resize()` 100 ms later, and every resize redraws the whole picture. On a
 * 1,000-package graph that was two or three needless full redraws (50–220 ms each) per new result, one of them of
 * the picture about to be replaced. The canvas follows its box through use-keep-in-view.ts alone.
 */
export function resizeOnlyWhenTold(cy: Core): void {
  const renderer = rendererOf(cy);
  renderer?.styleObserver?.disconnect();
  renderer?.resizeObserver?.disconnect();
  // Those resizes also refreshed where the canvas is on the page, which Cytoscape keeps to place the pointer. The
  // canvas moves without changing size (a notice appearing above it): read its place afresh whenever a pointer comes.
  const forget = () => renderer?.invalidateContainerClientCoordsCache?.();
  for (const type of ["mouseenter", "mousedown", "touchstart", "wheel"]) renderer?.container?.addEventListener(type, forget, { capture: true, passive: true });
}

/** Below this many elements Cytoscape's own hit test is quick enough; above it, `hitTestNearbyOnly` narrows it. */
const NARROW_HIT_TEST_FROM = 500;

/** A number that changes when any package moves: the positions summed with weights by place in the list. */
function positionsDigest(elements: readonly Element[]): number {
  let digest = 0;
  for (let i = 0; i < elements.length; i++) {
    const ele = elements[i];
    if (!ele.isNode()) continue;
    const { x, y } = ele._private.position;
    digest += (i + 1) * x + (i + 1.5) * y;
  }
  return digest;
}

/**
 * Cytoscape finds what is under the pointer (every hover move, press and release) by testing every element, and for
 * each edge it first works out three label boxes, used or not: 12–20 ms per pointer event on a 1,000-package graph,
 * part of every pan's first task. It now tests only the elements whose box the pointer is near, in the same drawing
 * order, so it answers the same. The boxes are kept (`HitBoxes`) until an element is added, removed or moved, so a
 * pointer event reads no style but that of the few elements near it (`mayBeHit`).
 */
export function hitTestNearbyOnly(cy: Core): void {
  const renderer = rendererOf(cy);
  const find = renderer?.findNearestElements;
  const zSorted = renderer?.getCachedZSortedEles;
  const arrowWidth = renderer?.getArrowWidth;
  if (!renderer || typeof find !== "function" || typeof zSorted !== "function" || typeof arrowWidth !== "function") return;
  const widthOfArrow = (width: number, scale: number) => arrowWidth.call(renderer, width, scale);
  // The boxes, for which elements (Cytoscape sorts a new array when one is added or removed) at which positions.
  let kept: { boxes: HitBoxes<Element>; elements: ZSortedElements; positions: number } | null = null;
  renderer.findNearestElements = function (this: CanvasRendererInternals, x, y, interactiveOnly, isTouch) {
    const all = zSorted.call(this);
    if (all.length < NARROW_HIT_TEST_FROM) return find.call(this, x, y, interactiveOnly, isTouch);
    // Listening to Cytoscape's "position" and "add" events instead would make it emit one per element of every new
    // picture; summing the positions is ~0.1 ms.
    const positions = positionsDigest(all);
    if (!kept || kept.elements !== all || kept.positions !== positions || kept.boxes.stale(widthOfArrow)) {
      kept = { boxes: new HitBoxes(all, widthOfArrow), elements: all, positions };
    }
    // Cytoscape's own reach for edges, the widest of its thresholds.
    const reach = (isTouch ? 24 : 8) / cy.zoom();
    const candidates = new Set(kept.boxes.near(x, y, reach).filter((ele) => mayBeHit(ele, x, y, reach, widthOfArrow)));
    const nearby: ZSortedElements = all.filter((ele) => candidates.has(ele));
    // Cytoscape's list of the elements taking pointer events, narrowed the same way, without making the whole list.
    nearby.interactive = nearby.filter((ele) => ele.interactive());
    this.getCachedZSortedEles = () => nearby;
    try {
      return find.call(this, x, y, interactiveOnly, isTouch);
    } finally {
      this.getCachedZSortedEles = zSorted;
    }
  };
}

/**
 * Cytoscape keeps its elements in drawing order, for drawing and for the hit test, and sorts them again whenever a
 * `z-index` changes: here, at every hover and selection (the edges of the hovered or selected package come on top).
 * Each time it also works out which elements take pointer events, which only its hit test and box selection read:
 * 11–12 ms per sort on a 1,000-package graph, paid by the next pointer event or frame, two to four times per click.
 * The same order is now sorted with each element's keys read once (`sortInZOrder`, as fast as Cytoscape's own sort)
 * and the pointer-event list is worked out when first read: 4–5 ms. A graph with compound nodes (which Tangle does
 * not draw) keeps Cytoscape's own sort.
 */
export function sortInZOrderOnce(cy: Core): void {
  const renderer = rendererOf(cy);
  const own = renderer?.getCachedZSortedEles;
  if (!renderer || typeof own !== "function" || typeof renderer.updateCachedGrabbedEles !== "function") return;
  renderer.getCachedZSortedEles = function (this: CanvasRendererInternals, forceRecalc?: boolean) {
    if (!forceRecalc && this.cachedZSortedEles) return this.cachedZSortedEles;
    const core = cy as unknown as { hasCompoundNodes(): boolean; mutableElements(): { toArray(): Element[] } };
    if (core.hasCompoundNodes()) return own.call(this, forceRecalc);
    const elements: ZSortedElements = sortInZOrder(core.mutableElements().toArray());
    // Which of them take pointer events: Cytoscape works that out at every sort (6–7 ms of its 11–12 on a
    // 1,000-package graph), though only its hit test and box selection read it. Worked out when first read.
    let interactive: Element[] | undefined;
    Object.defineProperty(elements, "interactive", { get: () => (interactive ??= elements.filter((ele) => ele.interactive())), configurable: true });
    this.cachedZSortedEles = elements;
    this.updateCachedGrabbedEles?.();
    return elements;
  };
}

/** An arrowhead narrower than this many canvas pixels is not drawn: a dot that says nothing about direction. */
export const MIN_ARROWHEAD_PX = 2;

/** Whether an arrowhead `arrowWidth` wide (model units) is too small to draw at the canvas scale `scale`. */
export function arrowheadTooSmall(arrowWidth: number, scale: number): boolean {
  return arrowWidth * scale < MIN_ARROWHEAD_PX;
}

/**
 * A 1,000-package graph fits at a zoom near 0.05, where an arrowhead is a pixel across; Cytoscape still draws each one
 * as its own path (twice for a translucent edge): 13–19 ms of every 60–100 ms redraw without a GPU. Arrowheads too
 * small to show a direction are left out; the lines stay. The scale is the canvas's own (zoom × pixel ratio), so a PNG
 * export at its larger scale keeps them, and they come back as soon as a zoom makes them visible.
 */
export function skipTinyArrowheads(cy: Core): void {
  const renderer = rendererOf(cy);
  const draw = renderer?.drawArrowheads;
  const arrowWidth = renderer?.getArrowWidth;
  if (!renderer || typeof draw !== "function" || typeof arrowWidth !== "function") return;
  renderer.drawArrowheads = function (this: CanvasRendererInternals, context, edge, opacity) {
    const width = arrowWidth.call(this, edge.pstyle("width").pfValue ?? 0, Number(edge.pstyle("arrow-scale").value ?? 1));
    if (arrowheadTooSmall(width, Math.abs(context.getTransform().a))) return;
    draw.call(this, context, edge, opacity);
  };
}

/**
 * For every edge, every redraw, Cytoscape visits three label "portions" (the specifier, a source and a target label)
 * and for each works out the element's bounding box before finding there is nothing to draw: this graph has no
 * source or target labels, and a specifier is too small to read until zoomed in (min-zoomed-font-size). On a
 * 1,000-package graph that was ~8,700 of the ~17,000 bounding-box lookups of a frame. Those portions are skipped by
 * the test Cytoscape's own text drawing applies; a label that would be drawn still is.
 */
export function skipHiddenEdgeLabels(cy: Core): void {
  const renderer = rendererOf(cy);
  const portion = renderer?.drawCachedElementPortion;
  const bigEnough = renderer?.eleTextBiggerThanMin;
  const data = renderer?.data;
  if (!renderer || !data || typeof portion !== "function" || typeof bigEnough !== "function") return;
  const { lblTxrCache: main, slbTxrCache: source, tlbTxrCache: target } = data;
  if (!main || !source || !target) return;
  renderer.drawCachedElementPortion = function (this: CanvasRendererInternals, context, ele, cache, ...rest) {
    if (!ele.isNode()) {
      if ((cache === source || cache === target) && ele.pstyle(cache === source ? "source-label" : "target-label").strValue === "") return;
      if (cache === main && (ele.pstyle("label").strValue === "" || !bigEnough.call(this, ele))) return;
    }
    portion.call(this, context, ele, cache, ...rest);
  };
}

/** The graph's instance: the core build (positions come from the layout worker) without layer textures, its pan snapshot at screen resolution, resized only by keep-in-view, its drawing order sorted with keys read once, a hit test that looks only near the pointer, no arrowheads too small to see nor hidden edge labels visited, dimming drawn on the canvas, zooming out far enough to show a big graph whole. */
export function useGraphCytoscape(container: RefObject<HTMLDivElement | null>): GraphCytoscape {
  return useCytoscape(container, GRAPH_OPTIONS);
}

function setUpGraph(cy: Core): void {
  skipLayerTextures(cy);
  snapshotAtScreenResolution(cy);
  resizeOnlyWhenTold(cy);
  // Before the hit test, which keeps the renderer's sort to call.
  sortInZOrderOnce(cy);
  hitTestNearbyOnly(cy);
  skipTinyArrowheads(cy);
  skipHiddenEdgeLabels(cy);
  dimOnCanvas(cy);
  cy.minZoom(MIN_ZOOM);
  cy.maxZoom(MAX_ZOOM);
}

/**
 * While the user pans or zooms, Cytoscape moves a snapshot of the picture instead of redrawing every element per
 * frame (a thousand packages take far longer than a frame to draw on a machine without a GPU); the picture is
 * redrawn once the motion stops.
 */
const GRAPH_OPTIONS: CytoscapeOptions = { load: loadCytoscapeCore, setup: setUpGraph, renderer: { textureOnViewport: true } };
