// Tests for the directory-backed MetadataStore: round trips, misses, safe file names, concurrent writes.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createFsStore, storeFileName } from "./fs-store";

describe("fs store", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tangle-fs-store-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips values across store instances (one JSON file per key), and deletes them", async () => {
    const cacheDir = join(dir, "cache", "index");
    const key = "metadata|https://pypi.org/simple/|requests|2.18.4";
    await createFsStore(cacheDir).put(key, { requiresDist: ["certifi (>=2017.4.17)"], n: 1 });
    expect(await createFsStore(cacheDir).get(key)).toEqual({ requiresDist: ["certifi (>=2017.4.17)"], n: 1 });
    expect(await readdir(cacheDir)).toEqual([storeFileName(key)]);
    await createFsStore(cacheDir).delete(key);
    expect(await createFsStore(cacheDir).get(key)).toBeUndefined();
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it("reads a missing directory, a corrupt file and a file of another key as misses", async () => {
    expect(await createFsStore(join(dir, "nowhere")).get("k")).toBeUndefined();
    const store = createFsStore(dir);
    await writeFile(join(dir, storeFileName("corrupt")), "{not json", "utf8");
    expect(await store.get("corrupt")).toBeUndefined();
    await writeFile(join(dir, storeFileName("mine")), JSON.stringify({ key: "theirs", value: 1 }), "utf8");
    expect(await store.get("mine")).toBeUndefined();
  });

  it("makes safe, distinct file names for any key", () => {
    expect(storeFileName("listing|https://pypi.org/simple/|zope-interface")).toMatch(/^listing_https_pypi\.org_simple_zope-interface-[0-9a-f]{24}\.json$/);
    expect(storeFileName("../../etc/passwd")).toMatch(/^etc_passwd-[0-9a-f]{24}\.json$/);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const name = storeFileName(a);
        expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}-[0-9a-f]{24}\.json$|^key-[0-9a-f]{24}\.json$/);
        if (a !== b) expect(storeFileName(b)).not.toBe(name);
      }),
    );
  });

  it("keeps the last of concurrent writes to one key intact", async () => {
    const store = createFsStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put("k", { i, pad: "x".repeat(10_000) })));
    const value = (await store.get("k")) as { i: number; pad: string };
    expect(value.pad).toHaveLength(10_000);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
