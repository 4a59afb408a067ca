// Test support: the usual report pipeline (collapse, merge, shorten to existing versions, text) over a registry.
import type { DerivationTree } from "../derivation-tree";
import { collapseNoVersions } from "../report/collapse-no-versions";
import { mergeUnavailable } from "../report/merge-unavailable";
import { shortenRanges } from "../report/shorten-ranges";
import { reportText } from "../report/text-report";
import type { TextReport } from "../report/text-report";
import { versionListShortener } from "../report/version-list-shortener";
import type { IntRange, IntRangeFactory } from "./int-range";
import type { Registry } from "./registry-provider";

/** Simplifies `tree` with every pass, shortening ranges to the registry's versions. */
export function simplify(
  tree: DerivationTree<number, IntRange, string>,
  registry: Registry,
  sets: IntRangeFactory,
): DerivationTree<number, IntRange, string> {
  const shorten = versionListShortener<number, IntRange>({
    versions: (pkg) => [...(registry.get(pkg)?.keys() ?? [])],
    compare: (a, b) => a - b,
    sets,
    atLeast: (v) => sets.atLeast(v),
    lessThan: (v) => sets.lessThan(v),
  });
  return shortenRanges(mergeUnavailable(collapseNoVersions(tree)), shorten);
}

export function explain(
  tree: DerivationTree<number, IntRange, string>,
  registry: Registry,
  sets: IntRangeFactory,
): TextReport {
  return reportText(simplify(tree, registry, sets));
}
