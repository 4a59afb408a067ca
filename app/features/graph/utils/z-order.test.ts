// Cytoscape's drawing order with keys read once: nodes above edges, then z-index, then the order added; z-compound-depth and a manual z-index-compare as Cytoscape reads them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortInZOrder } from "./z-order";

interface Spec {
  id: string;
  node: boolean;
  pool: number;
  z?: number;
  compare?: "auto" | "manual";
  depth?: "auto" | "bottom" | "top" | "orphan";
}

function element(spec: Spec) {
  const reads = { count: 0 };
  const styles: Record<string, unknown> = { "z-index": spec.z ?? 0, "z-index-compare": spec.compare ?? "auto", "z-compound-depth": spec.depth ?? "auto" };
  return {
    id: spec.id,
    reads,
    isNode: () => spec.node,
    poolIndex: () => spec.pool,
    pstyle: (name: string) => {
      reads.count++;
      return { value: styles[name] };
    },
  };
}

const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe("sortInZOrder", () => {
  it("puts edges under nodes, a higher z-index above, and among equals the one added later above", () => {
    const list = [
      element({ id: "n1", node: true, pool: 0 }),
      element({ id: "e1", node: false, pool: 1 }),
      element({ id: "n2", node: true, pool: 2 }),
      element({ id: "e-hover", node: false, pool: 3, z: 10 }),
      element({ id: "e2", node: false, pool: 4 }),
    ];
    expect(ids(sortInZOrder(list))).toEqual(["e1", "e2", "e-hover", "n1", "n2"]);
  });

  it("compares nodes and edges by z-index alone when z-index-compare is manual, and honours z-compound-depth", () => {
    const list = [
      element({ id: "n-low", node: true, pool: 0, compare: "manual", z: 1 }),
      element({ id: "e-high", node: false, pool: 1, compare: "manual", z: 5 }),
      element({ id: "n-bottom", node: true, pool: 2, depth: "bottom", z: 99 }),
      element({ id: "e-top", node: false, pool: 3, depth: "top" }),
    ];
    expect(ids(sortInZOrder(list))).toEqual(["n-bottom", "n-low", "e-high", "e-top"]);
  });

  it("reads each element's keys once, however many comparisons, and gives the order a comparator reading them each time gives", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ node: fc.boolean(), z: fc.integer({ min: -2, max: 12 }), compare: fc.constantFrom("auto" as const, "manual" as const), depth: fc.constantFrom("auto" as const, "bottom" as const, "top" as const, "orphan" as const) }), { maxLength: 80 }),
        (specs) => {
          const list = specs.map((s, i) => element({ ...s, id: `x${i}`, pool: i }));
          const key = (e: ReturnType<typeof element>) => {
            const d = e.pstyle("z-compound-depth").value;
            return [d === "bottom" ? -1 : d === "top" ? Infinity : 0, e.pstyle("z-index-compare").value === "auto" && e.isNode() ? 1 : 0, Number(e.pstyle("z-index").value), e.poolIndex()];
          };
          const expected = [...list].sort((a, b) => {
            const ka = key(a);
            const kb = key(b);
            for (let i = 0; i < 4; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
            return 0;
          });
          for (const e of list) e.reads.count = 0;
          expect(ids(sortInZOrder([...list]))).toEqual(ids(expected));
          for (const e of list) expect(e.reads.count).toBe(3);
        },
      ),
    );
  });
});
