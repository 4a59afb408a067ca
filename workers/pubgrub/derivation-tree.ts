// The derivation tree: the proof of failure as plain data (external facts as leaves, derived facts as inner nodes).
import type { ExternalCause, Incompatibility } from "./internal/incompatibility";
import type { VersionSet } from "./version-set";

/** A term of a tree node: `package` is (positive) or is not (negative) selected at a version in `set`. */
export interface TreeTerm<S> {
  readonly package: string;
  readonly positive: boolean;
  readonly set: S;
}

interface NodeBase<S> {
  /** Unique within the tree; two references with the same id are the same node. */
  readonly id: number;
  /** The incompatibility: these terms are never all true. */
  readonly terms: readonly TreeTerm<S>[];
}

/** A leaf: an external fact (root, dependency, no-versions or unavailable). */
export type ExternalNode<V, S, R> = NodeBase<S> & ExternalCause<V, S, R>;

/** An inner node: derived by resolution from `cause1` (the conflict) and `cause2` (the satisfier's cause). */
export interface DerivedNode<V, S, R> extends NodeBase<S> {
  readonly kind: "derived";
  readonly cause1: DerivationNode<V, S, R>;
  readonly cause2: DerivationNode<V, S, R>;
  /** The node's id when it is a cause of more than one node in the tree, else null. */
  readonly sharedId: number | null;
}

export type DerivationNode<V, S, R> = ExternalNode<V, S, R> | DerivedNode<V, S, R>;

export type NodeKind = DerivationNode<unknown, unknown, unknown>["kind"];

/** Why solving failed: `root` derives that the root package can't be selected. */
export interface DerivationTree<V, S, R> {
  readonly root: DerivationNode<V, S, R>;
  readonly rootPackage: string;
  readonly rootVersion: V;
}

export function isDerived<V, S, R>(node: DerivationNode<V, S, R>): node is DerivedNode<V, S, R> {
  return node.kind === "derived";
}

/** Every distinct node reachable from `root`, causes before the nodes derived from them. */
export function nodesBottomUp<V, S, R>(root: DerivationNode<V, S, R>): DerivationNode<V, S, R>[] {
  const out: DerivationNode<V, S, R>[] = [];
  const seen = new Set<DerivationNode<V, S, R>>();
  const stack: { node: DerivationNode<V, S, R>; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop() as { node: DerivationNode<V, S, R>; expanded: boolean };
    if (top.expanded) {
      out.push(top.node);
      continue;
    }
    if (seen.has(top.node)) continue;
    seen.add(top.node);
    stack.push({ node: top.node, expanded: true });
    if (isDerived(top.node)) {
      stack.push({ node: top.node.cause2, expanded: false });
      stack.push({ node: top.node.cause1, expanded: false });
    }
  }
  return out;
}

/** How many derived nodes list each node as a cause (the root counts 0). */
export function parentCounts<V, S, R>(root: DerivationNode<V, S, R>): Map<DerivationNode<V, S, R>, number> {
  const counts = new Map<DerivationNode<V, S, R>, number>();
  for (const node of nodesBottomUp(root)) {
    if (!counts.has(node)) counts.set(node, 0);
    if (isDerived(node)) {
      counts.set(node.cause1, (counts.get(node.cause1) ?? 0) + 1);
      counts.set(node.cause2, (counts.get(node.cause2) ?? 0) + 1);
    }
  }
  return counts;
}

/** Converts the solver's incompatibility graph under `root` into a derivation tree (sharing preserved). */
export function buildDerivationTree<V, S extends VersionSet<V, S>, R>(
  root: Incompatibility<V, S, R>,
  rootPackage: string,
  rootVersion: V,
): DerivationTree<V, S, R> {
  // Count parents over distinct incompatibilities, iteratively (trees can be deep).
  const parents = new Map<Incompatibility<V, S, R>, number>();
  const order: Incompatibility<V, S, R>[] = [];
  const stack: { inc: Incompatibility<V, S, R>; expanded: boolean }[] = [{ inc: root, expanded: false }];
  const seen = new Set<Incompatibility<V, S, R>>();
  while (stack.length > 0) {
    const top = stack.pop() as { inc: Incompatibility<V, S, R>; expanded: boolean };
    if (top.expanded) {
      order.push(top.inc);
      continue;
    }
    if (seen.has(top.inc)) continue;
    seen.add(top.inc);
    stack.push({ inc: top.inc, expanded: true });
    const cause = top.inc.cause;
    if (cause.kind === "derived") {
      parents.set(cause.cause1, (parents.get(cause.cause1) ?? 0) + 1);
      parents.set(cause.cause2, (parents.get(cause.cause2) ?? 0) + 1);
      stack.push({ inc: cause.cause2, expanded: false });
      stack.push({ inc: cause.cause1, expanded: false });
    }
  }
  const built = new Map<Incompatibility<V, S, R>, DerivationNode<V, S, R>>();
  for (const inc of order) {
    const terms: TreeTerm<S>[] = inc.packages.map((p, i) => ({
      package: p,
      positive: inc.terms[i].positive,
      set: inc.terms[i].set,
    }));
    const cause = inc.cause;
    let node: DerivationNode<V, S, R>;
    if (cause.kind === "derived") {
      node = {
        kind: "derived",
        id: inc.id,
        terms,
        cause1: built.get(cause.cause1) as DerivationNode<V, S, R>,
        cause2: built.get(cause.cause2) as DerivationNode<V, S, R>,
        sharedId: (parents.get(inc) ?? 0) > 1 ? inc.id : null,
      };
    } else {
      node = { ...cause, id: inc.id, terms };
    }
    built.set(inc, node);
  }
  return { root: built.get(root) as DerivationNode<V, S, R>, rootPackage, rootVersion };
}
