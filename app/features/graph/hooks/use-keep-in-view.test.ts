// Bringing the selected package back into view after the canvas narrows (the details panel opening).
import { describe, expect, it } from "vitest";
import { panIntoView } from "./use-keep-in-view";

describe("panIntoView", () => {
  it("leaves a package well inside the canvas where it is", () => {
    expect(panIntoView({ x1: 300, x2: 360, y1: 200, y2: 220 }, 800, 600)).toEqual({ x: 0, y: 0 });
  });

  it("moves a package cut off by the right edge back in, a sixth of the width from the edge", () => {
    const pan = panIntoView({ x1: 780, x2: 840, y1: 200, y2: 220 }, 800, 600);
    expect(840 + pan.x).toBeCloseTo(800 - 800 / 6);
    expect(pan.y).toBe(0);
  });

  it("moves a package beyond the top or left edge in the other direction", () => {
    const pan = panIntoView({ x1: -100, x2: -40, y1: -30, y2: -10 }, 800, 600);
    expect(-100 + pan.x).toBeCloseTo(800 / 6);
    expect(-30 + pan.y).toBeCloseTo(100);
  });

  it("centres a package too big for the canvas less its margins", () => {
    const pan = panIntoView({ x1: 0, x2: 700, y1: 0, y2: 20 }, 800, 600);
    expect(350 + pan.x).toBeCloseTo(400);
  });
});
