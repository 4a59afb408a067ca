// Tests for sortVersions: identical to a stable sort with compareVersions (radix path and merge of unpackable versions).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type Version, compareVersions, parseVersion } from "./version";
import { sortVersions } from "./version-sort";
import { versionText } from "./version-arbitrary";

// Versions the packed numbers cannot order: date releases, long releases, big epochs, huge or big suffix numbers.
const unpackable = ["20200213", "2020.2.13.1", "1.2.3.4", "1.2.3.4rc1", "40!1.0", "1.0.dev2000000", "1.0a5000", "1.99999999999999999999", "1.0+1.99999999999999999999", "0.0.0.0.1", "1.0.0.0"];

function stableReference(versions: readonly Version[]): Version[] {
  return versions.slice().sort(compareVersions);
}

describe("sortVersions", () => {
  it("equals a stable compareVersions sort on generated lists (radix path, duplicates, locals, unpackable)", () => {
    const pool = fc.array(fc.oneof({ weight: 5, arbitrary: versionText }, { weight: 1, arbitrary: fc.constantFrom(...unpackable) }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(pool, fc.array(fc.nat(), { minLength: 520, maxLength: 1500 }), (texts, picks) => {
        // Distinct objects for equal texts, so stability is observable.
        const versions = picks.map((k) => parseVersion(texts[k % texts.length]));
        const got = sortVersions(versions);
        const want = stableReference(versions);
        expect(got.length).toBe(want.length);
        for (let i = 0; i < got.length; i++) if (got[i] !== want[i]) expect(`${i}: ${got[i]}`).toBe(`${i}: ${want[i]}`);
      }),
      { numRuns: 60 },
    );
  });

  it("sorts the shuffled real versions into packaging's order", () => {
    const order = (JSON.parse(readFileSync(new URL("./vectors/order.json", import.meta.url), "utf8")) as { order: string[] }).order;
    const versions = order.map(parseVersion);
    let seed = 7;
    const shuffled = versions.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const sorted = sortVersions(shuffled);
    expect(sorted.map((v, i) => compareVersions(v, versions[i])).filter((c) => c !== 0)).toEqual([]);
    expect(sortVersions([])).toEqual([]);
  });
});
