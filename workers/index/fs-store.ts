// A MetadataStore in a cache directory (Node, the CLI): one append-only file, read once, each entry decoded only when used.
import { appendFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MetadataStore } from "./metadata-store";

/** The cache file in the directory; its name carries the record format. */
export const STORE_FILE = "index-cache-v1.jsonl";

/** Rewrite the file without superseded records when it is at least this big and mostly superseded. */
const COMPACT_MIN_BYTES = 8 << 20;

/**
 * Records are lines `"<key as a JSON string>"\t<value as JSON>`, each written with a newline before and after, so a
 * record torn by a crash spoils only itself. The last record of a key wins; a record with an empty value deletes it.
 * JSON escapes every control character, so neither part contains a raw tab or newline.
 */
function record(key: string, json: string | null): string {
  return `\n${JSON.stringify(key)}\t${json ?? ""}\n`;
}

interface Loaded {
  /** key -> [start, end) of its value's JSON in `text`, or null when deleted. */
  offsets: Map<string, [number, number] | null>;
  text: string;
  /** Values written or decoded in this process (decoded once, copied on every get). */
  values: Map<string, string | null>;
}

/** Indexes the file's records by key without decoding any value. */
function indexRecords(text: string): Map<string, [number, number] | null> {
  const offsets = new Map<string, [number, number] | null>();
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const tab = text.indexOf("\t", at);
    if (tab > at && tab < end && text.charCodeAt(at) === 34 /* " */) {
      let key: unknown;
      const raw = text.slice(at, tab);
      try {
        key = raw.includes("\\") ? JSON.parse(raw) : raw.length >= 2 && raw.endsWith('"') ? raw.slice(1, -1) : undefined;
      } catch {
        key = undefined;
      }
      if (typeof key === "string") offsets.set(key, tab + 1 === end ? null : [tab + 1, end]);
    }
    at = end + 1;
  }
  return offsets;
}

/**
 * One file under `dir` (created on first write). Reading it costs one read and one scan for line breaks; a value is
 * parsed from its JSON only when asked for. Writes append (batched per turn of the event loop), so several processes
 * may share the directory; a corrupt record reads as a miss.
 */
export function createFsStore(dir: string): MetadataStore {
  const file = join(dir, STORE_FILE);
  let loading: Promise<Loaded> | null = null;
  let pending: string[] = [];
  let flushing: Promise<void> | null = null;

  function load(): Promise<Loaded> {
    loading ??= (async () => {
      let text = "";
      try {
        text = await readFile(file, "utf8");
      } catch {
        // no cache yet
      }
      const offsets = indexRecords(text);
      if (text.length >= COMPACT_MIN_BYTES) text = await compact(text, offsets);
      return { offsets: text.length === 0 ? new Map() : offsets, text, values: new Map() };
    })();
    return loading;
  }

  /** Rewrites the file with only the live records when more than half of it is superseded; returns the text now indexed. */
  async function compact(text: string, offsets: Map<string, [number, number] | null>): Promise<string> {
    let live = 0;
    for (const span of offsets.values()) if (span !== null) live += span[1] - span[0];
    if (live * 2 > text.length) return text;
    const parts: string[] = [];
    for (const [key, span] of offsets) if (span !== null) parts.push(record(key, text.slice(span[0], span[1])));
    const compacted = parts.join("");
    try {
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, compacted, "utf8");
      await rename(temp, file);
    } catch {
      return text;
    }
    offsets.clear();
    for (const [key, span] of indexRecords(compacted)) offsets.set(key, span);
    return compacted;
  }

  /** Appends everything written during this turn of the event loop in one write. */
  function flush(): Promise<void> {
    flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      const lines = pending.join("");
      pending = [];
      flushing = null;
      await mkdir(dir, { recursive: true });
      await appendFile(file, lines, "utf8");
    });
    return flushing;
  }

  async function write(key: string, json: string | null): Promise<void> {
    const loaded = await load();
    loaded.values.set(key, json);
    pending.push(record(key, json));
    await flush();
  }

  return {
    async get(key) {
      const loaded = await load();
      let json = loaded.values.get(key);
      if (json === undefined) {
        const span = loaded.offsets.get(key);
        json = span ? loaded.text.slice(span[0], span[1]) : null;
      }
      if (json === null) return undefined;
      try {
        return JSON.parse(json) as unknown;
      } catch {
        return undefined;
      }
    },
    put: (key, value) => write(key, JSON.stringify(value)),
    delete: (key) => write(key, null),
  };
}
