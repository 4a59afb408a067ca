import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { forceLayout, removeOverlaps } from "./force-layout";
import { layeredLayout } from "../../../lib/layout/layered-layout";
import type { LayoutInput } from "../../../lib/layout/layout-types";

function graphOf(n: number, edges: readonly (readonly [number, number])[]): LayoutInput {
  return {
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 50 + ((i * 29) % 70), height: 29 })),
    edges: edges.map(([s, t]) => ({ source: `n${s}`, target: `n${t}` })),
  };
}

function overlapping(input: LayoutInput, pos: Float64Array): number {
  let count = 0;
  input.nodes.forEach((a, i) => {
    for (let j = i + 1; j < input.nodes.length; j++) {
      const b = input.nodes[j];
      if (Math.abs(pos[2 * i] - pos[2 * j]) < (a.width + b.width) / 2 - 1e-6 && Math.abs(pos[2 * i + 1] - pos[2 * j + 1]) < (a.height + b.height) / 2 - 1e-6) count++;
    }
  });
  return count;
}

const distance = (pos: Float64Array, i: number, j: number) => Math.hypot(pos[2 * i] - pos[2 * j], pos[2 * i + 1] - pos[2 * j + 1]);

describe("removeOverlaps", () => {
  it("separates boxes piled on one spot", () => {
    const input = graphOf(8, []);
    const pos = new Float64Array(16).map((_, i) => (i % 2 ? 0 : i * 0.01));
    for (let attempt = 0; attempt < 5 && removeOverlaps(input, pos, 4) > 0; attempt++);
    expect(overlapping(input, pos)).toBe(0);
  });

  it("leaves boxes that do not overlap where they are and reports none", () => {
    const input = graphOf(2, []);
    const pos = Float64Array.from([0, 0, 500, 0]);
    expect(removeOverlaps(input, pos, 4)).toBe(0);
    expect([...pos]).toEqual([0, 0, 500, 0]);
  });
});

describe("forceLayout", () => {
  it("ends with finite positions and no overlapping boxes, whatever the graph", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) => fc.record({ n: fc.constant(n), edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n }) })),
        ({ n, edges }) => {
          const input = graphOf(n, edges);
          const pos = forceLayout(input, layeredLayout(input));
          expect([...pos].every(Number.isFinite)).toBe(true);
          expect(overlapping(input, pos)).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("pulls connected nodes together: two cliques joined by one edge end up as two groups", () => {
    const edges: [number, number][] = [];
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) edges.push([i, j], [i + 6, j + 6]);
    edges.push([0, 6]);
    const input = graphOf(12, edges);
    // Start from a picture that mixes the two groups.
    const start = Float64Array.from({ length: 24 }, (_, k) => (k % 2 ? (Math.floor(k / 2) % 4) * 60 : Math.floor(k / 8) * 90));
    const pos = forceLayout(input, start);
    let within = 0;
    let across = 0;
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) {
      if (i < j) within += distance(pos, i, j) + distance(pos, i + 6, j + 6);
      across += distance(pos, i, j + 6);
    }
    expect(within / 30).toBeLessThan((across / 36) * 0.75);
  });

  it("is deterministic and leaves its start positions alone", () => {
    const input = graphOf(10, [[0, 1], [1, 2], [2, 3], [0, 4], [4, 5], [5, 6], [0, 7], [7, 8], [8, 9]]);
    const start = layeredLayout(input);
    const copy = Float64Array.from(start);
    const a = forceLayout(input, start);
    expect([...start]).toEqual([...copy]);
    expect([...forceLayout(input, start)]).toEqual([...a]);
    expect([...a]).not.toEqual([...start]);
  });
});
