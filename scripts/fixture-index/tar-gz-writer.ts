// A minimal deterministic .tar.gz writer: ustar entries with fixed metadata, gzip with stored deflate blocks.

import { crc32 } from "node:zlib";

export interface TarEntry {
  name: string;
  data: Uint8Array;
}

const MTIME = 315532800; // 1980-01-01T00:00:00Z

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar entry name too long: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, "utf8");
  h.write(octal(0o644, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii");
  h.write(octal(0, 8), 116, "ascii");
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(MTIME, 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write("0", 156, "ascii");
  h.write("ustar\u000000", 257, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return h;
}

/** A POSIX ustar archive of regular files (mode 0644, uid/gid 0, fixed mtime). */
export function writeTar(entries: readonly TarEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e.name, e.data.length), Buffer.from(e.data));
    const pad = (512 - (e.data.length % 512)) % 512;
    if (pad > 0) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  return new Uint8Array(Buffer.concat(parts));
}

/** gzip (RFC 1952) with stored deflate blocks: no zlib build or CPU feature can change the bytes. */
export function gzipStored(data: Uint8Array): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])];
  const max = 0xffff;
  let pos = 0;
  do {
    const len = Math.min(max, data.length - pos);
    const block = Buffer.alloc(5);
    block[0] = pos + len >= data.length ? 1 : 0; // BFINAL, BTYPE=00
    block.writeUInt16LE(len, 1);
    block.writeUInt16LE(~len & 0xffff, 3);
    parts.push(block, Buffer.from(data.subarray(pos, pos + len)));
    pos += len;
  } while (pos < data.length);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  parts.push(trailer);
  return new Uint8Array(Buffer.concat(parts));
}

/** A `.tar.gz` of the given entries. */
export function writeTarGz(entries: readonly TarEntry[]): Uint8Array {
  return gzipStored(writeTar(entries));
}
