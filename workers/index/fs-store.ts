// A MetadataStore in a cache directory (Node, the CLI): one append-only file, read once as bytes, each entry decoded only when used.
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
  /** key -> [start, end) of its value's JSON in `bytes`, or null when deleted. */
  offsets: Map<string, [number, number] | null>;
  /** The file as read: kept as bytes, so only the values asked for are ever decoded from UTF-8. */
  bytes: Buffer;
  /** Values written or decoded in this process (decoded once, copied on every get). */
  values: Map<string, string | null>;
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Indexes the file's records by key without decoding any value: a native scan for line breaks and tabs. */
function indexRecords(bytes: Buffer): Map<string, [number, number] | null> {
  const offsets = new Map<string, [number, number] | null>();
  let at = 0;
  while (at < bytes.length) {
    let end = bytes.indexOf(NEWLINE, at);
    if (end < 0) end = bytes.length;
    const tab = bytes.indexOf(TAB, at);
    if (tab > at + 1 && tab < end && bytes[at] === QUOTE && bytes[tab - 1] === QUOTE) {
      const key = recordKey(bytes, at, tab);
      if (key !== undefined) offsets.set(key, tab + 1 === end ? null : [tab + 1, end]);
    }
    at = end + 1;
  }
  return offsets;
}

/** The key of the record whose quoted key spans [start, end): plain ASCII as it stands, anything else through JSON. */
function recordKey(bytes: Buffer, start: number, end: number): string | undefined {
  let plain = true;
  for (let i = start + 1; i < end - 1 && plain; i++) plain = bytes[i] !== BACKSLASH && bytes[i] < 0x80;
  if (plain) return bytes.toString("latin1", start + 1, end - 1);
  try {
    const key: unknown = JSON.parse(bytes.toString("utf8", start, end));
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
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
      let bytes: Buffer = Buffer.alloc(0);
      try {
        bytes = await readFile(file);
      } catch {
        // no cache yet
      }
      const offsets = indexRecords(bytes);
      if (bytes.length >= COMPACT_MIN_BYTES) bytes = await compact(bytes, offsets);
      return { offsets, bytes, values: new Map() };
    })();
    return loading;
  }

  /** Rewrites the file with only the live records when more than half of it is superseded; returns the bytes now indexed. */
  async function compact(bytes: Buffer, offsets: Map<string, [number, number] | null>): Promise<Buffer> {
    let live = 0;
    for (const span of offsets.values()) if (span !== null) live += span[1] - span[0];
    if (live * 2 > bytes.length) return bytes;
    const parts: string[] = [];
    for (const [key, span] of offsets) if (span !== null) parts.push(record(key, bytes.toString("utf8", span[0], span[1])));
    const compacted = Buffer.from(parts.join(""));
    try {
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, compacted);
      await rename(temp, file);
    } catch {
      return bytes;
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
        json = span ? loaded.bytes.toString("utf8", span[0], span[1]) : null;
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
