import { describe, it, expect } from "vitest";
import { clashingPackages, conflictElements, wrapLabel } from "./conflict-elements";
import type { ExplanationGraphDto } from "../../../workers/api";

const graph: ExplanationGraphDto = {
  nodes: [
    { id: "n1", kind: "root", label: "you require requests ==2.20.0", package: "requests", range: "==2.20.0", isRoot: false },
    { id: "n2", kind: "dependency", label: "requests 2.20.0 depends on urllib3 >=1.21.1,<1.25", package: "requests", range: "2.20.0", dependency: "urllib3", dependencyRange: ">=1.21.1,<1.25", isRoot: false, line: 1 },
    { id: "n3", kind: "dependency", label: "you require urllib3 ==1.26.2", package: "<root>", range: "0", dependency: "urllib3", dependencyRange: "==1.26.2", isRoot: false },
    { id: "n4", kind: "dependency", label: "requests 2.20.0 depends on idna <2.8", package: "requests", dependency: "idna", dependencyRange: "<2.8", isRoot: false },
    { id: "n5", kind: "no-versions", label: "no versions of chardet match >9", package: "chardet", range: ">9", isRoot: false },
    { id: "n6", kind: "derived", label: "version solving failed", isRoot: true },
  ],
  edges: [
    { from: "n2", to: "n6", label: "conflict" },
    { from: "n3", to: "n6", label: "cause" },
    { from: "n2", to: "gone" },
  ],
};

describe("clashingPackages", () => {
  it("names packages required twice and packages with no usable versions", () => {
    expect([...clashingPackages(graph.nodes)].sort()).toEqual(["chardet", "urllib3"]);
  });
});

describe("conflictElements", () => {
  const elements = conflictElements(graph);
  const classes = (id: string) => elements.find((e) => e.data.id === id)?.classes;

  it("marks the conclusion, the dead ends and the clashing requirements", () => {
    expect(classes("n6")).toEqual(["kind-derived", "conclusion"]);
    expect(classes("n5")).toEqual(["kind-no-versions", "clash"]);
    expect(classes("n2")).toEqual(["kind-dependency", "clash-range"]);
    expect(classes("n3")).toEqual(["kind-dependency", "clash-range"]);
    expect(classes("n4")).toEqual(["kind-dependency"]);
    expect(classes("n1")).toEqual(["kind-root"]);
  });

  it("numbers nodes with their explanation line, and drops edges to nodes that do not exist", () => {
    expect(String(elements.find((e) => e.data.id === "n2")?.data.display).startsWith("(1) requests 2.20.0")).toBe(true);
    expect(elements.filter((e) => e.group === "edges").map((e) => e.data.id)).toEqual(["e0:n2->n6", "e1:n3->n6"]);
  });
});

describe("wrapLabel", () => {
  it("breaks at spaces within the width and keeps explicit line breaks", () => {
    expect(wrapLabel("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    expect(wrapLabel("one\ntwo")).toEqual(["one", "two"]);
    expect(wrapLabel("averyveryverylongword", 5)).toEqual(["averyveryverylongword"]);
  });
});
