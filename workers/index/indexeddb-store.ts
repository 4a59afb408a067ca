// A MetadataStore in IndexedDB (the browser worker): one object store of JSON-cloneable values by key.
import type { MetadataStore } from "./metadata-store";

export interface IndexedDbStoreOptions {
  /** Database name (default "tangle-index-cache"). */
  dbName?: string;
  /** The IndexedDB factory (default the global `indexedDB`). */
  factory?: IDBFactory;
  /** Key ranges, from the same implementation as `factory` (default the global `IDBKeyRange`). */
  keyRange?: Pick<typeof IDBKeyRange, "bound">;
}

const STORE = "entries";
const DB_VERSION = 1;

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
  const keyRange = options.keyRange ?? globalThis.IDBKeyRange;
  if (factory === undefined || keyRange === undefined) throw new Error("IndexedDB is not available here");
  const open = factory.open(options.dbName ?? "tangle-index-cache", DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
  };
  const db = await requestResult(open);

  // Reads and writes asked for in the same task share one transaction: a resolution that starts from a warm cache
  // asks for hundreds of keys at once, and a transaction per key costs more than the reads themselves.
  let reads: { key: string; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  let writes: { key: string; value: unknown; remove: boolean; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const flushReads = () => {
    const batch = reads;
    reads = [];
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
  const write = (key: string, value: unknown, remove: boolean) =>
    new Promise<void>((resolve, reject) => {
      if (writes.length === 0) setTimeout(flushWrites, 0);
      writes.push({ key, value, remove, resolve, reject });
    });
  return {
    get(key) {
      return new Promise<unknown>((resolve, reject) => {
        if (reads.length === 0) setTimeout(flushReads, 0);
        reads.push({ key, resolve, reject });
      });
    },
    put: (key, value) => write(key, value, false),
    delete: (key) => write(key, undefined, true),
    async entries(prefix) {
      // Keys are compared by UTF-16 code units, so every key with the prefix lies in [prefix, prefix + U+FFFF].
      const range = keyRange.bound(prefix, prefix + "\uffff");
      const store = db.transaction(STORE, "readonly").objectStore(STORE);
      // One transaction reads a consistent state: both lists come in key order and match one for one.
      const [keys, values] = await Promise.all([requestResult(store.getAllKeys(range)), requestResult(store.getAll(range))]);
      return new Map(keys.map((key, i) => [String(key), values[i]]));
    },
  };
}
