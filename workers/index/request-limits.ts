// The bounds on one index request: the most read of an answer per kind, redirects, time, retries. The one place they are set.

/** What a request is for, which sets how large its answer may be. */
export type BodyKind = "listing" | "metadata" | "json-api";

const MIB = 1024 * 1024;

/**
 * The largest body accepted per kind, counted after decompression as it streams in (a gzip bomb stops here, not at
 * its inflated size). A body over its limit is refused with a message naming the URL and the limit, and never retried.
 *
 * - listing (a Simple API project page): botocore's PEP 691 JSON page on pypi.org is several MB (thousands of
 *   releases, each with a wheel and an sdist), and the largest projects on pypi.org (nightly builds publishing
 *   dozens of wheels a day) reach tens of MB. 64 MiB is roomy for them and bounds what a hostile index can cost.
 * - metadata (a PEP 658 METADATA file): headers plus the long description, which projects embed whole; the largest
 *   on pypi.org are a few MB of README. 16 MiB.
 * - json-api (`/pypi/<name>/<version>/json`): the same description plus the release's file list. 16 MiB.
 */
export const BODY_LIMITS: Readonly<Record<BodyKind, number>> = {
  listing: 64 * MIB,
  metadata: 16 * MIB,
  "json-api": 16 * MIB,
};

/** What each kind is called in messages. */
export const BODY_KIND_NAMES: Readonly<Record<BodyKind, string>> = {
  listing: "a project listing",
  metadata: "a core metadata file",
  "json-api": "a JSON API answer",
};

/** Redirects followed for one request (pip's requests allows 30, browsers 20; an index needs one or two). */
export const MAX_REDIRECTS = 10;

/** One attempt, headers and body (as uv's and pip's read timeouts). */
export const ATTEMPT_TIMEOUT_MS = 30_000;

/**
 * One request from start to answer or error, every attempt, backoff and Retry-After wait included: a stalled index
 * costs one minute, not four timeouts plus backoff.
 */
export const REQUEST_BUDGET_MS = 60_000;

/**
 * Retries after the first attempt, for 429, 5xx, timeouts, network errors and garbage answers (pip's default; uv
 * makes 3): with one answer in seven failing, six attempts all fail for one request in 100,000.
 */
export const RETRIES = 5;

/** A human size: "64 MiB", "512 KiB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
