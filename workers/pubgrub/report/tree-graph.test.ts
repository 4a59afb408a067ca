// Tests of the plain-data graph view of a derivation tree.
import { describe, expect, it } from "vitest";
import { TreeBuilder } from "../test-support/tree-builder";
import { reportText } from "./text-report";
import { treeToGraph } from "./tree-graph";

describe("treeToGraph", () => {
  it("has a node per distinct tree node and an edge per cause, with labels and line numbers", () => {
    const b = new TreeBuilder();
    const s = b.derived(b.dependency("foo", "any", "bar", "^1.0.0"), b.noVersions("bar", "^1.0.0"), "foo any");
    const q = b.derived(b.dependency("x", "any", "foo", "^1.0.0"), s, "x any");
    const p = b.derived(b.dependency("y", "any", "foo", "^1.0.0"), s, "y any");
    const tree = b.tree(b.derived(q, p, "root 1.0.0"));
    const report = reportText(tree);
    const graph = treeToGraph(tree, undefined, report.lines);
    expect(graph.nodes).toHaveLength(8);
    expect(graph.edges).toHaveLength(8);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const shared = byId.get(`n${s.id}`);
    expect(shared).toMatchObject({ kind: "derived", label: "foo is forbidden", package: "foo", range: "any", shared: true, line: 1 });
    const root = graph.nodes.find((n) => n.isRoot);
    expect(root).toMatchObject({ kind: "derived", label: "version solving failed", shared: false });
    const dep = graph.nodes.find((n) => n.kind === "dependency" && n.package === "foo");
    expect(dep).toMatchObject({ label: "every version of foo depends on bar ^1.0.0", dependency: "bar", dependencyRange: "^1.0.0" });
    expect(dep?.terms).toEqual([
      { package: "foo", positive: true, range: "any" },
      { package: "bar", positive: false, range: "^1.0.0" },
    ]);
    // Causes come before what they derive, and two edges lead out of the shared node.
    const order = graph.nodes.map((n) => n.id);
    for (const e of graph.edges) expect(order.indexOf(e.from)).toBeLessThan(order.indexOf(e.to));
    expect(graph.edges.filter((e) => e.from === `n${s.id}`)).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });
});
