// Simplification pass: rewrite version sets through a caller-supplied hook (e.g. to the versions that exist).
import type { DerivationTree, TreeTerm } from "../derivation-tree";
import { transformTree } from "./transform-tree";

/** Where a version set appears in the tree. */
export type RangePlace =
  /** The versions of the depending package in a dependency fact. */
  | "depender"
  /** The accepted versions of the dependency in a dependency fact. */
  | "dependency"
  | "no-versions"
  | "unavailable"
  /** Positive terms of derived nodes ("foo >=1.1 is forbidden"). */
  | "positive-term"
  /** Negative terms of derived nodes ("... requires bar ^2.0"). */
  | "negative-term";

/**
 * Like pub, by default only the sets saying "which versions of a package" are shortened; the
 * requirements a package declares ("depends on bar ^2.0") are quoted as written.
 */
export const DEFAULT_RANGE_PLACES: readonly RangePlace[] = ["depender", "unavailable", "positive-term"];

/** Replaces each set `s` of `pkg` at a selected place by `shorten(pkg, s, place)`; the root package's sets are kept. */
export function shortenRanges<V, S, R>(
  tree: DerivationTree<V, S, R>,
  shorten: (pkg: string, set: S, place: RangePlace) => S,
  places: readonly RangePlace[] = DEFAULT_RANGE_PLACES,
): DerivationTree<V, S, R> {
  const on = new Set(places);
  const apply = (pkg: string, set: S, place: RangePlace): S =>
    on.has(place) && pkg !== tree.rootPackage ? shorten(pkg, set, place) : set;
  const terms = (ts: readonly TreeTerm<S>[], external: "depender" | "no-versions" | "unavailable" | null) =>
    ts.map((t) => ({
      ...t,
      set:
        external === null
          ? apply(t.package, t.set, t.positive ? "positive-term" : "negative-term")
          : apply(t.package, t.set, t.positive ? external : "dependency"),
    }));
  return transformTree(tree, (node) => {
    switch (node.kind) {
      case "root":
        return node;
      case "dependency":
        return {
          ...node,
          versions: apply(node.package, node.versions, "depender"),
          dependencyRange: apply(node.dependency, node.dependencyRange, "dependency"),
          terms: terms(node.terms, "depender"),
        };
      case "no-versions":
        return { ...node, versions: apply(node.package, node.versions, "no-versions"), terms: terms(node.terms, "no-versions") };
      case "unavailable":
        return { ...node, versions: apply(node.package, node.versions, "unavailable"), terms: terms(node.terms, "unavailable") };
      case "derived":
        return { ...node, terms: terms(node.terms, null) };
    }
  });
}
