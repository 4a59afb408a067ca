// A project's releases judged for the target: which versions can be installed, which cannot and why.
import type { ResolverPolicy } from "../api";
import type { DistributionFile, ProjectListing } from "../index/index-types";
import type { TargetEnvironment } from "../packaging/environment";
import { VersionRange } from "../packaging/ranges";
import { tryParseSpecifierSet } from "../packaging/specifiers";
import { wheelSupport, type WheelSupport } from "../packaging/tags";
import { compareVersions, tryParseVersion } from "../packaging/version";
import type { Version } from "../packaging/version";

/** A version that has at least one file installable on the target. */
export interface Candidate {
  version: Version;
  /** The version as the index spells it (for metadata URLs). */
  listedAs: string;
  /** Installable files, most preferred first (best-ranked wheel, then sdists). */
  files: DistributionFile[];
  /** Python versions the installable files accept (any when none says; uv's policy: from the lower bound up). */
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
  /** The same candidates by normalized version text. */
  byVersion: Map<string, Candidate>;
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
  /** A universal resolution's fork: wheels of every platform count, and a release must accept every Python in `pythonRange`. */
  fork?: unknown;
  pythonRange?: VersionRange;
  /** Under uv's rules the upper bound of Requires-Python is ignored. */
  policy: ResolverPolicy;
}

/**
 * Wheel tags repeat across files and projects (`py3-none-any` above all): judge each tag triple once per target.
 * The key is the filename's last three dash-separated fields, which PEP 427 reserves for the tags.
 */
const supportCaches = new Map<string, Map<string, WheelSupport>>();
const versionCache = new Map<string, Version | null>();
const CACHE_LIMIT = 100_000;

function supportCacheFor(context: CandidateContext): Map<string, WheelSupport> {
  let cache = supportCaches.get(context.targetLabel);
  if (!cache || cache.size > CACHE_LIMIT) {
    cache = new Map();
    supportCaches.set(context.targetLabel, cache);
  }
  return cache;
}

function cachedWheelSupport(filename: string, context: CandidateContext, cache: Map<string, WheelSupport>): WheelSupport {
  const end = filename.length - 4; // ".whl"
  let dash = filename.lastIndexOf("-", end - 1);
  dash = dash > 0 ? filename.lastIndexOf("-", dash - 1) : -1;
  dash = dash > 0 ? filename.lastIndexOf("-", dash - 1) : -1;
  if (dash <= 0) return wheelSupport(filename, context.target);
  const key = filename.slice(dash + 1, end);
  let support = cache.get(key);
  if (!support) {
    support = wheelSupport(filename, context.target);
    cache.set(key, support);
  }
  return support;
}

/** Versions are immutable: parse each distinct string once per process. */
function cachedVersion(text: string): Version | null {
  let version = versionCache.get(text);
  if (version === undefined) {
    if (versionCache.size > CACHE_LIMIT) versionCache.clear();
    version = tryParseVersion(text);
    versionCache.set(text, version);
  }
  return version;
}

const requiresPythonCache = new Map<string, VersionRange>();

function fileRequiresPython(file: DistributionFile): VersionRange {
  const text = file.requiresPython;
  if (!text) return VersionRange.full();
  let range = requiresPythonCache.get(text);
  if (!range) {
    if (requiresPythonCache.size > CACHE_LIMIT) requiresPythonCache.clear();
    // pip ignores a Requires-Python it cannot parse; so do we.
    range = tryParseSpecifierSet(text)?.toRange() ?? VersionRange.full();
    requiresPythonCache.set(text, range);
  }
  return range;
}

/** Judging is a pure function of an (immutable) listing and the context: remember it per listing object. */
const judged = new WeakMap<ProjectListing, Map<string, ProjectCandidates>>();

export function projectCandidates(listing: ProjectListing, context: CandidateContext): ProjectCandidates {
  const key = `${context.targetLabel}\u0000${context.excludeNewer ?? ""}\u0000${context.policy}\u0000${context.fork && context.pythonRange ? context.pythonRange.toString() : ""}`;
  let perContext = judged.get(listing);
  if (!perContext) {
    perContext = new Map();
    judged.set(listing, perContext);
  }
  let result = perContext.get(key);
  if (!result) {
    result = judgeCandidates(listing, context);
    perContext.set(key, result);
  }
  return result;
}

function judgeCandidates(listing: ProjectListing, context: CandidateContext): ProjectCandidates {
  const candidates: Candidate[] = [];
  const rejected: Rejected[] = [];
  const allVersions: Version[] = [];
  const warnings = [...listing.warnings];
  const supportCache = supportCacheFor(context);
  for (const release of listing.releases) {
    const version = cachedVersion(release.version);
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
      if (file.kind === "wheel" && context.fork) {
        ranked.push({ file, rank: 0 });
      } else if (file.kind === "wheel") {
        const support = cachedWheelSupport(file.filename, context, supportCache);
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
    let requiresPython = fileRequiresPython(files[0]);
    for (let i = 1; i < files.length && !requiresPython.isAny(); i++) requiresPython = requiresPython.union(fileRequiresPython(files[i]));
    if (context.policy === "uv") requiresPython = requiresPython.withoutUpperBound();
    if (context.fork && context.pythonRange && !context.pythonRange.isSubsetOf(requiresPython)) {
      rejected.push({ version, reason: `requires Python ${files[0].requiresPython ?? requiresPython.toString()}, not every Python of the resolution (${context.pythonRange.toString()})` });
      continue;
    }
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
  const byVersion = new Map(candidates.map((c) => [c.version.toString(), c]));
  return { name: listing.name, candidates, byVersion, rejected, allVersions, warnings };
}
