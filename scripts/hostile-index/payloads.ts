// The bodies a hostile index answers with: gzip bombs, huge listings, garbage, injected markup, 100k versions, 10k dependencies.
import { createGzip } from "node:zlib";

/** Strings that would run or break markup if a page put them into HTML unescaped. */
export const INJECTIONS = [
  "<script>globalThis.__pwned = 1</script>",
  '"><img src=x onerror="globalThis.__pwned=1">',
  "javascript:globalThis.__pwned=1",
  "</textarea><svg onload=globalThis.__pwned=1>",
  "{{constructor.constructor('globalThis.__pwned=1')()}}",
] as const;

/** One INJECTIONS entry per use, in turn. */
export function injection(n: number): string {
  return INJECTIONS[n % INJECTIONS.length];
}

/** A wheel file name for `name` `version`. */
export function wheelName(name: string, version: string): string {
  return `${name.replace(/-/g, "_")}-${version}-py3-none-any.whl`;
}

/** One PEP 691 file entry. */
export function fileEntry(name: string, version: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const filename = wheelName(name, version);
  return { filename, url: `../../files/${filename}`, hashes: {}, "core-metadata": true, ...extra };
}

/** A PEP 691 project page of `files`. */
export function listingJson(name: string, files: Record<string, unknown>[]): string {
  return JSON.stringify({ meta: { "api-version": "1.1" }, name, files });
}

/** Core metadata (Metadata-Version 2.1) with `requires` as Requires-Dist lines. */
export function coreMetadata(name: string, version: string, requires: readonly string[] = [], fields: Record<string, string> = {}): string {
  const lines = ["Metadata-Version: 2.1", `Name: ${name}`, `Version: ${version}`];
  for (const [key, value] of Object.entries(fields)) lines.push(`${key}: ${value}`);
  for (const r of requires) lines.push(`Requires-Dist: ${r}`);
  return `${lines.join("\n")}\n`;
}

/** The i-th of `count` versions: 0.0.0 ... 99.999 style, all distinct and valid PEP 440. */
export function nthVersion(i: number): string {
  return `${Math.floor(i / 1000)}.${i % 1000}`;
}

/** A listing of `count` versions of `name`, one wheel each (about 120 bytes per version), as chunks of text. */
export function* manyVersionsListing(name: string, count: number): Generator<string> {
  yield `{"meta": {"api-version": "1.1"}, "name": ${JSON.stringify(name)}, "files": [`;
  for (let i = 0; i < count; i += 1) {
    const entry = JSON.stringify(fileEntry(name, nthVersion(i)));
    yield i === 0 ? entry : `,${entry}`;
  }
  yield "]}";
}

/** A valid PEP 691 listing padded with file entries until it is at least `bytes` long, as chunks. */
export function* hugeListing(name: string, bytes: number): Generator<string> {
  const head = `{"meta": {"api-version": "1.1"}, "name": ${JSON.stringify(name)}, "files": [`;
  yield head;
  let sent = head.length;
  const pad = "x".repeat(900);
  for (let i = 0; sent < bytes; i += 1) {
    const entry = `${i === 0 ? "" : ","}${JSON.stringify(fileEntry(name, nthVersion(i), { "padding": pad }))}`;
    sent += entry.length;
    yield entry;
  }
  yield "]}";
}

/** A body that never ends unless the reader stops (bounded at `limit` bytes so the server loop is finite). */
export function* endlessBody(limit: number): Generator<string> {
  const chunk = `{"padding": "${"y".repeat(64 * 1024)}"}, `;
  yield '{"meta": {"api-version": "1.1"}, "name": "endless", "files": [';
  for (let sent = 0; sent < limit; sent += chunk.length) yield chunk;
}

let bombCache: { size: number; gzip: Promise<Buffer> } | null = null;

/** `size` bytes of spaces gzipped (1 GiB -> about 1 MiB), computed once per size by streaming (never held inflated). */
export function gzipBomb(size: number): Promise<Buffer> {
  if (bombCache !== null && bombCache.size === size) return bombCache.gzip;
  const gzip = new Promise<Buffer>((resolve, reject) => {
    const out: Buffer[] = [];
    const z = createGzip({ level: 9 });
    z.on("data", (b: Buffer) => out.push(b));
    z.on("end", () => resolve(Buffer.concat(out)));
    z.on("error", reject);
    const block = Buffer.alloc(1024 * 1024, 0x20);
    let left = size;
    const pump = (): void => {
      while (left > 0) {
        const n = Math.min(left, block.length);
        left -= n;
        if (!z.write(n === block.length ? block : block.subarray(0, n))) {
          z.once("drain", pump);
          return;
        }
      }
      z.end();
    };
    pump();
  });
  bombCache = { size, gzip };
  return gzip;
}
