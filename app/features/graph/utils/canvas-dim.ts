// The graph's dimming, applied as the canvas draws: everything off the highlighted paths is drawn faint, so a selection restyles only what it lights up, not every element of the picture.
import type { Core } from "cytoscape";

/** How opaque a dimmed element is drawn (times its own opacity). */
export const DIM_OPACITY = 0.18;

/** How long dimming takes to come and go on a small picture; a large one changes at once (each frame redraws it all). */
export const DIM_FADE_MS = 150;

/**
 * Each picture's dimming. Not in Cytoscape's `scratch`: every write there restyles every element of the picture
 * (~8,000 style events on a 1,000-package graph, 70–200 ms). The e2e tests read it as the instance's `tangleDimming`.
 */
const dimmings = new WeakMap<Core, Dimming | null>();

/** The dimming the picture draws now (null: none). */
export function dimmingOf(cy: Core): Dimming | null {
  return dimmings.get(cy) ?? null;
}

/** What is drawn dimmed: every element whose id is not in `lit`, at `alpha` of its opacity; none when `lit` is null. */
export interface Dimming {
  lit: ReadonlySet<string> | null;
  /** The fade: from `from` to `to` between `start` and `start + duration` (ms, on `performance.now()`'s clock). */
  from: number;
  to: number;
  start: number;
  duration: number;
}

/** The opacity factor of a dimmed element at `now`: the fade's straight line, held at its ends. */
export function dimAlpha(d: Dimming, now: number): number {
  if (d.duration <= 0 || now >= d.start + d.duration) return d.to;
  if (now <= d.start) return d.from;
  return d.from + ((d.to - d.from) * (now - d.start)) / d.duration;
}

/**
 * The dimming that shows `lit` (null: nothing dimmed) after `current`, starting at `now`: dimming that comes or goes
 * fades over `fadeMs` from wherever a fade in progress has got to; moving it from one set of lit elements to another
 * is immediate. Going away, the elements lit so far stay lit until the fade ends.
 */
export function nextDimming(current: Dimming | null, lit: ReadonlySet<string> | null, now: number, fadeMs: number): Dimming | null {
  const alpha = current ? dimAlpha(current, now) : 1;
  if (lit === null) {
    const duration = fadeMs * ((1 - alpha) / (1 - DIM_OPACITY));
    if (!current || current.lit === null || duration <= 0) return null;
    return { lit: current.lit, from: alpha, to: 1, start: now, duration };
  }
  if (current && current.lit !== null && current.to === DIM_OPACITY) return { ...current, lit };
  return { lit, from: alpha, to: DIM_OPACITY, start: now, duration: fadeMs * ((alpha - DIM_OPACITY) / (1 - DIM_OPACITY)) };
}

/** The parts of Cytoscape's canvas renderer (not in its public types) the dimming touches. */
interface Renderer {
  drawCachedElement?: (context: CanvasRenderingContext2D, ele: { id(): string }, ...rest: unknown[]) => void;
}

/**
 * Every element Cytoscape draws (on screen, in the pan snapshot, in a PNG export) goes through its renderer's
 * `drawCachedElement`; one not lit is drawn there with the canvas's global alpha lowered, which Cytoscape multiplies
 * into each element's own opacity. Dimming by a class instead restyled every element of the picture: ~4,000 on a
 * 1,000-package graph, ten frames of 60–120 ms after each click.
 */
export function dimOnCanvas(cy: Core): void {
  const renderer = (cy as unknown as { renderer?: () => Renderer }).renderer?.();
  const draw = renderer?.drawCachedElement;
  Object.defineProperty(cy, "tangleDimming", { get: () => dimmingOf(cy), configurable: true });
  if (!renderer || typeof draw !== "function") return;
  renderer.drawCachedElement = function (this: Renderer, context, ele, ...rest) {
    const dimming = dimmings.get(cy);
    if (!dimming || dimming.lit === null || dimming.lit.has(ele.id())) return draw.call(this, context, ele, ...rest);
    const alpha = context.globalAlpha;
    context.globalAlpha = alpha * dimAlpha(dimming, performance.now());
    try {
      draw.call(this, context, ele, ...rest);
    } finally {
      context.globalAlpha = alpha;
    }
  };
}

/**
 * Dims everything but `lit` (null: nothing), fading over `fadeMs`, and redraws: once, or every frame of the fade.
 * A later call takes over from a fade in progress.
 */
export function showDimmed(cy: Core, lit: ReadonlySet<string> | null, fadeMs: number): void {
  const now = performance.now();
  const before = dimmingOf(cy);
  const dimming = nextDimming(before, lit, now, fadeMs);
  dimmings.set(cy, dimming);
  // Nothing dimmed before or after (a new picture, a selection without paths): nothing to redraw for it.
  if (before === null && dimming === null) return;
  cy.forceRender();
  if (!dimming || dimming.duration <= 0 || typeof requestAnimationFrame !== "function") return;
  const step = () => {
    if (cy.destroyed() || dimmings.get(cy) !== dimming) return;
    cy.forceRender();
    if (performance.now() < dimming.start + dimming.duration) requestAnimationFrame(step);
    else if (dimming.to === 1) dimmings.set(cy, null);
  };
  requestAnimationFrame(step);
}
