// Tests of Term set algebra against its meaning as a set of package states (unselected, or one version).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Term } from "./term";
import { IntRange, IntRangeFactory } from "./test-support/int-range";

const sets = new IntRangeFactory();
/** Unselected, and integer versions covering every region of sets with bounds in 0..10. */
const STATES: (number | null)[] = [null, ...Array.from({ length: 13 }, (_, i) => i - 1)];

const setArb: fc.Arbitrary<IntRange> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), { maxLength: 3 })
  .chain((pairs) =>
    fc.constantFrom(
      IntRange.of(pairs.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number])),
      sets.atLeast(pairs[0]?.[0] ?? 3),
      sets.lessThan(pairs[0]?.[1] ?? 3),
      sets.full(),
      sets.empty(),
    ),
  );
const termArb = fc.tuple(fc.boolean(), setArb).map(([positive, set]) => new Term<number, IntRange>(positive, set));

/** Whether state `s` makes term `t` true. */
function holds(t: Term<number, IntRange>, s: number | null): boolean {
  return t.positive ? s !== null && t.set.contains(s) : s === null || !t.set.contains(s);
}

describe("Term", () => {
  it("intersect, union and negate are conjunction, disjunction and negation", () => {
    fc.assert(
      fc.property(termArb, termArb, (a, b) => {
        for (const s of STATES) {
          expect(holds(a.intersect(b), s)).toBe(holds(a, s) && holds(b, s));
          expect(holds(a.union(b), s)).toBe(holds(a, s) || holds(b, s));
          expect(holds(a.negate(), s)).toBe(!holds(a, s));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("subset, disjointness and relation follow the states each term allows", () => {
    fc.assert(
      fc.property(termArb, termArb, (t, assigned) => {
        const subset = STATES.every((s) => !holds(assigned, s) || holds(t, s));
        const disjoint = STATES.every((s) => !(holds(assigned, s) && holds(t, s)));
        expect(assigned.isSubsetOf(t)).toBe(subset);
        expect(assigned.isDisjoint(t)).toBe(disjoint);
        expect(t.relation(assigned)).toBe(subset ? "satisfied" : disjoint ? "contradicted" : "inconclusive");
      }),
      { numRuns: 500 },
    );
  });

  it("knows its extreme terms and versions", () => {
    const any = Term.any(sets);
    expect(any.isAny()).toBe(true);
    expect(any.negate().isEmpty()).toBe(true);
    const exact = Term.exact(sets, 4);
    expect(exact.contains(4)).toBe(true);
    expect(exact.contains(5)).toBe(false);
    expect(exact.negate().contains(5)).toBe(true);
    expect(exact.toString()).toBe("==4");
    expect(exact.negate().toString()).toBe("not ==4");
    expect(exact.equals(Term.exact(sets, 4))).toBe(true);
    expect(exact.equals(exact.negate())).toBe(false);
  });
});
