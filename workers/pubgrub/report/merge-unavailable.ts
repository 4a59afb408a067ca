// Simplification pass: merge chains of "P is unavailable" (same reason) or "no versions of P" facts into one fact.
import type { DerivationNode, DerivationTree, ExternalNode } from "../derivation-tree";
import type { VersionSet } from "../version-set";
import { transformTree } from "./transform-tree";

type Mergeable<V, S, R> = Extract<ExternalNode<V, S, R>, { kind: "unavailable" | "no-versions" }>;

function mergeable<V, S, R>(node: DerivationNode<V, S, R>): node is Mergeable<V, S, R> {
  return node.kind === "unavailable" || node.kind === "no-versions";
}

/**
 * Instead of "Because foo 1.0 is unavailable (yanked) and foo 1.1 is unavailable (yanked) and ...",
 * says "Because foo 1.0 or 1.1 is unavailable (yanked)": a derived node whose causes are such a fact
 * `{p a}` and a derived node resolving `{p b}` (same kind, same package, same reason) with `Y`
 * becomes the resolution of `{p a ∪ b}` with `Y`; two such facts side by side become one.
 * The conclusions are unchanged: each resolution was on `p`.
 */
export function mergeUnavailable<V, S extends VersionSet<V, S>, R>(
  tree: DerivationTree<V, S, R>,
  sameReason: (a: R, b: R) => boolean = Object.is,
): DerivationTree<V, S, R> {
  const same = (a: Mergeable<V, S, R>, b: Mergeable<V, S, R>): boolean =>
    a.kind === b.kind &&
    a.package === b.package &&
    (a.kind !== "unavailable" || (b.kind === "unavailable" && sameReason(a.reason, b.reason)));
  const merged = (a: Mergeable<V, S, R>, b: Mergeable<V, S, R>, id: number): Mergeable<V, S, R> => {
    const versions = a.versions.union(b.versions);
    return { ...a, id, versions, terms: [{ package: a.package, positive: true, set: versions }] };
  };
  return transformTree(tree, (node, ctx) => {
    if (node.kind !== "derived") return node;
    const { cause1, cause2 } = node;
    if (mergeable(cause1) && mergeable(cause2)) {
      return same(cause1, cause2) ? { ...merged(cause1, cause2, node.id), terms: node.terms } : node;
    }
    const factFirst = mergeable(cause1);
    const fact = factFirst ? cause1 : cause2;
    const other = factFirst ? cause2 : cause1;
    if (!mergeable(fact) || other.kind !== "derived") return node;
    const inner = mergeable(other.cause1) ? other.cause1 : mergeable(other.cause2) ? other.cause2 : null;
    if (!inner || !mergeable(inner) || !same(fact, inner)) return node;
    const rest = inner === other.cause1 ? other.cause2 : other.cause1;
    const fused = merged(fact, inner, ctx.freshId());
    return {
      kind: "derived",
      id: node.id,
      terms: node.terms,
      cause1: factFirst ? fused : rest,
      cause2: factFirst ? rest : fused,
      sharedId: null,
    };
  });
}
