// A MetadataStore in a cache directory (Node, the CLI): an append-only data file and its index; a run reads the index, then only the records it asks for.
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { MetadataStore } from "./metadata-store";

/** The data file in the directory; its name carries the record format. */
export const STORE_FILE = "index-cache-v1.jsonl";
/** Where each record of the data file starts and how long it is, so a run reads only what it uses. */
export const INDEX_FILE = "index-cache-v1.idx";

/** Rewrite the files without superseded records when the data is at least this big and mostly superseded. */
const COMPACT_MIN_BYTES = 8 << 20;

/**
 * Data records are lines `"<key as a JSON string>"\t<value as JSON>`, each written with a newline before and after, so
 * a record torn by a crash spoils only itself. The last record of a key wins; a record with an empty value deletes it.
 * JSON escapes every control character, so neither part contains a raw tab or newline.
 */
function record(key: string, json: string | null): string {
  return `\n${JSON.stringify(key)}\t${json ?? ""}\n`;
}

/** Index lines `"<key>"\t<start>\t<length>`: the record's bytes in the data file, from its opening quote to its end. */
function indexLine(key: string, span: Span): string {
  return `${JSON.stringify(key)}\t${span.start}\t${span.length}\n`;
}

/** A record's place in the data file. */
interface Span {
  start: number;
  length: number;
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The key of a quoted JSON string spanning [start, end) of `bytes`: plain ASCII as it stands, anything else through JSON. */
function quotedKey(bytes: Buffer, start: number, end: number): string | undefined {
  if (end - start < 2 || bytes[start] !== QUOTE || bytes[end - 1] !== QUOTE) return undefined;
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

/** Calls `line(start, end)` for each line of `bytes`, found by a native scan for line breaks. */
function eachLine(bytes: Buffer, line: (start: number, end: number) => void): void {
  let at = 0;
  while (at < bytes.length) {
    let end = bytes.indexOf(NEWLINE, at);
    if (end < 0) end = bytes.length;
    if (end > at) line(at, end);
    at = end + 1;
  }
}

/** The records in `bytes` (a stretch of the data file starting at byte `offset`), by key; later records win. */
function scanRecords(bytes: Buffer, offset: number, into: Map<string, Span>): void {
  eachLine(bytes, (start, end) => {
    const tab = bytes.indexOf(TAB, start);
    if (tab < 0 || tab >= end) return;
    const key = quotedKey(bytes, start, tab);
    if (key !== undefined) into.set(key, { start: offset + start, length: end - start });
  });
}

/** The index file's spans, by key, that lie inside a data file of `dataSize` bytes; and the end of the last one. */
function readIndex(bytes: Buffer, dataSize: number): { spans: Map<string, Span>; covered: number } {
  const spans = new Map<string, Span>();
  let covered = 0;
  eachLine(bytes, (start, end) => {
    const tab = bytes.indexOf(TAB, start);
    if (tab < 0 || tab >= end) return;
    const key = quotedKey(bytes, start, tab);
    const [startText, lengthText] = bytes.toString("latin1", tab + 1, end).split("\t");
    const span = { start: Number(startText), length: Number(lengthText) };
    if (key === undefined || !Number.isSafeInteger(span.start) || !Number.isSafeInteger(span.length) || span.start < 0 || span.length <= 0) return;
    if (span.start + span.length > dataSize) return;
    spans.set(key, span);
    covered = Math.max(covered, span.start + span.length);
  });
  return { spans, covered };
}

interface Loaded {
  /** The data file, open for reading, or null when there is none yet. */
  fd: number | null;
  spans: Map<string, Span>;
  /** Values written in this process (their JSON, or null when deleted). */
  written: Map<string, string | null>;
}

function fileSize(fd: number): number {
  return fstatSync(fd).size;
}

function readBytes(fd: number, start: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  const read = readSync(fd, bytes, 0, length, start);
  return bytes.subarray(0, read);
}

/**
 * Two files under `dir` (created on first write). Opening reads the index (tens of bytes a record) and scans only what
 * the data file holds past it (records another process appended without indexing them); a value is read and parsed
 * from its own bytes when asked for, after checking the record there is the key's (an index that went stale reads as a
 * miss, never as another key's value). Writes append to both files (batched per turn of the event loop), so several
 * processes may share the directory; a corrupt record reads as a miss.
 */
export function createFsStore(dir: string): MetadataStore {
  const dataPath = join(dir, STORE_FILE);
  const indexPath = join(dir, INDEX_FILE);
  let loaded: Loaded | null = null;
  let pending: [string, string | null][] = [];
  let flushing: Promise<void> | null = null;

  function load(): Loaded {
    if (loaded) return loaded;
    let fd: number | null = null;
    try {
      fd = openSync(dataPath, "r");
    } catch {
      // no cache yet
    }
    const spans = new Map<string, Span>();
    if (fd !== null) {
      const size = fileSize(fd);
      let indexBytes = Buffer.alloc(0);
      try {
        indexBytes = readFileSync(indexPath);
      } catch {
        // no index yet (a cache written before there was one): the scan below reads the whole file
      }
      const index = readIndex(indexBytes, size);
      for (const [key, span] of index.spans) spans.set(key, span);
      if (index.covered < size) {
        const tail = new Map<string, Span>();
        scanRecords(readBytes(fd, index.covered, size - index.covered), index.covered, tail);
        for (const [key, span] of tail) spans.set(key, span);
        appendIndex([...tail]);
      }
      if (size >= COMPACT_MIN_BYTES) fd = compact(fd, size, spans);
    }
    loaded = { fd, spans, written: new Map() };
    return loaded;
  }

  function appendIndex(entries: [string, Span][]): void {
    if (entries.length === 0) return;
    try {
      writeFileSync(indexPath, entries.map(([key, span]) => indexLine(key, span)).join(""), { flag: "a" });
    } catch {
      // An index that cannot be written costs the next run a scan, nothing else.
    }
  }

  /** Rewrites both files with only the live records when more than half of the data is superseded; returns the fd to read. */
  function compact(fd: number, size: number, spans: Map<string, Span>): number {
    let live = 0;
    for (const span of spans.values()) live += span.length;
    if (live * 2 > size) return fd;
    const bytes = readBytes(fd, 0, size);
    const parts: Buffer[] = [];
    const newSpans = new Map<string, Span>();
    let at = 0;
    for (const [key, span] of spans) {
      const json = valueOf(bytes.subarray(span.start, span.start + span.length), key);
      if (json === undefined || json === null) continue;
      const text = Buffer.from(record(key, json));
      newSpans.set(key, { start: at + 1, length: text.length - 2 });
      parts.push(text);
      at += text.length;
    }
    const suffix = `.${process.pid}.tmp`;
    try {
      writeFileSync(dataPath + suffix, Buffer.concat(parts));
      writeFileSync(indexPath + suffix, [...newSpans].map(([key, span]) => indexLine(key, span)).join(""));
      renameSync(dataPath + suffix, dataPath);
      renameSync(indexPath + suffix, indexPath);
    } catch {
      rmSync(dataPath + suffix, { force: true });
      rmSync(indexPath + suffix, { force: true });
      return fd;
    }
    closeSync(fd);
    spans.clear();
    for (const [key, span] of newSpans) spans.set(key, span);
    return openSync(dataPath, "r");
  }

  /** Appends everything written during this turn of the event loop: the records in one write, then their index lines. */
  function flush(): Promise<void> {
    flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const batch = pending;
      pending = [];
      flushing = null;
      const texts = batch.map(([key, json]) => Buffer.from(record(key, json)));
      const bytes = Buffer.concat(texts);
      mkdirSync(dir, { recursive: true });
      const fd = openSync(dataPath, "a");
      let end: number;
      try {
        writeSync(fd, bytes);
        end = fileSize(fd);
      } finally {
        closeSync(fd);
      }
      // Where this write landed; should another process append in between, the index is wrong for these records and
      // reading them checks their key and misses.
      let at = end - bytes.length;
      const entries: [string, Span][] = [];
      batch.forEach(([key], i) => {
        entries.push([key, { start: at + 1, length: texts[i].length - 2 }]);
        at += texts[i].length;
      });
      appendIndex(entries);
    });
    return flushing;
  }

  async function write(key: string, json: string | null): Promise<void> {
    load().written.set(key, json);
    pending.push([key, json]);
    await flush();
  }

  return {
    get(key) {
      const state = load();
      let json = state.written.get(key);
      if (json === undefined) {
        const span = state.spans.get(key);
        json = span && state.fd !== null ? valueOf(readBytes(state.fd, span.start, span.length), key) : null;
      }
      if (json === null || json === undefined) return Promise.resolve(undefined);
      try {
        return Promise.resolve(JSON.parse(json) as unknown);
      } catch {
        return Promise.resolve(undefined);
      }
    },
    put: (key, value) => write(key, JSON.stringify(value)),
    delete: (key) => write(key, null),
  };
}

/**
 * The value's JSON in one record's bytes (`"<key>"\t<value>`), null for a deletion, or undefined when the record there
 * is not the key's (a stale index, a torn write).
 */
function valueOf(bytes: Buffer, key: string): string | null | undefined {
  const tab = bytes.indexOf(TAB);
  if (tab < 0 || quotedKey(bytes, 0, tab) !== key) return undefined;
  return tab + 1 === bytes.length ? null : bytes.toString("utf8", tab + 1);
}
