// Builds a real, installable wheel (PEP 427): a package, METADATA, WHEEL and a RECORD with sha256 entries.

import { createHash } from "node:crypto";
import { writeZip } from "./zip-writer";
import type { ZipEntry } from "./zip-writer";

export interface WheelInput {
  /** Escaped distribution name, e.g. `python_novaclient`. */
  distName: string;
  /** Version as it appears in the filename and `.dist-info` directory. */
  version: string;
  /** Folder of the importable package inside the wheel. */
  importPackage: string;
  /** The exact METADATA text (also served as the PEP 658 `.metadata` file). */
  metadata: string;
  /** Expanded `py-abi-plat` tags. */
  tags: readonly string[];
  /** Source of `<importPackage>/__init__.py`. */
  initPy: string;
}

function recordHash(data: Uint8Array): string {
  return `sha256=${createHash("sha256").update(data).digest("base64url")}`;
}

/** The wheel's bytes; identical input gives identical bytes. */
export function writeWheel(w: WheelInput): Uint8Array {
  const distInfo = `${w.distName}-${w.version}.dist-info`;
  const pure = w.tags.every((t) => t.endsWith("-none-any"));
  const wheelFile = [
    "Wheel-Version: 1.0",
    "Generator: tangle-fixture-index (1.0)",
    `Root-Is-Purelib: ${pure ? "true" : "false"}`,
    ...w.tags.map((t) => `Tag: ${t}`),
    "",
  ].join("\n");
  const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "utf8"));
  const entries: ZipEntry[] = [
    { name: `${w.importPackage}/__init__.py`, data: utf8(w.initPy) },
    { name: `${distInfo}/METADATA`, data: utf8(w.metadata) },
    { name: `${distInfo}/WHEEL`, data: utf8(wheelFile) },
  ];
  const record = entries.map((e) => `${e.name},${recordHash(e.data)},${e.data.length}`).concat(`${distInfo}/RECORD,,`, "");
  entries.push({ name: `${distInfo}/RECORD`, data: utf8(record.join("\n")) });
  return writeZip(entries);
}
