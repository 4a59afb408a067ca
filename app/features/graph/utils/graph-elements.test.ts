import { describe, it, expect } from "vitest";
import { buildDependencyGraph, edgeLabel, nodeTraits } from "./graph-elements";
import { resolvedPackage } from "../../../../test-support/resolved-package";
import { resolutionOf } from "../../../test-support/resolution-of";
import { UNIVERSAL_EXAMPLE } from "../../../../workers/resolve/test-support/universal-example";

describe("buildDependencyGraph", () => {
  it("draws an edge from each dependent to the package, labelled with the specifier the dependent asked for", () => {
    const packages = resolutionOf({ "<root>": ["pandas"], pandas: ["numpy:>=1.15.4", "pytz:>=2017.2"], matplotlib: ["numpy:>=1.15"], numpy: [] });
    const graph = buildDependencyGraph(packages, new Map([["pandas", ">=1.0"]]));
    const byId = new Map(graph.edges.map((e) => [e.id, e]));
    expect(byId.get("pandas->numpy")?.label).toBe(">=1.15.4");
    expect(byId.get("matplotlib->numpy")?.label).toBe(">=1.15");
    expect(byId.get("<root>->pandas")?.label).toBe(">=1.0");
    expect(byId.get("pandas->pytz")?.label).toBe(">=2017.2");
  });

  it("labels a dependency with no specifier 'any' and matches names across spellings", () => {
    const packages = [
      resolvedPackage("python-dateutil", "2.8.1", { dependents: ["pandas"] }),
      resolvedPackage("pandas", "1.1.4", { direct: true, dependents: ["<root>"], dependencies: [{ name: "Python_Dateutil", specifier: "", marker: null, extras: [] }] }),
    ];
    const graph = buildDependencyGraph(packages);
    expect(graph.edges.find((e) => e.id === "pandas->python-dateutil")?.label).toBe("any");
  });

  it("gives depths from the root and hangs orphan packages from the root", () => {
    const packages = resolutionOf({ "<root>": ["a"], a: ["b"], b: ["c"] });
    packages.push(resolvedPackage("orphan", "1"));
    const graph = buildDependencyGraph(packages);
    const depth = Object.fromEntries(graph.nodes.map((n) => [n.id, n.depth]));
    expect(depth).toEqual({ a: 1, b: 2, c: 3, orphan: 1 });
    expect(graph.children.get("<root>")).toEqual(["a", "orphan"]);
  });

  it("adds the root edge for a direct requirement whose dependents omit the root", () => {
    const graph = buildDependencyGraph([resolvedPackage("requests", "2.25.0", { direct: true })]);
    expect(graph.edges.map((e) => e.id)).toEqual(["<root>->requests"]);
  });

  it("labels nodes 'name version' and puts extras into edge labels", () => {
    expect(buildDependencyGraph([resolvedPackage("dask", "2.9.2", { displayName: "Dask", direct: true })]).nodes[0].label).toBe("Dask 2.9.2");
    expect(edgeLabel(">=2", ["complete"])).toBe("[complete] >=2");
    expect(edgeLabel("  ")).toBe("any");
  });

  it("survives dependency cycles", () => {
    const packages = resolutionOf({ "<root>": ["a"], a: ["b"], b: ["a"] });
    const graph = buildDependencyGraph(packages);
    expect(graph.edges.map((e) => e.id).sort()).toEqual(["<root>->a", "a->b", "b->a"]);
    expect(graph.nodes.find((n) => n.id === "b")?.depth).toBe(2);
  });
});

describe("nodeTraits", () => {
  it("lists every trait that makes a node look different", () => {
    expect(nodeTraits(resolvedPackage("x", "1.0rc1", { direct: true, extras: ["s"], prerelease: true, yanked: "broken", unknownDependencies: true }))).toEqual([
      "direct",
      "extras",
      "prerelease",
      "yanked",
      "unknown",
    ]);
    expect(nodeTraits(resolvedPackage("x", "1", { yanked: "" }))).toEqual(["yanked"]);
    expect(nodeTraits(resolvedPackage("x", "1"))).toEqual([]);
  });
});

describe("the graph of a universal result", () => {
  // The example without pywin32, so every package hangs from another one.
  const packages = UNIVERSAL_EXAMPLE.filter((p) => p.name !== "pywin32");
  const graph = buildDependencyGraph(packages);

  it("draws a name held at two versions as two packages, both reached by the edge that forks", () => {
    expect(graph.nodes.map((n) => n.id)).toEqual(["click", "colorama", "pandas", "numpy==1.24.4", "numpy==2.0.2"]);
    expect(graph.children.get("pandas")).toEqual(["numpy==1.24.4", "numpy==2.0.2"]);
    expect(graph.nodes.find((n) => n.id === "numpy==2.0.2")?.label).toBe("numpy 2.0.2");
  });

  it("marks packages and edges that exist only in some environments", () => {
    expect(graph.nodes.filter((n) => n.traits.includes("partial")).map((n) => n.id)).toEqual(["colorama", "numpy==1.24.4", "numpy==2.0.2"]);
    expect(graph.edges.find((e) => e.id === "click->colorama")?.marker).toBe("platform_system == 'Windows'");
    expect(graph.edges.find((e) => e.id === "<root>->click")?.marker).toBeUndefined();
  });
});
