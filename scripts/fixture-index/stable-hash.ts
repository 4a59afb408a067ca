// Deterministic pseudo-random numbers derived from strings (seeded faults, upload-time jitter).

import { createHash } from "node:crypto";

/** A number in [0, 1) that depends only on the given parts. */
export function hashUnit(...parts: readonly (string | number)[]): number {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  // 48 bits are plenty and stay exact in a double.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
