// Tests for the caching policy: listing TTL on an injected clock, metadata forever, noCache/refresh, bad entries, bulk reads.
import { describe, expect, it } from "vitest";
import { CACHE_FORMAT, createIndexCache, listingKey, metadataKey } from "./index-cache";
import type { ProjectListing, ReleaseMetadata } from "./index-types";
import { createMemoryStore } from "./test-support/memory-store";
import type { MetadataStore } from "./metadata-store";
import { createTestClock } from "./test-support/test-clock";

const INDEX = "https://pypi.org/simple/";
const listing: ProjectListing = { name: "foo", indexUrl: INDEX, pageUrl: `${INDEX}foo/`, format: "json", files: [], versions: [], releases: [], warnings: [], fetchedAt: 0 };
const metadata: ReleaseMetadata = {
  kind: "known",
  name: "foo",
  version: "1.0",
  requiresDist: ["bar"],
  requiresPython: null,
  providesExtra: null,
  summary: null,
  license: null,
  homePage: null,
  projectUrls: {},
  yanked: false,
  source: "json-api",
  sourceUrl: "https://pypi.org/pypi/foo/1.0/json",
};

/** A memory store that also reads in bulk (as IndexedDB's does), counting its reads of either kind. */
function bulkStore(options: { failBulk?: boolean } = {}) {
  const inner = createMemoryStore();
  const reads = { bulk: [] as string[], single: 0 };
  const store: Required<MetadataStore> = {
    get: (key) => {
      reads.single += 1;
      return inner.get(key);
    },
    put: (key, value) => inner.put(key, value),
    delete: (key) => inner.delete(key),
    entries: async (prefix) => {
      reads.bulk.push(prefix);
      if (options.failBulk) throw new Error("bulk read failed");
      const keys = inner.keys().filter((key) => key.startsWith(prefix));
      return new Map(await Promise.all(keys.map(async (key) => [key, await inner.get(key)] as const)));
    },
  };
  return { store, reads };
}

describe("index cache", () => {
  it("serves a listing for its TTL only (injected clock), and a not-found answer likewise", async () => {
    const clock = createTestClock();
    const cache = createIndexCache({ store: createMemoryStore(), clock, listingTtlMs: 60_000 });
    await cache.writeListing(INDEX, "foo", { kind: "found", listing });
    await cache.writeListing(INDEX, "nope", { kind: "not-found" });
    clock.advance(59_999);
    expect(await cache.readListing(INDEX, "foo")).toEqual({ kind: "found", listing });
    expect(await cache.readListing(INDEX, "nope")).toEqual({ kind: "not-found" });
    expect(await cache.readListing("https://other.example/simple/", "foo")).toBeUndefined();
    clock.advance(1);
    expect(await cache.readListing(INDEX, "foo")).toBeUndefined();
    expect(await cache.readListing(INDEX, "nope")).toBeUndefined();
  });

  it("keeps release metadata forever", async () => {
    const clock = createTestClock();
    const cache = createIndexCache({ store: createMemoryStore(), clock });
    await cache.writeMetadata(INDEX, "foo", "1.0", metadata);
    clock.advance(10 * 365 * 24 * 3600 * 1000);
    expect(await cache.readMetadata(INDEX, "foo", "1.0")).toEqual(metadata);
    expect(await cache.readMetadata(INDEX, "foo", "1.1")).toBeUndefined();
  });

  it("noCache neither reads nor writes; refresh writes but does not read", async () => {
    const clock = createTestClock();
    const store = createMemoryStore();
    await createIndexCache({ store, clock, noCache: true }).writeMetadata(INDEX, "foo", "1.0", metadata);
    expect(store.size).toBe(0);
    await createIndexCache({ store, clock }).writeMetadata(INDEX, "foo", "1.0", metadata);
    expect(await createIndexCache({ store, clock, noCache: true }).readMetadata(INDEX, "foo", "1.0")).toBeUndefined();
    const refreshing = createIndexCache({ store, clock, refresh: true });
    expect(await refreshing.readMetadata(INDEX, "foo", "1.0")).toBeUndefined();
    await refreshing.writeMetadata(INDEX, "foo", "1.0", { ...metadata, requiresDist: ["baz"] });
    expect(await createIndexCache({ store, clock }).readMetadata(INDEX, "foo", "1.0")).toMatchObject({ requiresDist: ["baz"] });
  });

  it("ignores entries of another cache format and entries of the wrong kind", async () => {
    const clock = createTestClock();
    const store = createMemoryStore();
    const cache = createIndexCache({ store, clock });
    await store.put(metadataKey(INDEX, "foo", "1.0"), { format: CACHE_FORMAT + 1, storedAt: clock.now(), entry: metadata });
    await store.put(listingKey(INDEX, "foo"), { format: CACHE_FORMAT, storedAt: clock.now(), entry: { kind: "weird" } });
    await store.put(metadataKey(INDEX, "foo", "2.0"), "garbage");
    expect(await cache.readMetadata(INDEX, "foo", "1.0")).toBeUndefined();
    expect(await cache.readListing(INDEX, "foo")).toBeUndefined();
    expect(await cache.readMetadata(INDEX, "foo", "2.0")).toBeUndefined();
  });

  it("reads what it holds for an index in one bulk read where the store offers one, then answers from it", async () => {
    const clock = createTestClock();
    const { store, reads } = bulkStore();
    const OTHER = "https://other.example/simple/";
    const writer = createIndexCache({ store, clock });
    await writer.writeListing(INDEX, "foo", { kind: "found", listing });
    await writer.writeListing(INDEX, "nope", { kind: "not-found" });
    await writer.writeMetadata(INDEX, "foo", "1.0", metadata);
    await writer.writeMetadata(OTHER, "foo", "1.0", { ...metadata, requiresDist: ["other"] });

    const cache = createIndexCache({ store, clock });
    const [found, notFound, known, unknown] = await Promise.all([
      cache.readListing(INDEX, "foo"),
      cache.readListing(INDEX, "nope"),
      cache.readMetadata(INDEX, "foo", "1.0"),
      cache.readMetadata(INDEX, "bar", "1.0"),
    ]);
    expect(found).toEqual({ kind: "found", listing });
    expect(notFound).toEqual({ kind: "not-found" });
    expect(known).toEqual(metadata);
    expect(unknown).toBeUndefined();
    expect(reads.bulk).toEqual([`listing|${INDEX}|`, `metadata|${INDEX}|`]);
    // Only the miss was asked of the store on its own (something may have written it since).
    expect(reads.single).toBe(1);
    expect(await cache.readMetadata(OTHER, "foo", "1.0")).toMatchObject({ requiresDist: ["other"] });
    expect(reads.bulk).toHaveLength(4);
  });

  it("after its bulk read, still sees entries written since and a listing refreshed since", async () => {
    const clock = createTestClock();
    const { store } = bulkStore();
    const cache = createIndexCache({ store, clock, listingTtlMs: 60_000 });
    const other = createIndexCache({ store, clock, listingTtlMs: 60_000 });
    await other.writeListing(INDEX, "foo", { kind: "found", listing });
    expect(await cache.readListing(INDEX, "foo")).toEqual({ kind: "found", listing });
    clock.advance(60_000);
    expect(await cache.readListing(INDEX, "foo")).toBeUndefined();
    await other.writeListing(INDEX, "foo", { kind: "found", listing: { ...listing, fetchedAt: 60_000 } });
    await other.writeMetadata(INDEX, "foo", "1.0", metadata);
    expect(await cache.readListing(INDEX, "foo")).toMatchObject({ listing: { fetchedAt: 60_000 } });
    expect(await cache.readMetadata(INDEX, "foo", "1.0")).toEqual(metadata);
  });

  it("reads entries one by one when the bulk read fails", async () => {
    const clock = createTestClock();
    const { store, reads } = bulkStore({ failBulk: true });
    await createIndexCache({ store, clock }).writeMetadata(INDEX, "foo", "1.0", metadata);
    expect(await createIndexCache({ store, clock }).readMetadata(INDEX, "foo", "1.0")).toEqual(metadata);
    expect(reads.single).toBe(1);
  });

  it("treats a failing store as a miss and keeps working", async () => {
    const broken: MetadataStore = {
      get: () => Promise.reject(new Error("disk on fire")),
      put: () => Promise.reject(new Error("quota")),
      delete: () => Promise.reject(new Error("nope")),
    };
    const cache = createIndexCache({ store: broken, clock: createTestClock() });
    await expect(cache.writeListing(INDEX, "foo", { kind: "found", listing })).resolves.toBeUndefined();
    expect(await cache.readListing(INDEX, "foo")).toBeUndefined();
  });
});
