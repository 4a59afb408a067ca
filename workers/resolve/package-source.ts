// Where the resolver gets listings and release metadata: the index client, or an in-memory snapshot.
import type { FetchPriority, ListingResult, MetadataResult, ProjectListing } from "../index/index-types";

/**
 * Either answer may be immediate (memory) or a promise (network); the resolver awaits only promises. `priority`
 * "prefetch" marks speculative requests, which yield to what the solver is waiting for ("urgent", the default).
 * `signal` is the asking resolution's: once it aborts, requests made only for it are no longer started or retried.
 */
export interface PackageSource {
  getListing(name: string, priority?: FetchPriority, signal?: AbortSignal): ListingResult | Promise<ListingResult>;
  getMetadata(listing: ProjectListing, version: string, priority?: FetchPriority, signal?: AbortSignal): MetadataResult | Promise<MetadataResult>;
  /** Start fetching without waiting (no-ops for memory sources). */
  prefetchListing?(name: string, signal?: AbortSignal): void;
  prefetchMetadata?(listing: ProjectListing, version: string, signal?: AbortSignal): void;
  /** Every project name the index lists, when it can say (for "did you mean"); null or absent when not. */
  projectNames?(): Promise<readonly string[] | null>;
}
