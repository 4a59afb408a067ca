// Where the resolver gets listings and release metadata: the index client, or an in-memory snapshot.
import type { FetchPriority, ListingResult, MetadataResult, ProjectListing } from "../index/index-types";

/**
 * Either answer may be immediate (memory) or a promise (network); the resolver awaits only promises. `priority`
 * "prefetch" marks speculative requests, which yield to what the solver is waiting for ("urgent", the default).
 */
export interface PackageSource {
  getListing(name: string, priority?: FetchPriority): ListingResult | Promise<ListingResult>;
  getMetadata(listing: ProjectListing, version: string, priority?: FetchPriority): MetadataResult | Promise<MetadataResult>;
  /** Start fetching without waiting (no-ops for memory sources). */
  prefetchListing?(name: string): void;
  prefetchMetadata?(listing: ProjectListing, version: string): void;
  /** Every project name the index lists, when it can say (for "did you mean"); null or absent when not. */
  projectNames?(): Promise<readonly string[] | null>;
}
