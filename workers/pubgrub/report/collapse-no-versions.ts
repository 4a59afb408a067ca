// Simplification pass: hide "no versions of P in R" facts that only say a range has holes where no versions exist.
import type { DerivationNode, DerivationTree, TreeTerm } from "../derivation-tree";
import type { VersionSet } from "../version-set";
import { transformTree } from "./transform-tree";

export interface CollapseNoVersionsOptions {
  /** Which packages' no-versions facts may be collapsed (default: all). */
  readonly include?: (pkg: string) => boolean;
}

/** Packages and polarities of `terms`, ignoring the root package. */
function shape<S>(terms: readonly TreeTerm<S>[], rootPackage: string): string {
  return terms
    .filter((t) => t.package !== rootPackage)
    .map((t) => `${t.positive ? "+" : "-"}${t.package}`)
    .sort()
    .join("\u0000");
}

/**
 * A derived node resolving a no-versions fact `{p r}` with another cause is replaced by that
 * cause, widened by `r` where that is exact, when the no-versions fact only trims `p`'s range:
 *
 * - with `p v depends on q`: becomes `p (v ∪ r) depends on q` (exact);
 * - with `p v is unavailable`: becomes `p (v ∪ r) is unavailable` (exact);
 * - with another no-versions fact on `p`: becomes one no-versions fact on the union (exact);
 * - with `o depends on p s` where some of `s` remains: becomes the dependency as declared;
 * - with a derived fact over the same packages: becomes that derived fact.
 *
 * The last two differ from the replaced node only on versions that don't exist, so every
 * statement of the explanation stays true for the versions that do. When the no-versions fact
 * removes a package entirely (e.g. nothing satisfies a dependency), it is the reason itself and kept.
 */
export function collapseNoVersions<V, S extends VersionSet<V, S>, R>(
  tree: DerivationTree<V, S, R>,
  options: CollapseNoVersionsOptions = {},
): DerivationTree<V, S, R> {
  const include = options.include ?? (() => true);
  return transformTree(tree, (node) => {
    if (node.kind !== "derived") return node;
    const { cause1, cause2 } = node;
    let nv: DerivationNode<V, S, R>;
    let other: DerivationNode<V, S, R>;
    if (cause1.kind === "no-versions" && include(cause1.package)) {
      nv = cause1;
      other = cause2;
    } else if (cause2.kind === "no-versions" && include(cause2.package)) {
      nv = cause2;
      other = cause1;
    } else {
      return node;
    }
    if (nv.kind !== "no-versions") return node;
    const p = nv.package;
    switch (other.kind) {
      case "no-versions":
        if (other.package !== p) return node;
        return { ...other, id: node.id, versions: other.versions.union(nv.versions), terms: node.terms };
      case "unavailable":
        if (other.package !== p) return node;
        return { ...other, id: node.id, versions: other.versions.union(nv.versions), terms: node.terms };
      case "dependency":
        if (other.package === p) {
          return { ...other, id: node.id, versions: other.versions.union(nv.versions), terms: node.terms };
        }
        if (other.dependency === p && node.terms.some((t) => t.package === p)) return other;
        return node;
      case "derived":
        return shape(other.terms, tree.rootPackage) === shape(node.terms, tree.rootPackage) ? other : node;
      case "root":
        return node;
    }
  });
}
