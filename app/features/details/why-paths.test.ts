import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { pathHighlight, whyPaths } from "./why-paths";

function dependentsFrom(edges: [string, string][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [from, to] of edges) map.set(to, [...(map.get(to) ?? []), from]);
  return map;
}

describe("whyPaths", () => {
  it("lists every path from the requirements, shortest first", () => {
    const deps = dependentsFrom([
      ["<root>", "dask"],
      ["<root>", "pandas"],
      ["dask", "pandas"],
      ["pandas", "numpy"],
      ["dask", "numpy"],
    ]);
    expect(whyPaths("numpy", deps).paths).toEqual([
      ["<root>", "dask", "numpy"],
      ["<root>", "pandas", "numpy"],
      ["<root>", "dask", "pandas", "numpy"],
    ]);
  });

  it("terminates on cycles and stops at the limit", () => {
    const deps = dependentsFrom([
      ["<root>", "a"],
      ["a", "b"],
      ["b", "a"],
      ["b", "c"],
    ]);
    expect(whyPaths("c", deps).paths).toEqual([["<root>", "a", "b", "c"]]);
    const many = dependentsFrom([
      ["<root>", "x1"],
      ["<root>", "x2"],
      ["<root>", "x3"],
      ["x1", "t"],
      ["x2", "t"],
      ["x3", "t"],
    ]);
    const limited = whyPaths("t", many, 2);
    expect(limited.paths).toHaveLength(2);
    expect(limited.truncated).toBe(true);
  });

  it("finds no path for a package nothing leads to", () => {
    expect(whyPaths("lonely", new Map())).toEqual({ paths: [], truncated: false });
  });

  it("returns exactly the simple paths a brute-force enumeration finds, each a chain of real edges", () => {
    const edge = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(fc.uniqueArray(edge, { maxLength: 14, selector: ([a, b]) => `${a}-${b}` }), (pairs) => {
        const name = (i: number) => (i === 0 ? "<root>" : `p${i}`);
        const edges = pairs.filter(([a, b]) => a !== b).map(([a, b]) => [name(a), name(b)] as [string, string]);
        const deps = dependentsFrom(edges);
        const got = whyPaths("p5", deps, 10_000).paths.map((p) => p.join(">")).sort();
        // Brute force forwards from the root.
        const expected: string[] = [];
        const walk = (path: string[]) => {
          const last = path[path.length - 1];
          if (last === "p5") {
            expected.push(path.join(">"));
            return;
          }
          for (const [from, to] of edges) if (from === last && !path.includes(to)) walk([...path, to]);
        };
        walk(["<root>"]);
        expect(got).toEqual(expected.sort());
      }),
    );
  });
});

describe("pathHighlight", () => {
  it("collects the nodes and edges along the paths", () => {
    const h = pathHighlight([
      ["<root>", "a", "c"],
      ["<root>", "b", "c"],
    ]);
    expect(h.nodes.sort()).toEqual(["<root>", "a", "b", "c"]);
    expect(h.edges.sort()).toEqual(["<root>->a", "<root>->b", "a->c", "b->c"]);
  });
});
