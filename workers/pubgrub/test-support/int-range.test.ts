// Sanity tests of the test-support integer range against plain membership.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntRange, IntRangeFactory } from "./int-range";
import { range, semverSets, ver } from "./semver";

const sets = new IntRangeFactory();
const POINTS = Array.from({ length: 14 }, (_, i) => i - 2);
const rangeArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), { maxLength: 4 })
  .map((pairs) => IntRange.of(pairs.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number])));

describe("IntRange", () => {
  it("set operations agree with membership", () => {
    fc.assert(
      fc.property(rangeArb, rangeArb, (a, b) => {
        for (const p of POINTS) {
          expect(a.intersect(b).contains(p)).toBe(a.contains(p) && b.contains(p));
          expect(a.union(b).contains(p)).toBe(a.contains(p) || b.contains(p));
          expect(a.complement().contains(p)).toBe(!a.contains(p));
        }
        expect(a.isSubsetOf(b)).toBe(POINTS.every((p) => !a.contains(p) || b.contains(p)));
        expect(a.isDisjoint(b)).toBe(POINTS.every((p) => !(a.contains(p) && b.contains(p))));
        // Canonical form: equal membership means equal bounds.
        expect(a.union(b).equals(b.union(a))).toBe(true);
        expect(a.complement().complement().equals(a)).toBe(true);
      }),
    );
  });

  it("prints and parses semver-like ranges", () => {
    expect(sets.full().isAny()).toBe(true);
    expect(sets.empty().isEmpty()).toBe(true);
    expect(range("^1.0.0").toString()).toBe("^1.0.0");
    expect(range(">=1.1.0").toString()).toBe(">=1.1.0");
    expect(range("<1.1.0").toString()).toBe("<1.1.0");
    expect(range(">=1.0.0 <1.5.0").toString()).toBe(">=1.0.0 <1.5.0");
    expect(range("2.0.0").toString()).toBe("2.0.0");
    expect(range("any").toString()).toBe("any");
    expect(range("^1.0.0").contains(ver("1.9.9"))).toBe(true);
    expect(range("^1.0.0").contains(ver("2.0.0"))).toBe(false);
    expect(semverSets.singleton(ver("1.0.0")).union(range("3.0.0")).toString()).toBe("1.0.0 or 3.0.0");
  });
});
