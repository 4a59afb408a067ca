// The one file of a release an installer takes for the target, as pip picks it: the best-ranked compatible wheel, else the sdist.
import type { DistributionFileDto, TargetDto } from "../../api";
import { markerEnvironment } from "../../packaging/environment";
import { tryParseSpecifierSet } from "../../packaging/specifiers";
import { wheelSupport } from "../../packaging/tags";

/**
 * pip's order (its CandidateEvaluator): files whose Requires-Python excludes the target's Python are left out (an
 * unparsable one is ignored, as pip does); a wheel ranks by its best tag's place in the target's tag list; any
 * compatible wheel beats an sdist; among sdists `.tar.gz` (the standard format) comes first. Null when none fits.
 */
export function chosenFile(files: readonly DistributionFileDto[], target: TargetDto): DistributionFileDto | null {
  const python = markerEnvironment(target).python_full_version;
  let best: { file: DistributionFileDto; rank: number } | null = null;
  for (const file of files) {
    if (file.requiresPython !== null && tryParseSpecifierSet(file.requiresPython)?.contains(python, { prereleases: true }) === false) continue;
    let rank: number;
    if (file.kind === "wheel") {
      const support = wheelSupport(file.filename, target);
      if (!support.compatible) continue;
      rank = support.rank;
    } else if (file.kind === "sdist") {
      rank = file.filename.endsWith(".tar.gz") ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER;
    } else {
      continue;
    }
    if (best === null || rank < best.rank) best = { file, rank };
  }
  return best?.file ?? null;
}
