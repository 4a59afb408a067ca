// The hit test's pre-filter: which elements a pointer could hit, before Cytoscape's own test decides (errs on the side of yes), and the kept boxes that find them without reading styles.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HitBoxes, mayBeHit, RESTYLE_SLACK } from "./hit-boxes";

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

describe("HitBoxes", () => {
  type Fake = ReturnType<typeof node> | ReturnType<typeof edge>;
  /** A node whose size can change after the boxes were kept, as a class change would make it. */
  function growable(x: number, y: number, width: number, height: number) {
    const size = { width, height };
    return { size, ele: { ...node(x, y, width, height), outerWidth: () => size.width, outerHeight: () => size.height } };
  }

  it("finds, near any point, exactly the elements the per-element test finds, also after classes grew them by up to the slack", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -300, max: 300 }), fc.integer({ min: 10, max: 160 }), fc.integer({ min: 10, max: 40 })), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(39), fc.nat(39), fc.integer({ min: 1, max: 3 })), { maxLength: 60 }),
        fc.array(fc.tuple(fc.integer({ min: -700, max: 700 }), fc.integer({ min: -450, max: 450 }), fc.constantFrom(8, 24, 145, 436)), { minLength: 1, maxLength: 20 }),
        fc.nat(2 * RESTYLE_SLACK),
        (nodeSpecs, edgeSpecs, points, growth) => {
          const nodes = nodeSpecs.map(([x, y, w, h]) => growable(x, y, w, h));
          const edges = edgeSpecs.map(([from, to, width]) => {
            const a = nodes[from % nodes.length].ele._private.position;
            const b = nodes[to % nodes.length].ele._private.position;
            return edge([a.x, a.y, b.x, b.y], width);
          });
          const elements: Fake[] = [...nodes.map((n) => n.ele), ...edges];
          const boxes = new HitBoxes(elements, arrowWidth);
          // A selection thickens borders after the boxes were kept: the boxes still find every element it may hit.
          for (const n of nodes) n.size.width += growth;
          for (const [x, y, reach] of points) {
            const kept = new Set(boxes.near(x, y, reach).filter((e) => mayBeHit(e, x, y, reach, arrowWidth)));
            const everyOne = new Set(elements.filter((e) => mayBeHit(e, x, y, reach, arrowWidth)));
            expect(kept).toEqual(everyOne);
          }
        },
      ),
    );
  });

  it("always offers an element it could not measure, and says when one of them has been measured since", () => {
    const unmeasured = edge(undefined);
    const far = node(0, 0, 10, 10);
    const boxes = new HitBoxes([unmeasured, far], arrowWidth);
    expect(boxes.near(5000, 5000, 8)).toEqual([unmeasured]);
    expect(boxes.stale(arrowWidth)).toBe(false);
    unmeasured._private.rscratch.allpts = [0, 0, 10, 10];
    expect(boxes.stale(arrowWidth)).toBe(true);
  });

  it("does not offer a label that takes pointer events as measured, nor ever call it stale", () => {
    const labelled = node(0, 0, 10, 10, "yes");
    const boxes = new HitBoxes([labelled], arrowWidth);
    expect(boxes.near(5000, 5000, 8)).toEqual([labelled]);
    expect(boxes.stale(arrowWidth)).toBe(false);
  });
});
