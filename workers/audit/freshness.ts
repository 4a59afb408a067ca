// How far behind each resolved package is: the newest version on the index, the gap, and why each newer one was not taken.
import type { ResolvedPackageDto } from "../api";
import type { FreshnessDto } from "../api-audit";
import { compareVersions, tryParseVersion, type Version } from "../packaging/version";

function gapBetween(chosen: Version, newest: Version): FreshnessDto["gap"] {
  const a = chosen.release;
  const b = newest.release;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return i === 0 ? "major" : i === 1 ? "minor" : "patch";
  }
  return null;
}

/** Freshness of one resolved package, from what the resolver recorded (`rejectedNewer`) and the files' upload times. */
export function freshnessOf(pkg: ResolvedPackageDto): FreshnessDto {
  const chosen = tryParseVersion(pkg.version);
  const parsed = pkg.rejectedNewer
    .map((r) => ({ ...r, parsed: tryParseVersion(r.version) }))
    .filter((r): r is typeof r & { parsed: Version } => r.parsed !== null)
    .sort((x, y) => compareVersions(y.parsed, x.parsed));
  const finals = parsed.filter((r) => !r.parsed.isPrerelease);
  const newest = finals[0] ?? parsed[0];
  const uploads = pkg.files.map((f) => f.uploadTime).filter((t): t is string => t !== null).sort();
  return {
    name: pkg.name,
    version: pkg.version,
    newest: newest?.version ?? pkg.version,
    behind: finals.length,
    gap: chosen !== null && finals[0] ? gapBetween(chosen, finals[0].parsed) : null,
    newer: parsed.map((r) => ({ version: r.version, reason: r.reason })),
    releasedAt: uploads[0] ?? null,
  };
}
