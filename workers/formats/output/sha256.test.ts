// SHA-256 agrees with Node's crypto (an independent implementation) on fixed and generated strings, block boundaries included.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256";

const reference = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 digests of the empty string and 'abc'", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("agrees with node:crypto around the 55/56/64-byte padding boundaries", () => {
    for (let n = 50; n < 140; n++) expect(sha256Hex("x".repeat(n))).toBe(reference("x".repeat(n)));
  });

  it("agrees with node:crypto on any Unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => sha256Hex(text) === reference(text)));
  });
});
