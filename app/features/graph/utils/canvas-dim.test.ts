// The dimming drawn on the canvas: which elements are faint, how a fade comes and goes and takes over from one in progress, and that Cytoscape's drawing of an element is wrapped in the lowered alpha.
import { describe, expect, it } from "vitest";
import type { Core } from "cytoscape";
import { DIM_OPACITY, dimAlpha, dimOnCanvas, nextDimming, showDimmed } from "./canvas-dim";

const lit = new Set(["a"]);

describe("nextDimming and dimAlpha", () => {
  it("fades dimming in over the fade's length, and holds it once there", () => {
    const d = nextDimming(null, lit, 1000, 150)!;
    expect(d.lit).toBe(lit);
    expect(dimAlpha(d, 1000)).toBe(1);
    expect(dimAlpha(d, 1075)).toBeCloseTo((1 + DIM_OPACITY) / 2);
    expect(dimAlpha(d, 1150)).toBe(DIM_OPACITY);
    expect(dimAlpha(d, 5000)).toBe(DIM_OPACITY);
  });

  it("moves the dimming to other lit elements at once, keeping a fade in progress", () => {
    const fading = nextDimming(null, lit, 1000, 150)!;
    const other = new Set(["b"]);
    const moved = nextDimming(fading, other, 1050, 150)!;
    expect(moved.lit).toBe(other);
    expect(dimAlpha(moved, 1050)).toBeCloseTo(dimAlpha(fading, 1050));
    expect(dimAlpha(moved, 1150)).toBe(DIM_OPACITY);
  });

  it("fades dimming out keeping the elements lit so far, and from where a fade in had got to, in proportion", () => {
    const full = nextDimming(null, lit, 0, 150)!;
    const out = nextDimming(full, null, 1000, 150)!;
    expect(out.lit).toBe(lit);
    expect(dimAlpha(out, 1000)).toBe(DIM_OPACITY);
    expect(dimAlpha(out, 1150)).toBe(1);
    const half = nextDimming(nextDimming(null, lit, 0, 150), null, 75, 150)!;
    expect(dimAlpha(half, 75)).toBeCloseTo((1 + DIM_OPACITY) / 2);
    expect(half.duration).toBeCloseTo(75);
  });

  it("without a fade (a large picture) dims and undims at once, and nothing to undim is nothing", () => {
    const d = nextDimming(null, lit, 0, 0)!;
    expect(dimAlpha(d, 0)).toBe(DIM_OPACITY);
    expect(nextDimming(d, null, 10, 0)).toBeNull();
    expect(nextDimming(null, null, 10, 150)).toBeNull();
  });
});

describe("dimOnCanvas", () => {
  /** A stand-in for Cytoscape and its canvas renderer that records the global alpha each element is drawn with. */
  function fakeCy() {
    const drawnWith = new Map<string, number>();
    const renderer = {
      drawCachedElement(context: CanvasRenderingContext2D, ele: { id(): string }) {
        drawnWith.set(ele.id(), context.globalAlpha);
      },
    };
    const cy = { renderer: () => renderer, forceRender: () => undefined, destroyed: () => false } as unknown as Core;
    return { cy, renderer, drawnWith };
  }

  it("draws an element that is not lit at the dimmed alpha times the canvas's own, and restores the canvas's alpha", () => {
    const { cy, renderer, drawnWith } = fakeCy();
    dimOnCanvas(cy);
    showDimmed(cy, lit, 0);
    const context = { globalAlpha: 0.5 } as CanvasRenderingContext2D;
    renderer.drawCachedElement(context, { id: () => "a" });
    renderer.drawCachedElement(context, { id: () => "b" });
    expect(drawnWith.get("a")).toBe(0.5);
    expect(drawnWith.get("b")).toBeCloseTo(0.5 * DIM_OPACITY);
    expect(context.globalAlpha).toBe(0.5);
  });

  it("draws everything as Cytoscape does when nothing is dimmed", () => {
    const { cy, renderer, drawnWith } = fakeCy();
    dimOnCanvas(cy);
    showDimmed(cy, lit, 0);
    showDimmed(cy, null, 0);
    const context = { globalAlpha: 1 } as CanvasRenderingContext2D;
    renderer.drawCachedElement(context, { id: () => "b" });
    expect(drawnWith.get("b")).toBe(1);
  });
});
