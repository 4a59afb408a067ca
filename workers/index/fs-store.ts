// A MetadataStore in a cache directory (Node, the CLI): one JSON file per key, safe file names, atomic writes.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MetadataStore } from "./metadata-store";

/**
 * The file name of a key: a readable slug (letters, digits, `.`, `_`, `-` only; at most 60 characters) and the first
 * 24 hex digits of the key's SHA-256, so distinct keys never share a file and no key escapes the directory.
 */
export function storeFileName(key: string): string {
  const slug = key
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._-]+/, "")
    .slice(0, 60);
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 24);
  return `${slug === "" ? "key" : slug}-${hash}.json`;
}

/** One file per key under `dir` (created on first write). Each file holds `{ key, value }`; a mismatched key reads as a miss. */
export function createFsStore(dir: string): MetadataStore {
  let counter = 0;
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(join(dir, storeFileName(key)), "utf8");
      } catch {
        return undefined;
      }
      try {
        const parsed = JSON.parse(text) as { key?: unknown; value?: unknown };
        return parsed.key === key ? parsed.value : undefined;
      } catch {
        return undefined;
      }
    },
    async put(key, value) {
      await mkdir(dir, { recursive: true });
      const file = join(dir, storeFileName(key));
      counter += 1;
      const temp = `${file}.${process.pid}.${counter}.tmp`;
      await writeFile(temp, JSON.stringify({ key, value }), "utf8");
      await rename(temp, file);
    },
    async delete(key) {
      await rm(join(dir, storeFileName(key)), { force: true });
    },
  };
}
