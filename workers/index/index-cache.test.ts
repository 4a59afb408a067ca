// Tests for the caching policy: listing TTL on an injected clock, metadata forever, noCache/refresh, bad entries.
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
