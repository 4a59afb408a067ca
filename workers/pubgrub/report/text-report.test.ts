// Tests of the numbered text report: pub's layout rules on hand-built trees, and custom formatters.
import { describe, expect, it } from "vitest";
import type { DerivationNode, DerivationTree, TreeTerm } from "../derivation-tree";
import { solve } from "../solver";
import type { IntRange } from "../test-support/int-range";
import { RegistryProvider, registryOf } from "../test-support/registry-provider";
import { range, semverSets, ver } from "../test-support/semver";
import { simplify } from "../test-support/explain";
import { TreeBuilder } from "../test-support/tree-builder";
import { DefaultReportFormatter } from "./default-report-formatter";
import { reportText } from "./text-report";

describe("reportText", () => {
  it("writes 'Thus' after two derivations when one of them is a single line", () => {
    const b = new TreeBuilder();
    const d1 = b.derived(b.dependency("a", "any", "b", "^1.0.0"), b.dependency("b", "any", "c", "^1.0.0"), "a any", "not c ^1.0.0");
    const d3 = b.derived(b.dependency("root", "1.0.0", "d", "^1.0.0"), b.dependency("d", "any", "c", "^2.0.0"), "not c ^2.0.0");
    const d2 = b.derived(d1, d3, "a any");
    const d4 = b.derived(b.dependency("root", "1.0.0", "e", "^1.0.0"), b.dependency("e", "any", "a", "^1.0.0"), "not a ^1.0.0");
    const report = reportText(b.tree(b.derived(d2, d4)));
    expect(report.text).toBe(
      [
        "Because every version of a depends on b ^1.0.0 which depends on c ^1.0.0, every version of a requires c ^1.0.0.",
        "Because root depends on d ^1.0.0 which depends on c ^2.0.0, c ^2.0.0 is required.",
        "Thus, a is forbidden.",
        "Because root depends on e ^1.0.0 which depends on a ^1.0.0, a ^1.0.0 is required.",
        "Thus, version solving failed.",
      ].join("\n"),
    );
    expect(report.lines.every((l) => l.number === null)).toBe(true);
  });

  it("numbers shared derivations and side conclusions, and cites them later", () => {
    const b = new TreeBuilder();
    const s = b.derived(b.dependency("foo", "any", "bar", "^1.0.0"), b.noVersions("bar", "^1.0.0"), "foo any");
    const q = b.derived(b.dependency("x", "any", "foo", "^1.0.0"), s, "x any");
    const p = b.derived(b.dependency("y", "any", "foo", "^1.0.0"), s, "y any");
    const q1 = b.derived(b.dependency("z", "1.0.0", "x", "^1.0.0"), q, "z 1.0.0");
    const p1 = b.derived(b.dependency("z", "2.0.0", "y", "^1.0.0"), p, "z 2.0.0");
    const z = b.derived(q1, p1, "z any");
    const tree = b.tree(b.derived(z, b.dependency("root", "1.0.0", "z", "any"), "root 1.0.0"));
    const report = reportText(tree);
    expect(report.text).toBe(
      [
        "(1) Because every version of foo depends on bar ^1.0.0 which doesn't match any versions, foo is forbidden.",
        "(2) So, because z 1.0.0 depends on x ^1.0.0 which depends on foo ^1.0.0, z 1.0.0 is forbidden.",
        "",
        "    Because every version of y depends on foo which is forbidden (1), y is forbidden.",
        "    And because z 2.0.0 depends on y ^1.0.0, z 2.0.0 is forbidden.",
        "    And because z 1.0.0 is forbidden (2), z is forbidden.",
        "    So, because root depends on z, version solving failed.",
      ].join("\n"),
    );
    expect(report.lines[0]).toEqual({ text: report.lines[0].text, number: 1, nodeId: s.id });
  });

  it("states a failure that is a single external fact", () => {
    const b = new TreeBuilder();
    const tree = b.tree(b.unavailable("root", "1.0.0", "its metadata is missing"));
    expect(reportText(tree).text).toBe("Because root is unavailable (its metadata is missing), version solving failed.");
  });

  it("phrases facts through a custom formatter", async () => {
    class YouFormatter extends DefaultReportFormatter<number, IntRange, string> {
      override terse(t: TreeTerm<IntRange>, tree: DerivationTree<number, IntRange, string>, allowEvery = false): string {
        return t.package === tree.rootPackage ? "you" : super.terse(t, tree, allowEvery);
      }
      override verb(node: DerivationNode<number, IntRange, string>): string {
        return node.kind === "dependency" && node.package === "root" ? "require" : super.verb(node);
      }
      override failure(): string {
        return "your requirements can't be met";
      }
    }
    const registry = registryOf(
      {
        root: { "1.0.0": { foo: "^1.0.0", baz: "^1.0.0" } },
        foo: { "1.0.0": { bar: "^2.0.0" } },
        bar: { "2.0.0": { baz: "^3.0.0" } },
        baz: { "1.0.0": {}, "3.0.0": {} },
      },
      ver,
      range,
    );
    const provider = new RegistryProvider(registry);
    const result = await solve({ rootPackage: "root", rootVersion: ver("1.0.0"), provider, versionSets: semverSets });
    if (result.kind !== "unsolvable") throw new Error("expected no solution");
    expect(reportText(simplify(result.tree, registry, semverSets), new YouFormatter()).text).toBe(
      [
        "Because every version of foo depends on bar ^2.0.0 which depends on baz ^3.0.0, every version of foo requires baz ^3.0.0.",
        "So, because you require both baz ^1.0.0 and foo ^1.0.0, your requirements can't be met.",
      ].join("\n"),
    );
  });
});
