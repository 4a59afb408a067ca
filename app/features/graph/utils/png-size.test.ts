// The PNG export's size: twice the graph's, capped on its longest side.
import { describe, expect, it } from "vitest";
import { MAX_PNG_SIDE, pngSize } from "./png-size";

describe("pngSize", () => {
  it("draws a graph that fits at twice its size", () => {
    expect(pngSize(1200, 800)).toEqual({ scale: 2, width: 2400, height: 1600, reduced: false });
    expect(pngSize(MAX_PNG_SIDE / 2, 10)).toEqual({ scale: 2, width: MAX_PNG_SIDE, height: 20, reduced: false });
  });

  it("scales a big graph down until its longest side, across or down, is the cap", () => {
    const wide = pngSize(16614.75, 3823.8);
    expect(wide.reduced).toBe(true);
    expect(wide.width).toBe(MAX_PNG_SIDE);
    expect(wide.height).toBe(Math.round(3823.8 * (MAX_PNG_SIDE / 16614.75)));
    const tall = pngSize(3000, 40000);
    expect(tall.height).toBe(MAX_PNG_SIDE);
    expect(tall.width).toBe(Math.round(3000 * (MAX_PNG_SIDE / 40000)));
  });

  it("never divides by nothing: an empty graph keeps scale 2", () => {
    expect(pngSize(0, 0)).toEqual({ scale: 2, width: 0, height: 0, reduced: false });
  });
});
