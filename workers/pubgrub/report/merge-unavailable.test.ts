// Tests of the pass that merges chains of unavailable (or no-versions) facts about one package.
import { describe, expect, it } from "vitest";
import { TreeBuilder } from "../test-support/tree-builder";
import { mergeUnavailable } from "./merge-unavailable";

describe("mergeUnavailable", () => {
  it("merges a chain of versions unavailable for the same reason into one fact", () => {
    const b = new TreeBuilder();
    const y = b.dependency("root", "1.0.0", "foo", "^1.0.0");
    const d1 = b.derived(b.unavailable("foo", "1.0.0", "yanked"), y, "not foo >=1.0.1 <2.0.0");
    const d2 = b.derived(b.unavailable("foo", "1.1.0", "yanked"), d1, "not foo >=1.0.1 <1.1.0 or >=1.1.1 <2.0.0");
    const d3 = b.derived(d2, b.unavailable("foo", "1.2.0", "yanked"), "not foo >=1.0.1 <1.1.0 or >=1.1.1 <1.2.0 or >=1.2.1 <2.0.0");
    const out = mergeUnavailable(b.tree(d3)).root;
    if (out.kind !== "derived") throw new Error("expected a derived node");
    expect(out.id).toBe(d3.id);
    expect(out.terms).toEqual(d3.terms);
    expect(out.cause1).toBe(y);
    expect(out.cause2.kind).toBe("unavailable");
    expect(out.cause2.kind === "unavailable" && out.cause2.versions.toString()).toBe("1.0.0 or 1.1.0 or 1.2.0");
  });

  it("keeps facts with different reasons apart", () => {
    const b = new TreeBuilder();
    const y = b.dependency("root", "1.0.0", "foo", "^1.0.0");
    const d1 = b.derived(b.unavailable("foo", "1.0.0", "yanked"), y, "not foo >=1.0.1 <2.0.0");
    const d2 = b.derived(b.unavailable("foo", "1.1.0", "no metadata"), d1, "not foo >=1.0.1 <1.1.0 or >=1.1.1 <2.0.0");
    const tree = b.tree(d2);
    expect(mergeUnavailable(tree).root).toBe(tree.root);
    expect(mergeUnavailable(tree, () => true).root).not.toBe(tree.root);
  });

  it("merges two side-by-side facts", () => {
    const b = new TreeBuilder();
    const d = b.derived(b.unavailable("foo", "1.0.0", "yanked"), b.unavailable("foo", "2.0.0", "yanked"), "foo 1.0.0 or 2.0.0");
    const out = mergeUnavailable(b.tree(d)).root;
    expect(out.kind === "unavailable" && out.versions.toString()).toBe("1.0.0 or 2.0.0");
  });
});
