// The caching policy over a MetadataStore: listings for a short TTL, release metadata forever, `noCache` and `refresh`.
import type { Clock } from "./clock";
import type { ProjectListing, ReleaseMetadata } from "./index-types";
import type { MetadataStore } from "./metadata-store";

/** Bumped whenever the shape of cached values changes: older entries then read as misses. */
export const CACHE_FORMAT = 1;

/** Listings are cached for 10 minutes by default: new uploads and yanks show up soon enough. */
export const DEFAULT_LISTING_TTL_MS = 10 * 60 * 1000;

/** What one index said about a project: its listing, or that it does not have it. */
export type CachedListing = { kind: "found"; listing: ProjectListing } | { kind: "not-found" };

export interface IndexCacheOptions {
  store?: MetadataStore;
  clock: Clock;
  listingTtlMs?: number;
  /** Neither read nor write the store. */
  noCache?: boolean;
  /** Do not read the store (listings and metadata are fetched again), but write what is fetched. */
  refresh?: boolean;
}

export interface IndexCache {
  readListing(indexUrl: string, name: string): Promise<CachedListing | undefined>;
  writeListing(indexUrl: string, name: string, entry: CachedListing): Promise<void>;
  /** Release metadata never changes once uploaded (yanks live in listings), so it never expires. */
  readMetadata(indexUrl: string, name: string, version: string): Promise<ReleaseMetadata | undefined>;
  writeMetadata(indexUrl: string, name: string, version: string, metadata: ReleaseMetadata): Promise<void>;
}

interface Envelope {
  format: number;
  storedAt: number;
  entry: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.format === CACHE_FORMAT && typeof v.storedAt === "number" && typeof v.entry === "object" && v.entry !== null;
}

/** The store key of a listing: `listing|<index root>|<canonical name>`. */
export function listingKey(indexUrl: string, name: string): string {
  return `listing|${indexUrl}|${name}`;
}

/** The store key of release metadata: `metadata|<index root>|<canonical name>|<normal version>` (per index: no confusion). */
export function metadataKey(indexUrl: string, name: string, version: string): string {
  return `metadata|${indexUrl}|${name}|${version}`;
}

/** The start of every key an index's entries are stored under, listings and metadata. */
function indexPrefixes(indexUrl: string): string[] {
  return [`listing|${indexUrl}|`, `metadata|${indexUrl}|`];
}

/**
 * A cache over `store`; store failures (quota, disk) are ignored: the cache is best-effort.
 *
 * Where the store reads in bulk (IndexedDB), the first read for an index reads every entry of that index at once: a
 * resolution from a warm cache otherwise waits on hundreds of reads one after another, as the solver discovers the
 * graph level by level (~300 round trips for 300 packages). That read is kept for the cache's life; an entry it lacks,
 * or holds but cannot use (an expired listing), is read from the store on its own, so what was written since is seen.
 */
export function createIndexCache(options: IndexCacheOptions): IndexCache {
  const ttl = options.listingTtlMs ?? DEFAULT_LISTING_TTL_MS;
  const store = options.noCache ? undefined : options.store;
  const readable = store !== undefined && !options.refresh;
  /** Per index root: its entries as read in bulk, or null when the bulk read failed. */
  const snapshots = new Map<string, Promise<Map<string, unknown> | null>>();

  function snapshot(indexUrl: string): Promise<Map<string, unknown> | null> {
    let entries = snapshots.get(indexUrl);
    if (entries === undefined) {
      const bulk = store?.entries?.bind(store);
      entries =
        bulk === undefined
          ? Promise.resolve(null)
          : Promise.all(indexPrefixes(indexUrl).map((prefix) => bulk(prefix))).then(
              (parts) => new Map(parts.flatMap((part) => [...part])),
              () => null,
            );
      snapshots.set(indexUrl, entries);
    }
    return entries;
  }

  /** The entry under `key` that `usable` accepts (it returns what the caller gets), from the snapshot or else the store. */
  async function read<T>(indexUrl: string, key: string, usable: (envelope: Envelope) => T | undefined): Promise<T | undefined> {
    if (!readable || store === undefined) return undefined;
    const judge = (value: unknown): T | undefined => (isEnvelope(value) ? usable(value) : undefined);
    try {
      const fromSnapshot = judge((await snapshot(indexUrl))?.get(key));
      return fromSnapshot ?? judge(await store.get(key));
    } catch {
      return undefined;
    }
  }

  async function write(key: string, entry: CachedListing | ReleaseMetadata): Promise<void> {
    if (store === undefined) return;
    const envelope: Envelope = { format: CACHE_FORMAT, storedAt: options.clock.now(), entry };
    try {
      await store.put(key, envelope);
    } catch {
      // best-effort
    }
  }

  return {
    readListing: (indexUrl, name) =>
      read(indexUrl, listingKey(indexUrl, name), (envelope) => {
        const age = options.clock.now() - envelope.storedAt;
        if (age < 0 || age >= ttl) return undefined;
        const entry = envelope.entry as { kind?: unknown };
        return entry.kind === "found" || entry.kind === "not-found" ? (envelope.entry as CachedListing) : undefined;
      }),
    writeListing: (indexUrl, name, entry) => write(listingKey(indexUrl, name), entry),
    readMetadata: (indexUrl, name, version) =>
      read(indexUrl, metadataKey(indexUrl, name, version), (envelope) => {
        const entry = envelope.entry as { kind?: unknown };
        return entry.kind === "known" ? (entry as ReleaseMetadata) : undefined;
      }),
    writeMetadata: (indexUrl, name, version, metadata) => write(metadataKey(indexUrl, name, version), metadata),
  };
}
