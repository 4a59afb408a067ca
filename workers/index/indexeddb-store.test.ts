// Tests for the IndexedDB MetadataStore against a minimal in-memory IndexedDB.
import { describe, expect, it } from "vitest";
import { openIndexedDbStore } from "./indexeddb-store";

/** IDBKeyRange.bound's range, as the fake reads it. */
interface FakeKeyRange {
  lower: string;
  upper: string;
}

const fakeKeyRange = { bound: (lower: string, upper: string): FakeKeyRange => ({ lower, upper }) } as unknown as Pick<typeof IDBKeyRange, "bound">;

/** A table's entries with keys in the range, in key order (keys compared as IndexedDB compares strings). */
function inRange(table: Map<string, unknown>, range: FakeKeyRange): [string, unknown][] {
  return [...table].filter(([key]) => key >= range.lower && key <= range.upper).sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * A minimal in-memory IndexedDB (the subset the store uses), following the spec's event order: requests succeed
 * asynchronously, then the transaction completes; `open` fires upgradeneeded before success when the version rises.
 */
function createFakeIndexedDb() {
  const databases = new Map<string, { version: number; stores: Map<string, Map<string, unknown>> }>();
  const later = (fn: () => void): void => void setTimeout(fn, 0);
  const request = <T>() => {
    const r = { result: undefined as T | undefined, error: null as Error | null, onsuccess: null as null | (() => void), onerror: null as null | (() => void) };
    return r;
  };
  const factory = {
    opened: 0,
    failPuts: false,
    open(name: string, version: number) {
      factory.opened += 1;
      const req = { ...request<unknown>(), onupgradeneeded: null as null | (() => void) };
      later(() => {
        let db = databases.get(name);
        const upgrade = db === undefined || db.version < version;
        if (db === undefined) {
          db = { version, stores: new Map() };
          databases.set(name, db);
        }
        const data = db;
        const handle = {
          objectStoreNames: { contains: (store: string) => data.stores.has(store) },
          createObjectStore: (store: string) => data.stores.set(store, new Map()),
          transaction(store: string, mode: "readonly" | "readwrite") {
            const table = data.stores.get(store);
            if (table === undefined) throw new Error(`NotFoundError: no object store ${store}`);
            const tx = { oncomplete: null as null | (() => void), onerror: null as null | (() => void), onabort: null as null | (() => void), error: null as Error | null };
            let open = 0;
            const finish = (): void => {
              if (open === 0) later(() => (tx.error === null ? tx.oncomplete?.() : tx.onabort?.()));
            };
            const op = <T>(run: () => T) => {
              const r = request<T>();
              open += 1;
              later(() => {
                try {
                  r.result = run();
                  r.onsuccess?.();
                } catch (error) {
                  r.error = error as Error;
                  tx.error = r.error;
                  r.onerror?.();
                  tx.onerror?.();
                }
                open -= 1;
                finish();
              });
              return r;
            };
            return Object.assign(tx, {
              objectStore: () => ({
                get: (key: string) => op(() => (table.has(key) ? structuredClone(table.get(key)) : undefined)),
                put: (value: unknown, key: string) =>
                  op(() => {
                    if (mode !== "readwrite") throw new Error("ReadOnlyError");
                    if (factory.failPuts) throw new Error("QuotaExceededError");
                    table.set(key, structuredClone(value));
                    return key;
                  }),
                delete: (key: string) => op(() => void table.delete(key)),
                getAllKeys: (range: FakeKeyRange) => op(() => inRange(table, range).map(([key]) => key)),
                getAll: (range: FakeKeyRange) => op(() => inRange(table, range).map(([, value]) => structuredClone(value))),
              }),
            });
          },
        };
        req.result = handle;
        if (upgrade) {
          data.version = version;
          req.onupgradeneeded?.();
        }
        req.onsuccess?.();
      });
      return req;
    },
  };
  return factory;
}

describe("IndexedDB store", () => {
  it("creates its object store once, and round-trips values across openings", async () => {
    const fake = createFakeIndexedDb();
    const factory = fake as unknown as IDBFactory;
    const store = await openIndexedDbStore({ factory, keyRange: fakeKeyRange, dbName: "t" });
    const value = { kind: "known", requiresDist: ["a (>=1)"], nested: { n: 1 } };
    await store.put("metadata|x|a|1", value);
    expect(await store.get("metadata|x|a|1")).toEqual(value);
    expect(await store.get("missing")).toBeUndefined();
    const again = await openIndexedDbStore({ factory, keyRange: fakeKeyRange, dbName: "t" });
    expect(await again.get("metadata|x|a|1")).toEqual(value);
    await again.delete("metadata|x|a|1");
    expect(await store.get("metadata|x|a|1")).toBeUndefined();
    expect(fake.opened).toBe(2);
  });

  it("reads every entry under a key prefix at once, as copies", async () => {
    const store = await openIndexedDbStore({ factory: createFakeIndexedDb() as unknown as IDBFactory, keyRange: fakeKeyRange });
    await Promise.all([
      store.put("metadata|x|b|1", { n: 2 }),
      store.put("metadata|x|a|1", { n: 1 }),
      store.put("metadata|xy|a|1", { n: 3 }),
      store.put("listing|x|a", { n: 4 }),
    ]);
    const entries = await store.entries?.("metadata|x|");
    expect(entries).toEqual(
      new Map([
        ["metadata|x|a|1", { n: 1 }],
        ["metadata|x|b|1", { n: 2 }],
      ]),
    );
    (entries?.get("metadata|x|a|1") as { n: number }).n = 9;
    expect(await store.get("metadata|x|a|1")).toEqual({ n: 1 });
  });

  it("rejects a failed write (e.g. quota), so the cache layer can ignore it", async () => {
    const fake = createFakeIndexedDb();
    const store = await openIndexedDbStore({ factory: fake as unknown as IDBFactory, keyRange: fakeKeyRange });
    fake.failPuts = true;
    await expect(store.put("k", 1)).rejects.toThrow("QuotaExceededError");
  });

  it("says when IndexedDB is not available", async () => {
    const saved = globalThis.indexedDB;
    expect(saved).toBeUndefined();
    await expect(openIndexedDbStore()).rejects.toThrow("IndexedDB is not available here");
  });
});
