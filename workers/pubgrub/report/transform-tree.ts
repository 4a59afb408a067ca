// Bottom-up rewriting of a derivation tree, preserving shared nodes and recomputing which nodes are shared.
import { isDerived, nodesBottomUp, parentCounts } from "../derivation-tree";
import type { DerivationNode, DerivationTree, DerivedNode } from "../derivation-tree";

export interface RewriteContext {
  /** An id not used by any node of the input tree nor returned before. */
  freshId(): number;
}

/**
 * Rewrites every node once, causes first. `rewrite` receives the node with its causes already
 * rewritten and returns its replacement: the node itself, one of its (rewritten) causes, or a new
 * node. A new node replacing `node` may reuse `node.id`; any other new node needs `freshId()`.
 * Shared subtrees stay shared, and `sharedId` is recomputed on the result.
 */
export function transformTree<V, S, R>(
  tree: DerivationTree<V, S, R>,
  rewrite: (node: DerivationNode<V, S, R>, ctx: RewriteContext) => DerivationNode<V, S, R>,
): DerivationTree<V, S, R> {
  const nodes = nodesBottomUp(tree.root);
  let next = nodes.reduce((m, n) => Math.max(m, n.id), 0) + 1;
  const ctx: RewriteContext = { freshId: () => next++ };
  const memo = new Map<DerivationNode<V, S, R>, DerivationNode<V, S, R>>();
  for (const node of nodes) {
    let current = node;
    if (isDerived(node)) {
      const cause1 = memo.get(node.cause1) as DerivationNode<V, S, R>;
      const cause2 = memo.get(node.cause2) as DerivationNode<V, S, R>;
      if (cause1 !== node.cause1 || cause2 !== node.cause2) current = { ...node, cause1, cause2 };
    }
    memo.set(node, rewrite(current, ctx));
  }
  return { ...tree, root: withSharing(memo.get(tree.root) as DerivationNode<V, S, R>) };
}

/** Returns `root` with every derived node's `sharedId` set from its actual number of parents. */
export function withSharing<V, S, R>(root: DerivationNode<V, S, R>): DerivationNode<V, S, R> {
  const counts = parentCounts(root);
  const memo = new Map<DerivationNode<V, S, R>, DerivationNode<V, S, R>>();
  for (const node of nodesBottomUp(root)) {
    if (!isDerived(node)) {
      memo.set(node, node);
      continue;
    }
    const cause1 = memo.get(node.cause1) as DerivationNode<V, S, R>;
    const cause2 = memo.get(node.cause2) as DerivationNode<V, S, R>;
    const sharedId = (counts.get(node) ?? 0) > 1 ? node.id : null;
    const same = cause1 === node.cause1 && cause2 === node.cause2 && sharedId === node.sharedId;
    const rebuilt: DerivedNode<V, S, R> = same ? node : { ...node, cause1, cause2, sharedId };
    memo.set(node, rebuilt);
  }
  return memo.get(root) as DerivationNode<V, S, R>;
}
