// Checks a downloaded body against the hashes an index advertised for it (sha256 and the other SHA-2 digests Web Crypto has).
import { invalidResponse } from "./index-error";

const WEB_CRYPTO_NAMES: Record<string, string> = { sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512" };

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Resolves when `body` matches the strongest checkable hash in `hashes` (or none is checkable, e.g. only md5);
 * rejects with IndexError "<url> answered with a body whose sha256 is ..., not the advertised ..." otherwise.
 */
export async function checkBodyHash(body: Uint8Array<ArrayBuffer>, hashes: Record<string, string>, url: string): Promise<void> {
  const name = ["sha512", "sha384", "sha256"].find((n) => typeof hashes[n] === "string");
  if (name === undefined) return;
  const expected = hashes[name].toLowerCase();
  const actual = hex(await globalThis.crypto.subtle.digest(WEB_CRYPTO_NAMES[name], body));
  if (actual !== expected) throw invalidResponse(url, `a body whose ${name} is ${actual}, not the advertised ${expected}`);
}
