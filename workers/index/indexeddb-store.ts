// A MetadataStore in IndexedDB (the browser worker): one object store of JSON texts by key, read in one go, decoded on use.
import type { MetadataStore } from "./metadata-store";

export interface IndexedDbStoreOptions {
  /** Database name (default "tangle-index-cache"). */
  dbName?: string;
  /** The IndexedDB factory (default the global `indexedDB`). */
  factory?: IDBFactory;
}

const STORE = "entries";
/** 2: values are JSON texts (1 held structured-clone objects; upgrading drops them). */
const DB_VERSION = 2;
/** The first read takes every entry at once when there are at most this many; a bigger cache is read key by key. */
export const PRELOAD_MAX_ENTRIES = 20_000;

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
    transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/** Opens (creating or upgrading) the database; rejects when IndexedDB is unavailable (e.g. private mode) or blocked. */
export async function openIndexedDbStore(options: IndexedDbStoreOptions = {}): Promise<MetadataStore> {
  const factory = options.factory ?? globalThis.indexedDB;
  if (factory === undefined) throw new Error("IndexedDB is not available here");
  const open = factory.open(options.dbName ?? "tangle-index-cache", DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (db.objectStoreNames.contains(STORE)) db.deleteObjectStore(STORE);
    db.createObjectStore(STORE);
  };
  const db = await requestResult(open);

  /**
   * A fresh page's first resolution asks for hundreds of entries in waves, one graph level at a time: reading them all
   * in one transaction when the first is asked for answers every wave from memory. Texts clone cheaply (no object graph)
   * and each is parsed only when asked for. Entries other pages write later are read key by key.
   */
  let snapshot: Promise<Map<string, string> | null> | null = null;
  const readAll = (): Promise<Map<string, string> | null> =>
    new Promise((resolve) => {
      try {
        const store = db.transaction(STORE, "readonly").objectStore(STORE);
        const count = store.count();
        count.onerror = () => resolve(null);
        count.onsuccess = () => {
          if (count.result > PRELOAD_MAX_ENTRIES) return resolve(null);
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onerror = () => resolve(null);
          // Both come in key order, from one transaction.
          values.onsuccess = () => {
            const map = new Map<string, string>();
            const all = values.result as unknown[];
            (keys.result as IDBValidKey[]).forEach((key, i) => {
              if (typeof key === "string" && typeof all[i] === "string") map.set(key, all[i] as string);
            });
            resolve(map);
          };
        };
      } catch {
        resolve(null);
      }
    });
  const decode = (text: unknown): unknown => {
    if (typeof text !== "string") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };

  // Reads and writes asked for in the same task share one transaction: a resolution that starts from a warm cache
  // asks for hundreds of keys at once, and a transaction per key costs more than the reads themselves.
  let reads: { key: string; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  let writes: { key: string; value: unknown; remove: boolean; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const flushReads = async () => {
    const known = await (snapshot ??= readAll());
    const all = reads;
    reads = [];
    const batch: typeof all = [];
    for (const r of all) {
      const text = known?.get(r.key);
      if (text === undefined) batch.push(r);
      else r.resolve(text);
    }
    if (batch.length === 0) return;
    try {
      const store = db.transaction(STORE, "readonly").objectStore(STORE);
      for (const r of batch) requestResult(store.get(r.key)).then(r.resolve, r.reject);
    } catch (error) {
      for (const r of batch) r.reject(error);
    }
  };
  const flushWrites = () => {
    const batch = writes;
    writes = [];
    try {
      const transaction = db.transaction(STORE, "readwrite");
      const store = transaction.objectStore(STORE);
      for (const w of batch) {
        if (w.remove) store.delete(w.key);
        else store.put(w.value, w.key);
      }
      transactionDone(transaction).then(
        () => batch.forEach((w) => w.resolve()),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      );
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };
  const write = async (key: string, value: string | undefined, remove: boolean) => {
    const known = await (snapshot ??= readAll());
    if (known !== null) {
      if (remove || value === undefined) known.delete(key);
      else known.set(key, value);
    }
    return new Promise<void>((resolve, reject) => {
      if (writes.length === 0) setTimeout(flushWrites, 0);
      writes.push({ key, value, remove, resolve, reject });
    });
  };
  return {
    async get(key) {
      // Answered a batch per task, from memory where the snapshot has the key: the event loop turns between waves
      // (a cancel gets through), as it did when every wave went to IndexedDB.
      const stored = await new Promise<unknown>((resolve, reject) => {
        if (reads.length === 0) setTimeout(() => void flushReads(), 0);
        reads.push({ key, resolve, reject });
      });
      return decode(stored);
    },
    put: (key, value) => write(key, JSON.stringify(value), false),
    delete: (key) => write(key, undefined, true),
  };
}
