// Where the resolver gets listings and release metadata: the index client, or an in-memory snapshot.
import type { ListingResult, MetadataResult, ProjectListing } from "../index/index-types";

/** Either answer may be immediate (memory) or a promise (network); the resolver awaits only promises. */
export interface PackageSource {
  getListing(name: string): ListingResult | Promise<ListingResult>;
  getMetadata(listing: ProjectListing, version: string): MetadataResult | Promise<MetadataResult>;
  /** Start fetching without waiting (no-ops for memory sources). */
  prefetchListing?(name: string): void;
  prefetchMetadata?(listing: ProjectListing, version: string): void;
}
