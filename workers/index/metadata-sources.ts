// Where a release's dependencies come from: small metadata sources (core metadata of a file, the JSON API), asked in order.
import { canonicalizeName } from "../packaging/names";
import { canonicalizeVersion, tryParseVersion } from "../packaging/version";
import { checkBodyHash } from "./body-hash";
import type { BodyKind } from "./request-limits";
import { parseCoreMetadata } from "./core-metadata";
import { coreMetadataVerdict, jsonApiVerdict } from "./dependency-trust";
import type { HttpResponse } from "./http-client";
import { IndexError, invalidResponse } from "./index-error";
import type { DistributionFile, ListingRelease, ProjectListing, ReleaseMetadata } from "./index-types";
import { coreMetadataUrl, releaseJsonUrl } from "./index-urls";
import { parseReleaseJson } from "./json-api";

/** What one source concluded about a release's dependencies. */
export type SourceAnswer =
  /** Authoritative: used at once and cached. */
  | { kind: "known"; metadata: ReleaseMetadata }
  /** A best guess: used only if no later source knows (never cached: better metadata may appear). */
  | { kind: "guess"; metadata: ReleaseMetadata }
  /** The source could not tell, and why. */
  | { kind: "reason"; reason: string }
  /** The source failed; reported only if no later source knows or guesses. */
  | { kind: "failed"; error: IndexError };

/** One source; null when it does not apply to the release (no such file, no JSON API on this index). */
export type MetadataSource = () => Promise<SourceAnswer | null>;

/** What the sources decided together. */
export type SourcesVerdict =
  | { kind: "known"; metadata: ReleaseMetadata }
  | { kind: "guess"; metadata: ReleaseMetadata }
  | { kind: "unknown"; reason: string | null };

/** What a source needs from the client: the release, and a GET through the pool whose `read` rejections of garbage are retried. */
export interface SourceContext {
  listing: ProjectListing;
  release: ListingRelease;
  fetch<T>(url: string, kind: BodyKind, accept: string | undefined, read: (response: HttpResponse) => T | Promise<T>): Promise<T>;
}

/**
 * Asks `sources` in order: the first known answer wins (later sources are not asked); else the first guess; else the
 * first failure is thrown; else unknown, with the first reason given.
 */
export async function askInOrder(sources: readonly MetadataSource[]): Promise<SourcesVerdict> {
  const answers: SourceAnswer[] = [];
  for (const source of sources) {
    const answer = await source();
    if (answer === null) continue;
    if (answer.kind === "known") return answer;
    answers.push(answer);
  }
  const guess = answers.find((a) => a.kind === "guess");
  if (guess !== undefined) return guess;
  const failed = answers.find((a) => a.kind === "failed");
  if (failed !== undefined) throw failed.error;
  const reason = answers.find((a) => a.kind === "reason");
  return { kind: "unknown", reason: reason?.reason ?? null };
}

/** Metadata must describe the release asked for (pip: "metadata inconsistent"). */
function checkIdentity(url: string, context: SourceContext, name: string, version: string): void {
  const { listing, release } = context;
  const asked = tryParseVersion(release.version);
  const got = tryParseVersion(version);
  const sameVersion = asked !== null && got !== null && canonicalizeVersion(asked) === canonicalizeVersion(got);
  if (canonicalizeName(name) !== listing.name || !sameVersion) {
    throw invalidResponse(url, `metadata for ${name} ${version} where ${listing.name} ${release.listedAs} was asked for`);
  }
}

/**
 * PEP 658 core metadata of `file`: authoritative for a wheel, one small request; for an sdist only when it is
 * Metadata 2.2+ with static dependencies (see coreMetadataVerdict). A body whose hash differs from the listing's is
 * garbage (retried). Errors are thrown: the listing promised this file.
 */
export function coreMetadataSource(context: SourceContext, file: DistributionFile): MetadataSource {
  return async () => {
    const url = coreMetadataUrl(file.url);
    const { core, sourceUrl } = await context.fetch(url, "metadata", undefined, async (response) => {
      if (file.coreMetadata !== true && file.coreMetadata !== false) await checkBodyHash(response.body, file.coreMetadata, url);
      return { core: parseCoreMetadata(response.text, response.url), sourceUrl: response.url };
    });
    checkIdentity(sourceUrl, context, core.name, core.version);
    const verdict = coreMetadataVerdict(core, file.kind, file.filename);
    if (verdict.kind !== "known") return { kind: "reason", reason: verdict.reason };
    const metadata: ReleaseMetadata = {
      kind: "known",
      name: context.listing.name,
      version: core.version,
      requiresDist: verdict.requiresDist,
      requiresPython: core.requiresPython,
      providesExtra: core.providesExtra,
      summary: core.summary,
      license: core.license,
      homePage: core.homePage,
      projectUrls: core.projectUrls,
      yanked: false,
      source: "core-metadata",
      sourceUrl,
    };
    return { kind: "known", metadata };
  };
}

/** Whether an index has a JSON API next to its Simple root: learnt from its first answer. */
export type JsonApiPresence = "unknown" | "yes" | "no";

/**
 * The JSON API's `/pypi/<name>/<version>/json` under `jsonRoot`: known when `requires_dist` says, else a guess or a
 * reason (see jsonApiVerdict). A 404 where the index has not answered before means it has no JSON API: the source
 * stops applying to the index (`presence`).
 */
export function jsonApiSource(context: SourceContext, jsonRoot: string, presence: { get(): JsonApiPresence; set(value: JsonApiPresence): void }): MetadataSource {
  return async () => {
    if (presence.get() === "no") return null;
    const { listing, release } = context;
    const url = releaseJsonUrl(jsonRoot, listing.name, release.listedAs);
    try {
      const { parsed, sourceUrl } = await context.fetch(url, "json-api", "application/json", (response) => ({
        parsed: parseReleaseJson(response.text, response.url),
        sourceUrl: response.url,
      }));
      const { info, files } = parsed;
      checkIdentity(sourceUrl, context, info.name, info.version);
      presence.set("yes");
      const verdict = jsonApiVerdict(info, files);
      const fromJson = (requiresDist: string[]): ReleaseMetadata => ({
        kind: "known",
        name: listing.name,
        version: info.version,
        requiresDist,
        requiresPython: info.requiresPython,
        providesExtra: null,
        summary: info.summary,
        license: info.license,
        homePage: info.homePage,
        projectUrls: info.projectUrls,
        yanked: false,
        source: "json-api",
        sourceUrl,
      });
      if (verdict.kind === "known") return { kind: "known", metadata: fromJson(verdict.requiresDist) };
      const fallback = verdict.fallback;
      return fallback.kind === "known" ? { kind: "guess", metadata: fromJson(fallback.requiresDist) } : { kind: "reason", reason: fallback.reason };
    } catch (error) {
      if (!(error instanceof IndexError) || error.code === "cancelled") throw error;
      if (error.code !== "not-found") return { kind: "failed", error };
      if (presence.get() !== "yes") presence.set("no");
      return null;
    }
  };
}
