import { describe, it, expect } from "vitest";
import { cytoscapeElements, nodeLines, nodeSize } from "./cytoscape-elements";
import { buildDependencyGraph } from "./graph-elements";
import { visibleNodes } from "./graph-filter";
import { resolvedPackage } from "../../../../test-support/resolved-package";
import { resolutionOf } from "../../../test-support/resolution-of";

describe("cytoscapeElements", () => {
  const packages = resolutionOf({ "<root>": ["a"], a: ["b:>=2"], b: ["c"] });
  const graph = buildDependencyGraph(packages);

  it("emits only visible nodes and the edges between them, with trait classes", () => {
    const elements = cytoscapeElements(graph, visibleNodes(graph.children, ["b"], null));
    const ids = elements.map((e) => e.data.id);
    expect(ids).toEqual(["<root>", "a", "b", "<root>->a", "a->b"]);
    const b = elements.find((e) => e.data.id === "b");
    expect(b?.classes).toEqual(["package", "folded"]);
    expect(b?.data.display).toBe("b 1.0\n+1 hidden");
    expect(elements.find((e) => e.data.id === "a")?.classes).toEqual(["package", "direct"]);
    expect(elements.find((e) => e.data.id === "a->b")?.data.label).toBe(">=2");
    expect(elements.find((e) => e.data.id === "<root>->a")?.classes).toEqual(["from-root"]);
  });
});

describe("nodeLines and nodeSize", () => {
  it("adds a line for extras and warnings and sizes the box to the longest line", () => {
    const [node] = buildDependencyGraph([resolvedPackage("dask", "2.9.2", { extras: ["complete"], yanked: "bad", direct: true })]).nodes;
    const lines = nodeLines(node);
    expect(lines).toEqual(["dask 2.9.2", "[complete] · yanked"]);
    const size = nodeSize(lines);
    expect(size.h).toBe(2 * 15 + 14);
    expect(size.w).toBe("[complete] · yanked".length * 7 + 24);
  });
});
