// A project's releases judged for the target: which versions can be installed, which cannot and why.
import type { DistributionFile, ProjectListing } from "../index/index-types";
import type { TargetEnvironment } from "../packaging/environment";
import { VersionRange } from "../packaging/ranges";
import { tryParseSpecifierSet } from "../packaging/specifiers";
import { wheelSupport } from "../packaging/tags";
import { compareVersions, tryParseVersion } from "../packaging/version";
import type { Version } from "../packaging/version";

/** A version that has at least one file installable on the target. */
export interface Candidate {
  version: Version;
  /** The version as the index spells it (for metadata URLs). */
  listedAs: string;
  /** Installable files, most preferred first (best-ranked wheel, then sdists). */
  files: DistributionFile[];
  /** Python versions the installable files accept (any when none says). */
  requiresPython: VersionRange;
  /** The Requires-Python text of the preferred file, for messages. */
  requiresPythonText: string | null;
  /** The yank reason when every installable file is yanked, else false. */
  yanked: false | string;
  /** True when only an sdist can be installed (no compatible wheel). */
  sdistOnly: boolean;
}

/** A listed version that cannot be used at all, with the reason a person reads. */
export interface Rejected {
  version: Version;
  reason: string;
}

export interface ProjectCandidates {
  name: string;
  /** Usable versions, newest first. */
  candidates: Candidate[];
  /** Listed versions that are not candidates (no file for the target, uploaded after exclude-newer). */
  rejected: Rejected[];
  /** Every valid version the index lists, newest first (for shortening ranges in explanations). */
  allVersions: Version[];
  warnings: string[];
}

export interface CandidateContext {
  target: TargetEnvironment;
  /** Files uploaded after this instant (ms since the epoch) do not exist. */
  excludeNewer: number | null;
  targetLabel: string;
}

function fileRequiresPython(file: DistributionFile): VersionRange {
  if (!file.requiresPython) return VersionRange.full();
  // pip ignores a Requires-Python it cannot parse; so do we.
  return tryParseSpecifierSet(file.requiresPython)?.toRange() ?? VersionRange.full();
}

export function projectCandidates(listing: ProjectListing, context: CandidateContext): ProjectCandidates {
  const candidates: Candidate[] = [];
  const rejected: Rejected[] = [];
  const allVersions: Version[] = [];
  const warnings = [...listing.warnings];
  for (const release of listing.releases) {
    const version = tryParseVersion(release.version);
    if (!version) continue;
    allVersions.push(version);
    const existing = context.excludeNewer === null
      ? release.files
      : release.files.filter((f) => f.uploadTime === null || Date.parse(f.uploadTime) <= (context.excludeNewer as number));
    if (release.files.length > 0 && existing.length === 0) {
      rejected.push({ version, reason: "was uploaded after the exclude-newer date" });
      continue;
    }
    const ranked: { file: DistributionFile; rank: number }[] = [];
    for (const file of existing) {
      if (file.kind === "wheel") {
        const support = wheelSupport(file.filename, context.target);
        if (support.compatible) ranked.push({ file, rank: support.rank });
      } else if (file.kind === "sdist") {
        ranked.push({ file, rank: Number.MAX_SAFE_INTEGER });
      }
    }
    if (ranked.length === 0) {
      const reason = existing.length === 0
        ? "has no files"
        : `has no wheel for ${context.targetLabel} and no source distribution`;
      rejected.push({ version, reason });
      continue;
    }
    ranked.sort((a, b) => a.rank - b.rank);
    const files = ranked.map((r) => r.file);
    let requiresPython = VersionRange.empty();
    for (const file of files) requiresPython = requiresPython.union(fileRequiresPython(file));
    const unyanked = files.filter((f) => f.yanked === false);
    candidates.push({
      version,
      listedAs: release.listedAs,
      files: unyanked.length > 0 ? unyanked : files,
      requiresPython,
      requiresPythonText: files[0].requiresPython,
      yanked: unyanked.length > 0 ? false : (files[0].yanked as string),
      sdistOnly: ranked[0].file.kind === "sdist",
    });
  }
  const newestFirst = <T extends { version: Version }>(a: T, b: T) => compareVersions(b.version, a.version);
  candidates.sort(newestFirst);
  rejected.sort(newestFirst);
  allVersions.sort((a, b) => compareVersions(b, a));
  return { name: listing.name, candidates, rejected, allVersions, warnings };
}
