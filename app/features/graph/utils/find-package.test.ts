import { describe, it, expect } from "vitest";
import { findPackage } from "./find-package";
import type { GraphNode } from "./graph-elements";

const node = (id: string, displayName = id): GraphNode => ({ id, label: `${displayName} 1.0`, displayName, version: "1.0", extras: [], traits: [], depth: 1 });
const nodes = [node("numpy"), node("numpydoc"), node("python-dateutil", "python_dateutil"), node("pandas"), node("types-pytz")];

describe("findPackage", () => {
  it("prefers an exact name, normalised like PEP 503", () => {
    expect(findPackage(nodes, "numpy")?.id).toBe("numpy");
    expect(findPackage(nodes, "Python.DateUtil")?.id).toBe("python-dateutil");
  });
  it("falls back to the shortest name starting with the query, then one containing it", () => {
    expect(findPackage(nodes, "num")?.id).toBe("numpy");
    expect(findPackage(nodes, "pytz")?.id).toBe("types-pytz");
  });
  it("ignores a trailing version, as the suggestion list shows them", () => {
    expect(findPackage(nodes, "pandas 1.1.4")?.id).toBe("pandas");
  });
  it("finds nothing for blank or unknown queries", () => {
    expect(findPackage(nodes, "  ")).toBeNull();
    expect(findPackage(nodes, "django")).toBeNull();
  });
});
