// Tests for the directory-backed MetadataStore: round trips across processes' instances, a data file and its index, reads of only what is asked for, torn and corrupt records, stale indexes, compaction.
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { createFsStore, INDEX_FILE, STORE_FILE } from "./fs-store";

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
    expect((await readdir(cacheDir)).sort()).toEqual([INDEX_FILE, STORE_FILE]);
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

  /** Bytes this thread has read from files so far (Linux), for "reads only what it uses". */
  function bytesRead(): number {
    return Number(/rchar: (\d+)/.exec(readFileSync("/proc/thread-self/io", "utf8"))![1]);
  }

  it("reads the index and the records asked for, not the whole data file", async () => {
    const writer = createFsStore(dir);
    const big = "z".repeat(50_000);
    await Promise.all(Array.from({ length: 200 }, (_, i) => writer.put(`listing|x|p${i}`, { i, big })));
    expect((await stat(join(dir, STORE_FILE))).size).toBeGreaterThan(10_000_000);
    const before = bytesRead();
    const reader = createFsStore(dir);
    expect(await reader.get("listing|x|p123")).toEqual({ i: 123, big });
    expect(await reader.get("listing|x|p7")).toEqual({ i: 7, big });
    expect(await reader.get("listing|x|missing")).toBeUndefined();
    // The index (~6 KB) and two records (~50 KB each), not the 10 MB of data.
    expect(bytesRead() - before).toBeLessThan(200_000);
  });

  it("finds records appended without their index lines (an older tangle, a crash between the writes), and indexes them", async () => {
    await createFsStore(dir).put("indexed", 1);
    await appendFile(join(dir, STORE_FILE), '\n"unindexed"\t{"v":2}\n\n"indexed"\t3\n');
    const store = createFsStore(dir);
    expect(await store.get("unindexed")).toEqual({ v: 2 });
    expect(await store.get("indexed")).toBe(3);
    expect(await readFile(join(dir, INDEX_FILE), "utf8")).toContain('"unindexed"\t');
    // A cache from before there was an index at all is read whole once, then indexed.
    const old = await mkdtemp(join(dir, "old-"));
    await writeFile(join(old, STORE_FILE), '\n"a"\t[1]\n\n"b"\t[2]\n');
    expect(await createFsStore(old).get("b")).toEqual([2]);
    expect((await readFile(join(old, INDEX_FILE), "utf8")).split("\n").filter((l) => l !== "")).toHaveLength(2);
  });

  it("reads an index line that points at another record, or past the data, as a miss, never as another key's value", async () => {
    const writer = createFsStore(dir);
    await writer.put("a", "value of a");
    await writer.put("b", "value of b");
    const lines = (await readFile(join(dir, INDEX_FILE), "utf8")).split("\n").filter((l) => l !== "");
    const [, bStart, bLength] = lines.find((l) => l.startsWith('"b"'))!.split("\t");
    await writeFile(join(dir, INDEX_FILE), `"a"\t${bStart}\t${bLength}\n"b"\t${bStart}\t${bLength}\n"c"\t999999\t10\n"d"\tx\t-1\n`);
    const store = createFsStore(dir);
    expect(await store.get("a")).toBeUndefined();
    expect(await store.get("b")).toBe("value of b");
    expect(await store.get("c")).toBeUndefined();
    expect(await store.get("d")).toBeUndefined();
  });

  it("compacts the index with the data, and reads the same values afterwards", async () => {
    const file = join(dir, STORE_FILE);
    const big = "y".repeat(1 << 20);
    const writer = createFsStore(dir);
    for (let i = 0; i < 12; i++) await writer.put("k", { i, big });
    await writer.put("other", 7);
    await writer.delete("gone");
    const store = createFsStore(dir);
    expect(await store.get("k")).toEqual({ i: 11, big });
    expect(await store.get("other")).toBe(7);
    expect((await stat(file)).size).toBeLessThan(2 << 20);
    expect((await readFile(join(dir, INDEX_FILE), "utf8")).split("\n").filter((l) => l !== "")).toHaveLength(2);
    const again = createFsStore(dir);
    expect(await again.get("k")).toEqual({ i: 11, big });
    expect(await again.get("gone")).toBeUndefined();
  });
});
