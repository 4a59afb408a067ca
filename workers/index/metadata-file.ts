// Which file of a release to read PEP 658 core metadata from: a wheel if any advertises it (wheels always carry full metadata).
import type { DistributionFile } from "./index-types";

/**
 * The file whose `<url>.metadata` to fetch, or null when no file of the release advertises core metadata.
 * Order: wheels before sdists before other kinds; within a kind, files that are not yanked first, then page order.
 */
export function pickMetadataFile(files: readonly DistributionFile[]): DistributionFile | null {
  const rank = (f: DistributionFile): number => (f.kind === "wheel" ? 0 : f.kind === "sdist" ? 2 : 4) + (f.yanked === false ? 0 : 1);
  let best: DistributionFile | null = null;
  for (const file of files) {
    if (file.coreMetadata === false) continue;
    if (best === null || rank(file) < rank(best)) best = file;
  }
  return best;
}
