// The wheel, zip and tar.gz writers produce valid, deterministic archives with correct checksums and RECORD.

import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readStoredZip } from "./stored-zip-reader";
import { writeTarGz } from "./tar-gz-writer";
import { writeWheel } from "./wheel-writer";
import { writeZip } from "./zip-writer";

describe("zip writer", () => {
  it("round-trips entries and is byte-for-byte deterministic", () => {
    const entries = [
      { name: "a/b.txt", data: new Uint8Array(Buffer.from("hello")) },
      { name: "ü.txt", data: new Uint8Array(0) },
    ];
    const a = writeZip(entries);
    expect(Buffer.from(writeZip(entries)).equals(Buffer.from(a))).toBe(true);
    const files = readStoredZip(a);
    expect(files.get("a/b.txt")?.toString()).toBe("hello");
    expect(files.get("ü.txt")?.length).toBe(0);
  });
});

describe("wheel writer", () => {
  it("writes METADATA, WHEEL with expanded tags and a RECORD whose hashes match", () => {
    const wheel = writeWheel({
      distName: "fast_math",
      version: "2.0.0",
      importPackage: "fast_math",
      metadata: "Metadata-Version: 2.1\nName: fast-math\nVersion: 2.0.0\n\n",
      tags: ["cp312-cp312-manylinux_2_17_x86_64", "cp312-cp312-manylinux2014_x86_64"],
      initPy: "__version__ = '2.0.0'\n",
    });
    const files = readStoredZip(wheel);
    expect([...files.keys()]).toEqual([
      "fast_math/__init__.py",
      "fast_math-2.0.0.dist-info/METADATA",
      "fast_math-2.0.0.dist-info/WHEEL",
      "fast_math-2.0.0.dist-info/RECORD",
    ]);
    const wheelFile = files.get("fast_math-2.0.0.dist-info/WHEEL")?.toString() ?? "";
    expect(wheelFile).toContain("Root-Is-Purelib: false");
    expect(wheelFile).toContain("Tag: cp312-cp312-manylinux2014_x86_64");
    const record = (files.get("fast_math-2.0.0.dist-info/RECORD")?.toString() ?? "").trim().split("\n");
    expect(record).toHaveLength(4);
    for (const line of record.slice(0, 3)) {
      const [name = "", hash = "", size = ""] = line.split(",");
      const data = files.get(name) ?? Buffer.alloc(0);
      expect(hash).toBe(`sha256=${createHash("sha256").update(data).digest("base64url")}`);
      expect(Number(size)).toBe(data.length);
    }
    expect(record[3]).toBe("fast_math-2.0.0.dist-info/RECORD,,");
  });
});

describe("tar.gz writer", () => {
  it("writes a gzip that gunzips to a ustar archive with valid header checksums", () => {
    const gz = writeTarGz([{ name: "pkg-1.0/PKG-INFO", data: new Uint8Array(Buffer.from("Name: pkg\n")) }]);
    expect(Buffer.from(writeTarGz([{ name: "pkg-1.0/PKG-INFO", data: new Uint8Array(Buffer.from("Name: pkg\n")) }])).equals(Buffer.from(gz))).toBe(true);
    const tar = gunzipSync(gz);
    expect(tar.length % 512).toBe(0);
    const header = tar.subarray(0, 512);
    expect(header.toString("utf8", 0, 16)).toBe("pkg-1.0/PKG-INFO");
    expect(header.toString("ascii", 257, 262)).toBe("ustar");
    const stored = parseInt(header.toString("ascii", 148, 154), 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
    expect(stored).toBe(sum);
    expect(parseInt(header.toString("ascii", 124, 135), 8)).toBe(10);
    expect(tar.toString("utf8", 512, 522)).toBe("Name: pkg\n");
  });
});
