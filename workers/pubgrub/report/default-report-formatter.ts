// The default, pub-style phrasing of derivation-tree facts; subclass it to phrase facts in a domain's language.
import type { DerivationNode, DerivationTree, DerivedNode, ExternalNode, TreeTerm } from "../derivation-tree";
import type { VersionSet } from "../version-set";
import type { NodeRef, ReportFormatter } from "./report-formatter";

/**
 * Pub's wording (lib/src/solver/incompatibility.dart), over any version-set type:
 * "every version of foo depends on bar ^2.0.0", "foo >=1.1.0 is forbidden",
 * "root depends on both baz ^1.0.0 and foo ^1.0.0", "foo depends on bar which depends on baz".
 * Every piece is a method, so a subclass can change how packages, sets, reasons or facts read.
 */
export class DefaultReportFormatter<V, S extends VersionSet<V, S>, R> implements ReportFormatter<V, S, R> {
  /** A package's name as shown. */
  packageText(pkg: string, _tree: DerivationTree<V, S, R>): string {
    return pkg;
  }

  /** A version set as shown after a package name. */
  setText(_pkg: string, set: S): string {
    return set.toString();
  }

  versionText(version: V): string {
    return String(version);
  }

  /** The reason an `unavailable` fact gives. */
  reasonText(reason: R): string {
    return String(reason);
  }

  /**
   * "foo ^1.0.0"; "foo" (or "every version of foo") for any version; just the name for the root
   * as a subject (a requirement on the root keeps its range).
   */
  terse(term: TreeTerm<S>, tree: DerivationTree<V, S, R>, allowEvery = false): string {
    const name = this.packageText(term.package, tree);
    if (term.package === tree.rootPackage && term.positive) return name;
    if (term.set.isAny()) return allowEvery && term.positive ? `every version of ${name}` : name;
    return `${name} ${this.setText(term.package, term.set)}`;
  }

  /** The verb linking a node's positive terms to its negative ones. */
  verb(node: DerivationNode<V, S, R>): string {
    return node.kind === "dependency" ? "depends on" : "requires";
  }

  /** Whether `terms` say that the root can't be selected, i.e. that solving failed. */
  isFailure(terms: readonly TreeTerm<S>[], tree: DerivationTree<V, S, R>): boolean {
    return terms.length === 0 || (terms.length === 1 && terms[0].positive && terms[0].package === tree.rootPackage);
  }

  failure(_tree: DerivationTree<V, S, R>): string {
    return "version solving failed";
  }

  external(node: ExternalNode<V, S, R>, tree: DerivationTree<V, S, R>): string {
    switch (node.kind) {
      case "root":
        return `${this.packageText(node.package, tree)} is ${this.versionText(node.version)}`;
      case "dependency": {
        const depender = { package: node.package, positive: true, set: node.versions };
        const dependency = { package: node.dependency, positive: false, set: node.dependencyRange };
        return `${this.terse(depender, tree, true)} depends on ${this.terse(dependency, tree)}`;
      }
      case "no-versions": {
        const name = this.packageText(node.package, tree);
        return node.versions.isAny()
          ? `no versions of ${name} exist`
          : `no versions of ${name} match ${this.setText(node.package, node.versions)}`;
      }
      case "unavailable": {
        const subject = this.terse({ package: node.package, positive: true, set: node.versions }, tree, true);
        return `${subject} is unavailable (${this.reasonText(node.reason)})`;
      }
    }
  }

  conclusion(node: DerivedNode<V, S, R>, tree: DerivationTree<V, S, R>): string {
    const terms = node.terms;
    if (this.isFailure(terms, tree)) return this.failure(tree);
    if (terms.length === 1) {
      return `${this.terse(terms[0], tree)} is ${terms[0].positive ? "forbidden" : "required"}`;
    }
    if (terms.length === 2 && terms[0].positive === terms[1].positive) {
      return terms[0].positive
        ? `${this.terse(terms[0], tree)} is incompatible with ${this.terse(terms[1], tree)}`
        : `either ${this.terse(terms[0], tree)} or ${this.terse(terms[1], tree)}`;
    }
    const positive = terms.filter((t) => t.positive);
    const negative = terms.filter((t) => !t.positive).map((t) => this.terse(t, tree));
    if (positive.length > 0 && negative.length > 0) {
      return positive.length === 1
        ? `${this.terse(positive[0], tree, true)} requires ${negative.join(" or ")}`
        : `if ${positive.map((t) => this.terse(t, tree)).join(" and ")} then ${negative.join(" or ")}`;
    }
    return positive.length > 0
      ? `one of ${positive.map((t) => this.terse(t, tree)).join(" or ")} must be false`
      : `one of ${negative.join(" or ")} must be true`;
  }

  describe(node: DerivationNode<V, S, R>, tree: DerivationTree<V, S, R>): string {
    return node.kind === "derived" ? this.conclusion(node, tree) : this.external(node, tree);
  }

  describeBoth(a: NodeRef<V, S, R>, b: NodeRef<V, S, R>, tree: DerivationTree<V, S, R>): string {
    return (
      this.requiresBoth(a, b, tree) ??
      this.requiresThrough(a, b, tree) ??
      this.requiresForbidden(a, b, tree) ??
      `${this.describe(a.node, tree)}${ref(a.line)} and ${this.describe(b.node, tree)}${ref(b.line)}`
    );
  }

  /** "foo depends on both A and B" when both facts have the same single positive term. */
  protected requiresBoth(a: NodeRef<V, S, R>, b: NodeRef<V, S, R>, tree: DerivationTree<V, S, R>): string | null {
    const at = a.node.terms;
    const bt = b.node.terms;
    if (at.length === 1 || bt.length === 1) return null;
    const ap = single(at, true);
    const bp = single(bt, true);
    if (!ap || !bp || ap.package !== bp.package || !ap.set.equals(bp.set)) return null;
    const aNeg = negatives(at).map((t) => this.terse(t, tree)).join(" or ");
    const bNeg = negatives(bt).map((t) => this.terse(t, tree)).join(" or ");
    const verb = a.node.kind === "dependency" && b.node.kind === "dependency" ? this.verb(a.node) : "requires";
    return `${this.terse(ap, tree, true)} ${verb} both ${aNeg}${ref(a.line)} and ${bNeg}${ref(b.line)}`;
  }

  /** "foo depends on bar which depends on baz" when one fact's requirement is the other's subject. */
  protected requiresThrough(a: NodeRef<V, S, R>, b: NodeRef<V, S, R>, tree: DerivationTree<V, S, R>): string | null {
    const at = a.node.terms;
    const bt = b.node.terms;
    if (at.length === 1 || bt.length === 1) return null;
    const aNeg = single(at, false);
    const bNeg = single(bt, false);
    const aPos = single(at, true);
    const bPos = single(bt, true);
    let prior: NodeRef<V, S, R>;
    let priorNeg: TreeTerm<S>;
    let latter: NodeRef<V, S, R>;
    if (aNeg && bPos && aNeg.package === bPos.package && aNeg.set.isSubsetOf(bPos.set)) {
      [prior, priorNeg, latter] = [a, aNeg, b];
    } else if (bNeg && aPos && bNeg.package === aPos.package && bNeg.set.isSubsetOf(aPos.set)) {
      [prior, priorNeg, latter] = [b, bNeg, a];
    } else {
      return null;
    }
    const priorPositives = prior.node.terms.filter((t) => t.positive);
    const latterNegatives = negatives(latter.node.terms);
    if (priorPositives.length === 0 || latterNegatives.length === 0) return null;
    const head =
      priorPositives.length > 1
        ? `if ${priorPositives.map((t) => this.terse(t, tree)).join(" or ")} then `
        : `${this.terse(priorPositives[0], tree, true)} ${this.verb(prior.node)} `;
    const tail = latterNegatives.map((t) => this.terse(t, tree)).join(" or ");
    return `${head}${this.terse(priorNeg, tree)}${ref(prior.line)} which ${this.verb(latter.node)} ${tail}${ref(latter.line)}`;
  }

  /** "foo depends on bar >=2 which doesn't match any versions" / "... which is forbidden". */
  protected requiresForbidden(a: NodeRef<V, S, R>, b: NodeRef<V, S, R>, tree: DerivationTree<V, S, R>): string | null {
    if (a.node.terms.length !== 1 && b.node.terms.length !== 1) return null;
    const [prior, latter] = a.node.terms.length === 1 ? [b, a] : [a, b];
    // A one-term dependency fact (a requirement nothing can meet) says more in its own words than "which is forbidden".
    if (latter.node.kind === "dependency" || latter.node.kind === "root") return null;
    const neg = single(prior.node.terms, false);
    const target = latter.node.terms[0];
    if (!neg || !target || neg.package !== target.package) return null;
    const implies = target.positive ? neg.set.isSubsetOf(target.set) : neg.set.isDisjoint(target.set);
    if (!implies) return null;
    const positives = prior.node.terms.filter((t) => t.positive);
    if (positives.length === 0) return null;
    const head =
      positives.length > 1
        ? `if ${positives.map((t) => this.terse(t, tree)).join(" or ")} then `
        : `${this.terse(positives[0], tree, true)} ${this.verb(prior.node)} `;
    const priorLine = prior.line !== null ? `(${prior.line}) ` : "";
    let which: string;
    if (latter.node.kind === "no-versions") which = "which doesn't match any versions";
    else if (latter.node.kind === "unavailable") which = `which is unavailable (${this.reasonText(latter.node.reason)})`;
    else which = "which is forbidden";
    return `${head}${this.terse(target, tree)} ${priorLine}${which}${ref(latter.line)}`;
  }
}

function ref(line: number | null): string {
  return line !== null ? ` (${line})` : "";
}

function single<S>(terms: readonly TreeTerm<S>[], positive: boolean): TreeTerm<S> | null {
  const found = terms.filter((t) => t.positive === positive);
  return found.length === 1 ? found[0] : null;
}

function negatives<S>(terms: readonly TreeTerm<S>[]): TreeTerm<S>[] {
  return terms.filter((t) => !t.positive);
}
