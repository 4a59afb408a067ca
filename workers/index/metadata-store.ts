// The persistent key-value store the index client caches listings and release metadata in (memory, IndexedDB or a directory).

/**
 * Stores JSON-serialisable values by string key. Implementations must return a copy (or an immutable value):
 * callers may keep what `get` returns. A value that cannot be read back (corrupt file) reads as undefined.
 */
export interface MetadataStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Every entry whose key starts with `prefix`, read at once (copies, as `get`'s). Optional: a store whose reads cost
   * a round trip each (IndexedDB) offers it so a cache can read what it holds for an index in one go.
   */
  entries?(prefix: string): Promise<Map<string, unknown>>;
}
