// Tests for the directory-backed MetadataStore: round trips across processes' instances, one file, torn and corrupt records, compaction.
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createFsStore, STORE_FILE } from "./fs-store";

describe("fs store", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tangle-fs-store-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips values across store instances in one file, and deletes them", async () => {
    const cacheDir = join(dir, "cache", "index");
    const key = "metadata|https://pypi.org/simple/|requests|2.18.4";
    await createFsStore(cacheDir).put(key, { requiresDist: ["certifi (>=2017.4.17)"], n: 1 });
    expect(await createFsStore(cacheDir).get(key)).toEqual({ requiresDist: ["certifi (>=2017.4.17)"], n: 1 });
    await createFsStore(cacheDir).put("listing|x|six", [1, 2]);
    expect(await readdir(cacheDir)).toEqual([STORE_FILE]);
    await createFsStore(cacheDir).delete(key);
    const after = createFsStore(cacheDir);
    expect(await after.get(key)).toBeUndefined();
    expect(await after.get("listing|x|six")).toEqual([1, 2]);
  });

  it("gives each caller its own copy", async () => {
    const store = createFsStore(dir);
    await store.put("k", { list: [1] });
    const first = (await store.get("k")) as { list: number[] };
    first.list.push(2);
    expect(await store.get("k")).toEqual({ list: [1] });
  });

  it("reads a missing directory, a torn record and garbage as misses, keeping the records around them", async () => {
    expect(await createFsStore(join(dir, "nowhere")).get("k")).toBeUndefined();
    await createFsStore(dir).put("before", 1);
    // A crash mid-write leaves a record without its end; garbage lines from elsewhere; then more records.
    await appendFile(join(dir, STORE_FILE), '\n"torn"\t{"a": [1, 2\n{not a record}\n"no-tab" 5\n');
    await createFsStore(dir).put("after", 2);
    const store = createFsStore(dir);
    expect(await store.get("before")).toBe(1);
    expect(await store.get("torn")).toBeUndefined();
    expect(await store.get("after")).toBe(2);
  });

  it("round-trips any key and any JSON value (keys with tabs, quotes, newlines, backslashes, any Unicode)", async () => {
    // The file is indexed as bytes: keys and values with multi-byte characters must keep their spans.
    const text = fc.string({ unit: "binary", maxLength: 12 });
    const value = fc.oneof(fc.jsonValue(), text, fc.array(text, { maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.oneof(fc.string(), text), value, { maxKeys: 8 }), async (entries) => {
        const sub = await mkdtemp(join(dir, "p-"));
        const writer = createFsStore(sub);
        await Promise.all(Object.entries(entries).map(([k, v]) => writer.put(k, v)));
        const reader = createFsStore(sub);
        for (const [k, v] of Object.entries(entries)) expect(await reader.get(k)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 40, seed: 1404 },
    );
  });

  it("keeps the last of concurrent writes to one key intact, in one append", async () => {
    const store = createFsStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put("k", { i, pad: "x".repeat(10_000) })));
    const value = (await createFsStore(dir).get("k")) as { i: number; pad: string };
    expect(value).toEqual({ i: 19, pad: "x".repeat(10_000) });
  });

  it("compacts a big file that is mostly superseded records when it opens", async () => {
    const file = join(dir, STORE_FILE);
    const big = "y".repeat(1 << 20);
    const lines = Array.from({ length: 12 }, (_, i) => `\n"k"\t${JSON.stringify({ i, big })}\n`).join("");
    await writeFile(file, `${lines}\n"other"\t7\n`);
    const store = createFsStore(dir);
    expect(await store.get("k")).toEqual({ i: 11, big });
    expect(await store.get("other")).toBe(7);
    expect((await stat(file)).size).toBeLessThan(2 << 20);
    expect((await readFile(file, "utf8")).split("\n").filter((l) => l !== "")).toHaveLength(2);
  });
});
