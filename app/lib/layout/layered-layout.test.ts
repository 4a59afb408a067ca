import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { acyclicEdges, countCrossings, layeredLayout, longestPathLayers, placeRow, HIERARCHICAL } from "./layered-layout";
import type { LayoutInput } from "./layout-types";

/** A graph of `n` nodes "n0".."n{n-1}" with boxes of varied sizes. */
function graphOf(n: number, edges: readonly (readonly [number, number])[]): LayoutInput {
  return {
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 40 + ((i * 37) % 90), height: 29 + (i % 3) * 15 })),
    edges: edges.map(([s, t]) => ({ source: `n${s}`, target: `n${t}` })),
  };
}

const anyGraph = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({ n: fc.constant(n), edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }) }),
);

/** Edges from a lower to a higher index only: a DAG. */
const dag = anyGraph.map(({ n, edges }) => ({ n, edges: edges.filter(([s, t]) => s < t) }));

function overlaps(input: LayoutInput, pos: Float64Array): string[] {
  const found: string[] = [];
  input.nodes.forEach((a, i) => {
    input.nodes.forEach((b, j) => {
      if (j <= i) return;
      const dx = Math.abs(pos[2 * i] - pos[2 * j]);
      const dy = Math.abs(pos[2 * i + 1] - pos[2 * j + 1]);
      if (dx < (a.width + b.width) / 2 - 1e-6 && dy < (a.height + b.height) / 2 - 1e-6) found.push(`${a.id}/${b.id}`);
    });
  });
  return found;
}

describe("acyclicEdges", () => {
  it("keeps every edge, some reversed, and leaves no cycle", () => {
    fc.assert(
      fc.property(anyGraph, ({ n, edges }) => {
        const loopless = edges.filter(([s, t]) => s !== t);
        const out = acyclicEdges(n, loopless);
        expect(out).toHaveLength(loopless.length);
        out.forEach(([s, t], i) => expect([`${s},${t}`, `${t},${s}`]).toContain(loopless[i].join(",")));
        // Kahn's algorithm consumes every node only if there is no cycle.
        const indegree = new Array<number>(n).fill(0);
        for (const [, t] of out) indegree[t]++;
        const queue = indegree.flatMap((d, v) => (d === 0 ? [v] : []));
        for (let i = 0; i < queue.length; i++) for (const [s, t] of out) if (s === queue[i] && --indegree[t] === 0) queue.push(t);
        expect(queue).toHaveLength(n);
      }),
    );
  });

  it("reverses only the edge that closes a cycle", () => {
    expect(acyclicEdges(3, [[0, 1], [1, 2], [2, 0]])).toEqual([[0, 1], [1, 2], [0, 2]]);
  });
});

describe("longestPathLayers", () => {
  it("puts a node one layer after its deepest predecessor", () => {
    // 0 -> 1 -> 2 -> 3 and a shortcut 0 -> 3: 3 still goes after 2.
    expect([...longestPathLayers(5, [[0, 1], [1, 2], [2, 3], [0, 3]])]).toEqual([0, 1, 2, 3, 0]);
  });

  it("sends every edge of a DAG to a later layer", () => {
    fc.assert(
      fc.property(dag, ({ n, edges }) => {
        const layer = longestPathLayers(n, edges);
        for (const [s, t] of edges) expect(layer[t]).toBeGreaterThan(layer[s]);
      }),
    );
  });
});

describe("countCrossings", () => {
  it("counts edges that cross between two layers", () => {
    const succs = [[3], [2], [], []];
    expect(countCrossings({ layers: [[0, 1], [2, 3]], succs }, Int32Array.from([0, 1, 0, 1]))).toBe(1);
    expect(countCrossings({ layers: [[0, 1], [3, 2]], succs }, Int32Array.from([0, 1, 1, 0]))).toBe(0);
  });
});

describe("placeRow", () => {
  it("keeps desired positions that already respect the gaps", () => {
    const coord = new Float64Array(2);
    placeRow([0, 100], [1, 1], [0, 10], coord, [0, 1]);
    expect([...coord]).toEqual([0, 100]);
  });

  it("spreads nodes that all want the same spot evenly around it", () => {
    const coord = new Float64Array(3);
    placeRow([5, 5, 5], [1, 1, 1], [0, 10, 10], coord, [0, 1, 2]);
    expect([...coord]).toEqual([-5, 5, 15]);
  });

  it("always respects the gaps, and the heavier node moves less", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true })), { minLength: 1, maxLength: 30 }), (rows) => {
        const coord = new Float64Array(rows.length);
        const gaps = rows.map((r, i) => (i === 0 ? 0 : r[2]));
        placeRow(rows.map((r) => r[0]), rows.map((r) => r[1]), gaps, coord, rows.map((_, i) => i));
        for (let i = 1; i < rows.length; i++) expect(coord[i] - coord[i - 1]).toBeGreaterThanOrEqual(gaps[i] - 1e-6);
      }),
    );
    const coord = new Float64Array(2);
    placeRow([0, 0], [3, 1], [0, 20], coord, [0, 1]);
    expect(Math.abs(coord[0])).toBeLessThan(Math.abs(coord[1]));
    expect(coord[1] - coord[0]).toBeCloseTo(20);
  });
});

describe("layeredLayout", () => {
  it("draws a DAG left to right with no two boxes overlapping", () => {
    fc.assert(
      fc.property(dag, ({ n, edges }) => {
        const input = graphOf(n, edges);
        const pos = layeredLayout(input);
        expect(pos).toHaveLength(2 * n);
        expect([...pos].every(Number.isFinite)).toBe(true);
        expect(overlaps(input, pos)).toEqual([]);
        for (const [s, t] of edges) {
          // The target's box starts at least a layer gap to the right of the source's.
          expect(pos[2 * t] - input.nodes[t].width / 2).toBeGreaterThanOrEqual(pos[2 * s] + input.nodes[s].width / 2 + HIERARCHICAL.rankSep - 1e-6);
        }
      }),
    );
  });

  it("copes with cycles, self-loops, duplicate and unknown edges", () => {
    fc.assert(
      fc.property(anyGraph, ({ n, edges }) => {
        const input = graphOf(n, edges);
        input.edges.push({ source: "n0", target: "n0" }, { source: "n0", target: "missing" });
        const pos = layeredLayout(input);
        expect([...pos].every(Number.isFinite)).toBe(true);
        expect(overlaps(input, pos)).toEqual([]);
      }),
    );
  });

  it("is deterministic", () => {
    const input = graphOf(12, [[0, 1], [0, 2], [1, 3], [2, 3], [3, 4], [4, 1], [5, 6], [0, 7], [7, 8], [8, 9], [9, 10], [0, 11]]);
    expect([...layeredLayout(input)]).toEqual([...layeredLayout(input)]);
  });

  it("orders a layer after its parents, so a crossing the input order makes is undone", () => {
    // root -> a, b (in that order); a -> y, b -> x, but x is listed before y.
    const input: LayoutInput = {
      nodes: ["root", "x", "y", "a", "b"].map((id) => ({ id, width: 60, height: 30 })),
      edges: [
        { source: "root", target: "a" },
        { source: "root", target: "b" },
        { source: "b", target: "x" },
        { source: "a", target: "y" },
      ],
    };
    const pos = layeredLayout(input);
    const y = (id: string) => pos[2 * input.nodes.findIndex((n) => n.id === id) + 1];
    expect(Math.sign(y("y") - y("x"))).toBe(Math.sign(y("a") - y("b")));
  });

  it("runs top to bottom on request", () => {
    const input = graphOf(3, [[0, 1], [1, 2]]);
    const pos = layeredLayout(input, { ...HIERARCHICAL, direction: "TB" });
    expect(pos[3]).toBeGreaterThan(pos[1]);
    expect(pos[5]).toBeGreaterThan(pos[3]);
  });
});
