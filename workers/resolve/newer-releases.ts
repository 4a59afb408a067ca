// The releases an index lists that are newer than a given version (for "locked at X (newer: Y)"), newest first.
import type { ListingRelease } from "../index/index-types";
import { compareVersions, tryParseVersion, type Version } from "../packaging/version";

/**
 * Releases newer than `version` that have a file not yanked; pre-releases only when `version` is one itself (pip's
 * rule for what an upgrade offers). An unparsable `version` has nothing newer.
 */
export function newerReleases(releases: readonly ListingRelease[], version: string): string[] {
  const current = tryParseVersion(version);
  if (current === null) return [];
  const newer: Version[] = [];
  for (const release of releases) {
    if (!release.files.some((f) => f.yanked === false)) continue;
    const parsed = tryParseVersion(release.version);
    if (parsed === null || compareVersions(parsed, current) <= 0) continue;
    if (parsed.isPrerelease && !current.isPrerelease) continue;
    newer.push(parsed);
  }
  return newer.sort((a, b) => compareVersions(b, a)).map((v) => v.toString());
}
