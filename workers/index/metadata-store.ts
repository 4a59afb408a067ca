// The persistent key-value store the index client caches listings and release metadata in (memory, IndexedDB or a directory).

/**
 * Stores JSON-serialisable values by string key. Implementations must return a copy (or an immutable value):
 * callers may keep what `get` returns. A value that cannot be read back (corrupt file) reads as undefined.
 */
export interface MetadataStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}
