// The hit test's pre-filter: which elements a pointer could hit, before Cytoscape's own test decides (errs on the side of yes).
import { describe, expect, it } from "vitest";
import { mayBeHit } from "./use-graph-cytoscape";

const arrowWidth = (width: number, scale: number) => Math.max(Math.pow(width * 13.37, 0.9), 29) * scale;

function node(x: number, y: number, width: number, height: number, textEvents = "no") {
  return {
    isNode: () => true,
    outerWidth: () => width,
    outerHeight: () => height,
    pstyle: (name: string) => (name === "text-events" ? { strValue: textEvents } : { pfValue: 0, value: 1 }),
    _private: { position: { x, y }, rscratch: {} },
  };
}

function edge(points: number[] | undefined, width = 1, arrowScale = 0.9) {
  return {
    isNode: () => false,
    outerWidth: () => 0,
    outerHeight: () => 0,
    pstyle: (name: string) => (name === "text-events" ? { strValue: "no" } : name === "width" ? { pfValue: width } : { value: arrowScale }),
    _private: { position: { x: 0, y: 0 }, rscratch: { allpts: points } },
  };
}

describe("mayBeHit", () => {
  it("takes a package's box and the reach around it, and nothing further", () => {
    const n = node(100, 50, 80, 20);
    expect(mayBeHit(n, 100, 50, 8, arrowWidth)).toBe(true);
    expect(mayBeHit(n, 147, 50, 8, arrowWidth)).toBe(true);
    expect(mayBeHit(n, 149, 50, 8, arrowWidth)).toBe(false);
    expect(mayBeHit(n, 100, 67, 8, arrowWidth)).toBe(true);
    expect(mayBeHit(n, 100, 69, 8, arrowWidth)).toBe(false);
  });

  it("takes an edge's span with its width, the reach and an arrowhead's size around it", () => {
    const e = edge([0, 0, 200, 100]);
    const margin = 0.5 + 8 + arrowWidth(1, 0.9);
    expect(mayBeHit(e, 100, 50, 8, arrowWidth)).toBe(true);
    expect(mayBeHit(e, 200 + margin - 0.1, 100, 8, arrowWidth)).toBe(true);
    expect(mayBeHit(e, 200 + margin + 0.1, 100, 8, arrowWidth)).toBe(false);
    expect(mayBeHit(e, -margin - 0.1, 0, 8, arrowWidth)).toBe(false);
  });

  it("says yes when it cannot tell: an edge not yet measured, a label that takes pointer events", () => {
    expect(mayBeHit(edge(undefined), 5000, 5000, 8, arrowWidth)).toBe(true);
    expect(mayBeHit(node(0, 0, 10, 10, "yes"), 5000, 5000, 8, arrowWidth)).toBe(true);
  });
});
