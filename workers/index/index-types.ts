// Plain-data types of the index client: distribution files, project listings, release metadata and results.
import type { DistributionKind } from "../packaging/distribution-kind";
import type { IndexError } from "./index-error";

/** A wheel (`.whl`), a source distribution (`.tar.gz`, `.zip`, ...) or anything else (eggs, installers). */
export type { DistributionKind };

/** One file of a project as the Simple API lists it. */
export interface DistributionFile {
  filename: string;
  /** Absolute URL (resolved against the page URL or `<base href>`), without the `#hash` fragment. */
  url: string;
  /** Hash name -> hex digest, e.g. `{ sha256: "..." }`; empty when the index gives none. */
  hashes: Record<string, string>;
  /** The file's Requires-Python as listed (HTML-unescaped), or null when not given. */
  requiresPython: string | null;
  /** false, or the yank reason ("" when the index gives no reason). */
  yanked: false | string;
  /** ISO 8601 upload time (PEP 700), or null when not given. */
  uploadTime: string | null;
  /** Size in bytes (PEP 700), or null when not given. */
  size: number | null;
  /** PEP 658/714: false when no `<url>.metadata` exists, true when it exists without a hash, else its hashes. */
  coreMetadata: false | true | Record<string, string>;
  kind: DistributionKind;
}

/** One Simple API page as parsed, before its files are grouped by version. */
export interface SimplePage {
  format: "json" | "html";
  /** The project name the page states (PEP 691 `name`); HTML pages state none. */
  name: string | null;
  /** PEP 629/691 api version (`meta.api-version` or `pypi:repository-version`), when given. */
  apiVersion: string | null;
  files: DistributionFile[];
  /** PEP 700 `versions`, as listed, when the page gives them. */
  versions: string[] | null;
  /** Things skipped or doubtful, for the user (e.g. a newer minor api-version). */
  warnings: string[];
}

/** The files of one version of a project. */
export interface ListingRelease {
  /** PEP 440 normal form of the first spelling seen (files are grouped by PEP 440 equality: `3.13` = `3.13.0`). */
  version: string;
  /** The version as the index spells it (first spelling seen); use it in JSON API URLs. */
  listedAs: string;
  /** The files of this version in page order; empty when the index lists the version without files. */
  files: DistributionFile[];
}

/** A project's listing from one index. */
export interface ProjectListing {
  /** PEP 503 canonical name. */
  name: string;
  /** The Simple API root that served it (normalised, with a trailing slash). */
  indexUrl: string;
  /** The project page URL that was fetched. */
  pageUrl: string;
  format: "json" | "html";
  /** Every file of the project that belongs to it (files of other projects and unparsable names are skipped). */
  files: DistributionFile[];
  /** The valid versions as listed: the page's `versions` when given, else in order of first appearance in files. */
  versions: string[];
  /** Files grouped by version, one entry per valid version, in the order of `versions`. */
  releases: ListingRelease[];
  /** What was skipped and why (invalid versions, foreign files, newer api minor version). */
  warnings: string[];
  /** When it was fetched (ms since the epoch, from the injected clock). */
  fetchedAt: number;
}

/** Dependencies and summary of one release. */
export interface ReleaseMetadata {
  kind: "known";
  /** Canonical project name. */
  name: string;
  /** The version as the metadata spells it. */
  version: string;
  /** PEP 508 requirement strings exactly as served (old `name (>=1.0)` forms included); the resolver parses them. */
  requiresDist: string[];
  requiresPython: string | null;
  /** Provides-Extra as declared, or null when the source does not say (the JSON API never fills it). */
  providesExtra: string[] | null;
  summary: string | null;
  license: string | null;
  homePage: string | null;
  projectUrls: Record<string, string>;
  /** From the listing (fresher than any cached metadata): the reason when every file of the release is yanked. */
  yanked: false | string;
  source: "json-api" | "core-metadata";
  /** The URL the dependencies were read from. */
  sourceUrl: string;
}

/** A release whose dependencies cannot be known (e.g. an old sdist-only release): shown to the user, never an empty list. */
export interface UnknownMetadata {
  kind: "unknown";
  name: string;
  version: string;
  reason: string;
  yanked: false | string;
}

/** How urgently a request is needed: what the solver waits for jumps ahead of speculative prefetches. */
export type FetchPriority = "urgent" | "prefetch";

export type ListingResult =
  | { kind: "found"; listing: ProjectListing; fromCache: boolean }
  /** No index has the project; `indexUrls` are the indexes consulted, in order. */
  | { kind: "not-found"; name: string; indexUrls: string[] }
  | { kind: "error"; name: string; error: IndexError };

export type MetadataResult =
  | ReleaseMetadata
  | UnknownMetadata
  | { kind: "error"; name: string; version: string; error: IndexError };

/** Counters of one index client. */
export interface IndexStats {
  /** HTTP requests sent (each retry counts). */
  requests: number;
  /** Response body bytes received. */
  bytes: number;
  /** Retries after 429, 5xx, timeouts and network errors. */
  retries: number;
  /** Listings and metadata answered from the persistent store or memory without a request. */
  cacheHits: number;
  /** Requests currently on the wire. */
  inFlight: number;
  /** Tasks waiting for a free slot in the fetch pool. */
  queued: number;
  listingsFetched: number;
  metadataFetched: number;
}
