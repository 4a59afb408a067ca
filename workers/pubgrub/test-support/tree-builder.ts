// Test support: builds derivation trees by hand, with semver-like ranges, for report tests.
import type { DerivationNode, DerivationTree, DerivedNode, ExternalNode, TreeTerm } from "../derivation-tree";
import { withSharing } from "../report/transform-tree";
import type { IntRange } from "./int-range";
import { range, ver } from "./semver";

type Node = DerivationNode<number, IntRange, string>;

/** "foo ^1.0.0" -> positive term; "not foo ^1.0.0" -> negative term. */
export function term(text: string): TreeTerm<IntRange> {
  const negative = text.startsWith("not ");
  const [pkg, ...rest] = (negative ? text.slice(4) : text).split(" ");
  return { package: pkg, positive: !negative, set: range(rest.join(" ") || "any") };
}

export class TreeBuilder {
  private next = 1;

  dependency(pkg: string, versions: string, dependency: string, dependencyRange: string): ExternalNode<number, IntRange, string> {
    const v = range(versions);
    const r = range(dependencyRange);
    return {
      kind: "dependency",
      id: this.next++,
      package: pkg,
      versions: v,
      dependency,
      dependencyRange: r,
      terms: [
        { package: pkg, positive: true, set: v },
        { package: dependency, positive: false, set: r },
      ],
    };
  }

  noVersions(pkg: string, versions: string): ExternalNode<number, IntRange, string> {
    const v = range(versions);
    return { kind: "no-versions", id: this.next++, package: pkg, versions: v, terms: [{ package: pkg, positive: true, set: v }] };
  }

  unavailable(pkg: string, versions: string, reason: string): ExternalNode<number, IntRange, string> {
    const v = range(versions);
    return { kind: "unavailable", id: this.next++, package: pkg, versions: v, reason, terms: [{ package: pkg, positive: true, set: v }] };
  }

  derived(cause1: Node, cause2: Node, ...terms: string[]): DerivedNode<number, IntRange, string> {
    return { kind: "derived", id: this.next++, terms: terms.map(term), cause1, cause2, sharedId: null };
  }

  tree(root: Node): DerivationTree<number, IntRange, string> {
    return { root: withSharing(root), rootPackage: "root", rootVersion: ver("1.0.0") };
  }
}
