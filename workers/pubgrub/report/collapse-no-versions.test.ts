// Tests of the pass that folds "no versions of P match R" facts into the facts they only trim.
import { describe, expect, it } from "vitest";
import { nodesBottomUp } from "../derivation-tree";
import { TreeBuilder } from "../test-support/tree-builder";
import { collapseNoVersions } from "./collapse-no-versions";

describe("collapseNoVersions", () => {
  it("widens the depending package's range of a dependency (exact)", () => {
    const b = new TreeBuilder();
    const d = b.derived(b.dependency("foo", "1.0.0", "bar", "^1.0.0"), b.noVersions("foo", ">=1.0.1 <2.0.0"), "foo ^1.0.0", "not bar ^1.0.0");
    const out = collapseNoVersions(b.tree(d)).root;
    expect(out.kind).toBe("dependency");
    if (out.kind !== "dependency") return;
    expect(out.id).toBe(d.id);
    expect(out.versions.toString()).toBe("^1.0.0");
    expect(out.dependencyRange.toString()).toBe("^1.0.0");
    expect(out.terms).toEqual(d.terms);
  });

  it("keeps a dependency as declared when the missing versions only trim it", () => {
    const b = new TreeBuilder();
    const dep = b.dependency("root", "1.0.0", "foo", "^1.0.0");
    const d = b.derived(dep, b.noVersions("foo", ">=1.5.0 <2.0.0"), "not foo >=1.0.0 <1.5.0");
    expect(collapseNoVersions(b.tree(d)).root).toBe(dep);
  });

  it("keeps the fact when nothing is left of the dependency: it is the reason", () => {
    const b = new TreeBuilder();
    const d = b.derived(b.dependency("root", "1.0.0", "foo", "^1.0.0"), b.noVersions("foo", "^1.0.0"), "root 1.0.0");
    const tree = b.tree(d);
    expect(collapseNoVersions(tree).root).toBe(tree.root);
  });

  it("drops it next to a derived fact about the same packages", () => {
    const b = new TreeBuilder();
    const x = b.derived(b.dependency("foo", "1.0.0", "bar", "^2.0.0"), b.dependency("root", "1.0.0", "bar", "^1.0.0"), "foo 1.0.0");
    const d = b.derived(b.noVersions("foo", ">=1.0.1 <1.1.0"), x, "foo <1.1.0");
    expect(collapseNoVersions(b.tree(d)).root).toBe(x);
  });

  it("joins it with an unavailable fact or another no-versions fact on the package", () => {
    const b = new TreeBuilder();
    const u = b.derived(b.noVersions("foo", "<1.0.0"), b.unavailable("foo", "1.0.0", "yanked"), "foo <1.0.1");
    const out = collapseNoVersions(b.tree(u)).root;
    expect(out.kind === "unavailable" && out.versions.toString()).toBe("<1.0.1");
    expect(out.kind === "unavailable" && out.reason).toBe("yanked");
    const n = b.derived(b.noVersions("foo", "<1.0.0"), b.noVersions("foo", ">=2.0.0"), "foo <1.0.0 or >=2.0.0");
    const merged = collapseNoVersions(b.tree(n)).root;
    expect(merged.kind === "no-versions" && merged.versions.toString()).toBe("<1.0.0 or >=2.0.0");
  });

  it("only touches the packages it is asked to", () => {
    const b = new TreeBuilder();
    const d = b.derived(b.dependency("foo", "1.0.0", "bar", "^1.0.0"), b.noVersions("foo", ">=1.0.1 <2.0.0"), "foo ^1.0.0", "not bar ^1.0.0");
    const tree = b.tree(d);
    expect(collapseNoVersions(tree, { include: (p) => p !== "foo" }).root).toBe(tree.root);
  });

  it("keeps shared subtrees shared and recomputes which nodes are shared", () => {
    const b = new TreeBuilder();
    const s = b.derived(b.dependency("foo", "any", "bar", "^1.0.0"), b.noVersions("bar", "^1.0.0"), "foo any");
    const q = b.derived(b.dependency("x", "any", "foo", "^1.0.0"), s, "x any");
    const p = b.derived(b.dependency("y", "1.0.0", "foo", "^1.0.0"), s, "y 1.0.0");
    const p2 = b.derived(p, b.noVersions("y", ">=1.0.1"), "y >=1.0.0");
    const tree = b.tree(b.derived(q, p2, "root 1.0.0"));
    const before = nodesBottomUp(tree.root).find((n) => n.id === s.id);
    expect(before?.kind === "derived" && before.sharedId).toBe(s.id);
    const out = collapseNoVersions(tree);
    const nodes = nodesBottomUp(out.root);
    expect(nodes.filter((n) => n.id === s.id)).toHaveLength(1);
    expect(nodes.some((n) => n.kind === "no-versions" && n.package === "y")).toBe(false);
    const after = nodes.find((n) => n.id === s.id);
    expect(after?.kind === "derived" && after.sharedId).toBe(s.id);
  });
});
