// Checks the release ordering against packaging 26.2's answers for every version string in the snapshots.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareVersions, isPrerelease, normalizeVersion, parseVersion, versionsEqual } from "./version-order";

const VECTORS = new URL("../../workers/packaging/vectors", import.meta.url).pathname;

interface VersionVector {
  input: string;
  valid: boolean;
  normalized: string | null;
  isPrerelease: boolean | null;
}

describe("version order", () => {
  const order = (JSON.parse(readFileSync(`${VECTORS}/order.json`, "utf8")) as { order: string[] }).order;
  const versions = (JSON.parse(readFileSync(`${VECTORS}/versions.json`, "utf8")) as { versions: VersionVector[] }).versions;

  it("sorts valid versions exactly as packaging does", () => {
    const sorted = [...order].reverse().sort(compareVersions);
    expect(sorted).toHaveLength(order.length);
    // Versions packaging calls equal (1.0, 1.0.0) may come in either order; everything else must match exactly.
    sorted.forEach((v, i) => {
      const want = order[i] ?? "";
      expect(v === want || versionsEqual(v, want), `${i}: ${v} vs ${want}`).toBe(true);
    });
  });

  it("normalises, validates and detects pre-releases like packaging", () => {
    for (const v of versions) {
      expect(parseVersion(v.input) !== null, v.input).toBe(v.valid);
      if (v.valid) {
        expect(normalizeVersion(v.input), v.input).toBe(v.normalized);
        expect(isPrerelease(v.input), v.input).toBe(v.isPrerelease);
      }
    }
  });

  it("orders the PEP 440 corner cases", () => {
    const chain = ["1!0.1", "1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0b2.post3.dev1", "1.0rc1", "1.0", "1.0+abc", "1.0+5", "1.0.post1.dev1", "1.0.post1", "1.1"];
    const want = ["1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0b2.post3.dev1", "1.0rc1", "1.0", "1.0+abc", "1.0+5", "1.0.post1.dev1", "1.0.post1", "1.1", "1!0.1"];
    expect([...chain].sort(compareVersions)).toEqual(want);
    expect(compareVersions("not a version", "0.0.1")).toBeLessThan(0);
    expect(versionsEqual("1.0", "1.0.0")).toBe(true);
    expect(versionsEqual("2019.06.05", "2019.6.5")).toBe(true);
  });
});
