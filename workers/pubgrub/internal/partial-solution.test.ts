// Tests of the partial solution: satisfier search (including partial satisfiers), backjumping and package picking.
import { describe, expect, it } from "vitest";
import type { Incompatibility } from "./incompatibility";
import { dependencyIncompatibility, noVersionsIncompatibility } from "./incompatibility";
import { CONTRADICTED, INCONCLUSIVE, PartialSolution, SATISFIED } from "./partial-solution";
import { Term } from "../term";
import type { IntRange } from "../test-support/int-range";
import { range, semverSets, ver } from "../test-support/semver";

type Inc = Incompatibility<number, IntRange, string>;
const pos = (text: string) => new Term<number, IntRange>(true, range(text));

/** The spec's "conflict resolution with a partial satisfier" state before step 18. */
function specState() {
  const ps = new PartialSolution<number, IntRange, string>(semverSets);
  const dep = (id: number, p: string, v: string, d: string, r: string): Inc =>
    dependencyIncompatibility<number, IntRange, string>(id, p, range(v), d, range(r));
  const rootFoo = dep(1, "root", "1.0.0", "foo", "^1.0.0");
  const rootTarget = dep(2, "root", "1.0.0", "target", "^2.0.0");
  const fooLeft = dep(3, "foo", ">=1.1.0", "left", "^1.0.0");
  const fooRight = dep(4, "foo", ">=1.1.0", "right", "^1.0.0");
  const rightShared = dep(5, "right", "any", "shared", "<2.0.0");
  const leftShared = dep(6, "left", "any", "shared", ">=1.0.0");
  ps.addDerivation("root", pos("1.0.0"), rootFoo);
  ps.addDecision("root", ver("1.0.0")); // level 1
  ps.addDerivation("foo", pos("^1.0.0"), rootFoo);
  ps.addDerivation("target", pos("^2.0.0"), rootTarget);
  ps.addDecision("target", ver("2.0.0")); // level 2
  ps.addDecision("foo", ver("1.1.0")); // level 3
  ps.addDerivation("left", pos("^1.0.0"), fooLeft);
  ps.addDerivation("right", pos("^1.0.0"), fooRight);
  ps.addDecision("right", ver("1.0.0")); // level 4
  ps.addDerivation("shared", pos("<2.0.0"), rightShared);
  ps.addDecision("left", ver("1.0.0")); // level 5
  ps.addDerivation("shared", pos(">=1.0.0"), leftShared);
  const conflict = dependencyIncompatibility<number, IntRange, string>(7, "shared", range("^1.0.0"), "target", range("^1.0.0"));
  return { ps, conflict, leftShared, rightShared };
}

describe("PartialSolution", () => {
  it("finds a satisfier that only satisfies a term together with an earlier assignment", () => {
    const { ps, conflict, leftShared } = specState();
    expect(ps.relation(conflict)).toBe(SATISFIED);
    const found = ps.satisfierSearch(conflict);
    expect(found.pkg).toBe("shared");
    expect(found.satisfier.cause).toBe(leftShared);
    expect(found.satisfier.level).toBe(5);
    // The previous satisfier is "shared <2.0.0", decided under right at level 4.
    expect(found.previousLevel).toBe(4);
  });

  it("backjumps, undoing decisions and restoring intersections", () => {
    const { ps, conflict } = specState();
    expect(ps.backtrack(4)).toEqual(["left"]);
    expect(ps.decisionLevel).toBe(4);
    expect(ps.termFor("shared")?.toString()).toBe("<2.0.0");
    expect(ps.relation(conflict)).toBe(0); // almost satisfied: only the shared term (index 0) is open
    expect(ps.backtrack(2)).toEqual(expect.arrayContaining(["foo", "right"]));
    expect(ps.termFor("shared")).toBeUndefined();
    expect(ps.termFor("left")).toBeUndefined();
    // target ^2.0.0 (level 1) still rules out target ^1.0.0; shared is open.
    expect(ps.relation(conflict)).toBe(0);
    const both = dependencyIncompatibility<number, IntRange, string>(8, "shared", range("any"), "left", range("^1.0.0"));
    expect(ps.relation(both)).toBe(INCONCLUSIVE);
    expect([...ps.extractSolution().keys()]).toEqual(["root", "target"]);
  });

  it("says whether a decision would satisfy an incompatibility", () => {
    const { ps } = specState();
    ps.backtrack(2);
    const fooNeedsTarget1 = dependencyIncompatibility<number, IntRange, string>(9, "foo", range("1.0.0"), "target", range("^1.0.0"));
    expect(ps.satisfiedIfDecided(fooNeedsTarget1, "foo", ver("1.0.0"))).toBe(true);
    expect(ps.satisfiedIfDecided(fooNeedsTarget1, "foo", ver("1.1.0"))).toBe(false);
    expect(ps.relation(noVersionsIncompatibility<number, IntRange, string>(10, "target", range("^1.0.0")))).toBe(CONTRADICTED);
  });

  it("picks the undecided package of highest priority, then the one seen first", () => {
    const ps = new PartialSolution<number, IntRange, string>(semverSets);
    const cause = noVersionsIncompatibility<number, IntRange, string>(0, "x", range("any"));
    for (const p of ["c", "a", "b"]) ps.register(p);
    ps.addDerivation("a", pos("^1.0.0"), cause);
    ps.addDerivation("b", pos("^1.0.0"), cause);
    ps.addDerivation("c", pos("^1.0.0"), cause);
    ps.addDerivation("d", pos("^1.0.0").negate(), cause);
    const priorities: Record<string, number> = { a: 1, b: 2, c: 1 };
    const pick = () => ps.pickHighestPriority((p) => priorities[p])?.pkg ?? null;
    expect(pick()).toBe("b");
    ps.addDecision("b", ver("1.0.0"));
    expect(pick()).toBe("c");
    ps.markDirty("c");
    priorities.a = 5;
    ps.markDirty("a");
    expect(pick()).toBe("a");
    ps.addDecision("a", ver("1.0.0"));
    ps.markDirty("c");
    expect(pick()).toBe("c");
    ps.addDecision("c", ver("1.0.0"));
    expect(pick()).toBeNull();
  });
});
