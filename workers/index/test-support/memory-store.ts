// A MetadataStore in memory (tests, and sessions that must not persist anything): values are stored as JSON copies.
import type { MetadataStore } from "../metadata-store";

export interface MemoryStore extends MetadataStore {
  /** Number of keys stored. */
  readonly size: number;
  keys(): string[];
}

export function createMemoryStore(): MemoryStore {
  const entries = new Map<string, string>();
  return {
    get size() {
      return entries.size;
    },
    keys: () => [...entries.keys()],
    get: async (key) => {
      const text = entries.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    },
    put: async (key, value) => {
      entries.set(key, JSON.stringify(value));
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}
