// Tests for VersionRange: lattice laws (fast-check), agreement with specifiers on generated and real data, rendering.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { VersionRange } from "./ranges";
import { parseSpecifierSet } from "./specifiers";
import { type Version, afterLocals, afterPosts, compareVersions, parseVersion } from "./version";
import { specifierSetText, versionText } from "./test-support/version-arbitrary";
import type { VersionSet } from "../pubgrub/version-set";

// The solver's interface: VersionRange satisfies it structurally (packaging never imports pubgrub; its test may).
const asVersionSet: VersionSet<Version, VersionRange> = VersionRange.full();

const version = versionText.map(parseVersion);
const baseRange: fc.Arbitrary<VersionRange> = fc.oneof(
  { weight: 4, arbitrary: specifierSetText.map((t) => parseSpecifierSet(t).toRange()) },
  { weight: 1, arbitrary: version.map((v) => VersionRange.singleton(v)) },
  { weight: 1, arbitrary: fc.tuple(version, fc.boolean()).map(([v, inc]) => VersionRange.lowerBounded(v, inc)) },
  { weight: 1, arbitrary: fc.tuple(version, fc.boolean()).map(([v, inc]) => VersionRange.upperBounded(v, inc)) },
  { weight: 1, arbitrary: version.map((v) => VersionRange.lowerBounded(afterPosts(parseVersion(v.baseVersion)), false)) },
);
const range: fc.Arbitrary<VersionRange> = fc.oneof(
  { weight: 2, arbitrary: baseRange },
  { weight: 1, arbitrary: fc.tuple(baseRange, baseRange).map(([a, b]) => a.union(b)) },
  { weight: 1, arbitrary: fc.tuple(baseRange, baseRange).map(([a, b]) => a.intersect(b.complement())) },
);
const runs = { numRuns: 600 };

describe("VersionRange lattice laws", () => {
  it("is a VersionSet<Version, VersionRange>", () => {
    expect(asVersionSet.isAny()).toBe(true);
  });

  it("idempotence, involution, complement laws", () => {
    fc.assert(
      fc.property(range, (a) => {
        expect(a.union(a).equals(a)).toBe(true);
        expect(a.intersect(a).equals(a)).toBe(true);
        expect(a.complement().complement().equals(a)).toBe(true);
        expect(a.union(a.complement()).isAny()).toBe(true);
        expect(a.intersect(a.complement()).isEmpty()).toBe(true);
        expect(a.isDisjoint(a.complement())).toBe(true);
        expect(a.isSubsetOf(a)).toBe(true);
        expect(a.isEmpty()).toBe(a.complement().isAny());
      }),
      runs,
    );
  });

  it("De Morgan, commutativity, absorption, distributivity", () => {
    fc.assert(
      fc.property(range, range, range, (a, b, c) => {
        expect(a.union(b).complement().equals(a.complement().intersect(b.complement()))).toBe(true);
        expect(a.intersect(b).complement().equals(a.complement().union(b.complement()))).toBe(true);
        expect(a.union(b).equals(b.union(a))).toBe(true);
        expect(a.intersect(b).equals(b.intersect(a))).toBe(true);
        expect(a.union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.intersect(b.union(c)).equals(a.intersect(b).union(a.intersect(c)))).toBe(true);
        expect(a.union(b).union(c).equals(a.union(b.union(c)))).toBe(true);
      }),
      runs,
    );
  });

  it("subset and disjointness agree with union and intersection", () => {
    fc.assert(
      fc.property(range, range, (a, b) => {
        const sub = a.isSubsetOf(b);
        expect(sub).toBe(a.intersect(b).equals(a));
        expect(sub).toBe(a.union(b).equals(b));
        expect(a.intersect(b).isSubsetOf(a)).toBe(true);
        expect(a.isSubsetOf(a.union(b))).toBe(true);
        expect(a.isDisjoint(b)).toBe(a.intersect(b).isEmpty());
        expect(a.equals(b)).toBe(sub && b.isSubsetOf(a));
      }),
      runs,
    );
  });

  it("membership follows the set operations", () => {
    fc.assert(
      fc.property(range, range, version, (a, b, v) => {
        expect(a.union(b).contains(v)).toBe(a.contains(v) || b.contains(v));
        expect(a.intersect(b).contains(v)).toBe(a.contains(v) && b.contains(v));
        expect(a.complement().contains(v)).toBe(!a.contains(v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("ranges agree with specifiers", () => {
  it("spec.contains(v, {prereleases: true}) === spec.toRange().contains(v) on generated specifiers and versions", () => {
    fc.assert(
      fc.property(specifierSetText, fc.array(version, { minLength: 1, maxLength: 20 }), (text, versions) => {
        const set = parseSpecifierSet(text);
        const r = set.toRange();
        for (const v of versions) {
          expect(r.contains(v), `${text} on ${v} (range ${r})`).toBe(set.contains(v, { prereleases: true }));
          expect(set.contains(v.toString(), { prereleases: true })).toBe(set.contains(v, { prereleases: true }));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees on every real specifier set against a spread of real versions", () => {
    const specs = (JSON.parse(readFileSync(new URL("./vectors/specifiers.json", import.meta.url), "utf8")) as { specifiers: { specifier: string }[] }).specifiers;
    const order = (JSON.parse(readFileSync(new URL("./vectors/order.json", import.meta.url), "utf8")) as { order: string[] }).order;
    const sample = order.filter((_, i) => i % 17 === 0).map(parseVersion);
    const problems: string[] = [];
    for (const { specifier } of specs) {
      if (specifier.includes("===")) continue;
      const set = parseSpecifierSet(specifier);
      const r = set.toRange();
      for (const v of sample) if (r.contains(v) !== set.contains(v, { prereleases: true })) problems.push(`${specifier} on ${v}`);
    }
    expect(sample.length).toBeGreaterThan(250);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("=== becomes the single version it names when that is a normalised version, else nothing", () => {
    fc.assert(
      fc.property(versionText, version, (text, v) => {
        const target = parseVersion(text);
        const set = parseSpecifierSet(`===${target}`);
        expect(set.toRange().contains(v)).toBe(compareVersions(v, target) === 0 && v.local === target.local);
        if (set.contains(v, { prereleases: true })) expect(set.toRange().contains(v)).toBe(true);
      }),
      runs,
    );
    expect(parseSpecifierSet("===foo").toRange().isEmpty()).toBe(true);
    expect(parseSpecifierSet("===1.0.0-RC1").toRange().isEmpty()).toBe(true);
  });
});

describe("normalisation and rendering", () => {
  const r = (t: string): VersionRange => parseSpecifierSet(t).toRange();

  it("gives equal sets equal representations", () => {
    expect(r("<=1.0").equals(r("<1.0.post0.dev0"))).toBe(true);
    expect(r(">1.0a1").equals(r(">=1.0a2.dev0"))).toBe(true);
    expect(r(">1.0.dev1").equals(r(">=1.0.dev2"))).toBe(true);
    expect(r(">=0.dev0").isAny()).toBe(true);
    expect(r("<0").isEmpty()).toBe(true);
    // PEP 440 leaves 1.0's post-releases out of both >1.0 and <=1.0.
    const posts = r(">1.0").union(r("<=1.0")).complement();
    expect(posts.equals(VersionRange.between(parseVersion("1.0.post0.dev0"), true, afterPosts(parseVersion("1.0")), false))).toBe(true);
    expect(posts.contains(parseVersion("1.0.post7+x"))).toBe(true);
    expect(r(">1.0").complement().equals(VersionRange.upperBounded(afterPosts(parseVersion("1.0")), false))).toBe(true);
    expect(r("==1.0").equals(VersionRange.between(parseVersion("1.0"), true, afterLocals(parseVersion("1.0")), false))).toBe(true);
    expect(r("==1.0.*").equals(VersionRange.between(parseVersion("1.0.dev0"), true, parseVersion("1.1.dev0"), false))).toBe(true);
  });

  it("singleton holds the version (and equal spellings) but not its local versions", () => {
    const s = VersionRange.singleton(parseVersion("1.4.2"));
    expect(s.contains(parseVersion("1.4.2.0"))).toBe(true);
    expect(s.contains(parseVersion("1.4.2+local"))).toBe(false);
    expect(s.contains(parseVersion("1.4.2.post0"))).toBe(false);
    expect(VersionRange.singleton(afterLocals(parseVersion("1.0"))).isEmpty()).toBe(true);
  });

  it("renders PEP 440 text", () => {
    expect(VersionRange.full().toString()).toBe("any");
    expect(VersionRange.empty().toString()).toBe("none");
    expect(r(">=1.0,<2.0").toString()).toBe(">=1.0, <2.0");
    expect(VersionRange.singleton(parseVersion("1.4.2")).toString()).toBe("==1.4.2");
    expect(r("==1.4.2").toString()).toBe("==1.4.2");
    expect(r("<1.0").union(r(">=1.2")).toString()).toBe("<1.0 || >=1.2");
    expect(r(">=1.0,!=1.5,<2.0").toString()).toBe(">=1.0, !=1.5, <2.0");
    expect(r("!=1.5").toString()).toBe("!=1.5");
    expect(r("<=1.0").toString()).toBe("<=1.0");
    expect(r(">1.0").toString()).toBe(">1.0");
    expect(r(">1.0").complement().toString()).toBe("<=1.0.post*");
    expect(r("~=1.4.5").toString()).toBe(">=1.4.5, <1.5");
    expect(r(">=1.0").complement().toString()).toBe("<1.0 (incl. pre-releases)");
    expect(r("<1.0rc1").toString()).toBe("<1.0rc1");
    expect(r("==1.0+abc").toString()).toBe("==1.0+abc");
  });
});

describe("withoutUpperBound (uv reads Requires-Python by its lower bound only)", () => {
  const range = (text: string) => parseSpecifierSet(text).toRange();
  it("keeps the lowest bound and drops the upper bound and the holes", () => {
    const r = range(">=3.8, !=3.9.*, <4").withoutUpperBound();
    for (const v of ["3.8", "3.9.1", "4.0", "5.1"]) expect(r.contains(parseVersion(v))).toBe(true);
    expect(r.contains(parseVersion("3.7.9"))).toBe(false);
    expect(range(">3.8").withoutUpperBound().contains(parseVersion("3.8"))).toBe(false);
  });
  it("is every version when the set is unbounded below, and empty stays empty", () => {
    expect(range("<=3.8").withoutUpperBound().isAny()).toBe(true);
    expect(VersionRange.empty().withoutUpperBound().isEmpty()).toBe(true);
  });
  it("always contains the set it came from", () => {
    fc.assert(fc.property(specifierSetText, (text) => {
      const r = range(text);
      return r.isSubsetOf(r.withoutUpperBound());
    }));
  });
});
