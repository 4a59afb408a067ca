import { describe, it, expect } from "vitest";
import { layoutKey } from "./layout-input";
import { layoutInputOf } from "../../../lib/layout/cytoscape-layout";
import { cytoscapeElements } from "../utils/cytoscape-elements";
import { buildDependencyGraph } from "../utils/graph-elements";
import { visibleNodes } from "../utils/graph-filter";
import { resolutionOf } from "../../../test-support/resolution-of";

const elementsOf = (edges: Record<string, string[]>, rootSpecifiers = new Map<string, string>()) => {
  const graph = buildDependencyGraph(resolutionOf(edges), rootSpecifiers);
  return cytoscapeElements(graph, visibleNodes(graph.children, [], null));
};

describe("layoutInputOf", () => {
  it("reads node boxes and edges from the graph's element definitions", () => {
    const input = layoutInputOf(elementsOf({ "<root>": ["a"], a: ["b"] }));
    expect(input.nodes.map((n) => n.id)).toEqual(["<root>", "a", "b"]);
    expect(input.nodes[1]).toEqual({ id: "a", width: "a 1.0".length * 7 + 24, height: 29 });
    expect(input.edges).toEqual([
      { source: "<root>", target: "a" },
      { source: "a", target: "b" },
    ]);
  });
});

describe("layoutKey", () => {
  const base = elementsOf({ "<root>": ["a"], a: ["b"] });
  const key = (elements = base, kind: "hierarchical" | "force" = "hierarchical") => layoutKey({ kind, input: layoutInputOf(elements) });

  it("ignores what does not move boxes: edge labels", () => {
    expect(key(elementsOf({ "<root>": ["a"], a: ["b"] }, new Map([["a", ">=1"]])))).toBe(key());
  });

  it("changes with the layout kind, an edge, or a box size", () => {
    expect(key(base, "force")).not.toBe(key());
    expect(key(elementsOf({ "<root>": ["a", "b"], a: ["b"] }))).not.toBe(key());
    expect(key(elementsOf({ "<root>": ["a"], a: ["b"] }).map((e) => (e.data.id === "b" ? { ...e, data: { ...e.data, w: 99 } } : e)))).not.toBe(key());
  });
});
