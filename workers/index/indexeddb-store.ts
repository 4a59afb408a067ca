// A MetadataStore in IndexedDB (the browser worker): one object store of JSON-cloneable values by key.
import type { MetadataStore } from "./metadata-store";

export interface IndexedDbStoreOptions {
  /** Database name (default "tangle-index-cache"). */
  dbName?: string;
  /** The IndexedDB factory (default the global `indexedDB`). */
  factory?: IDBFactory;
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
  if (factory === undefined) throw new Error("IndexedDB is not available here");
  const open = factory.open(options.dbName ?? "tangle-index-cache", DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
  };
  const db = await requestResult(open);
  return {
    async get(key) {
      const transaction = db.transaction(STORE, "readonly");
      const value = await requestResult(transaction.objectStore(STORE).get(key));
      return value as unknown;
    },
    async put(key, value) {
      const transaction = db.transaction(STORE, "readwrite");
      transaction.objectStore(STORE).put(value, key);
      await transactionDone(transaction);
    },
    async delete(key) {
      const transaction = db.transaction(STORE, "readwrite");
      transaction.objectStore(STORE).delete(key);
      await transactionDone(transaction);
    },
  };
}
