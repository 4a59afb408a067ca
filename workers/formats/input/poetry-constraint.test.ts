// Tests for Poetry constraint translation, case by case against poetry-core's parser and rendering, plus properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  constraintToSpecifier,
  intersect,
  normalize,
  parsePoetryConstraint,
  poetryConstraintToSpecifier,
  poetryPlatformToMarker,
  poetryPythonToMarker,
  poetryPythonToSpecifier,
} from "./poetry-constraint";
import { fixture } from "./fixture-files";
import { parseSpecifierSet } from "../../packaging/specifiers";
import { compareVersions, fromRelease } from "./poetry-version";

const spec = (text: string): string => {
  const result = poetryConstraintToSpecifier(text);
  if (!result.ok) throw new Error(result.message);
  return result.specifier;
};

describe("poetry-core parse_single_constraint + dependency.base_pep_508_name", () => {
  // Each case follows poetry-core's source: constraints/version/parser.py, version.py (next_breaking), segments.py
  // (Release.next_major/next_minor keep the precision), version_range.py (__str__ uses the bounds' text).
  const cases: [string, string, string][] = [
    // Caret: VersionRange(version, version.next_breaking(), include_min=True) — docs/versions.md "Caret requirements".
    ["^1.2.3", ">=1.2.3,<2.0.0", "caret: major > 0 bumps the major, keeping precision 3"],
    ["^1.2", ">=1.2,<2.0", "caret: precision 2"],
    ["^1", ">=1,<2", "caret: precision 1"],
    ["^0.2.3", ">=0.2.3,<0.3.0", "caret: major 0, minor > 0 bumps the minor"],
    ["^0.0.3", ">=0.0.3,<0.0.4", "caret: 0.0.x bumps the patch"],
    ["^0.0", ">=0.0,<0.1", "caret: minor 0 without a patch bumps the minor"],
    ["^0", ">=0,<1", "caret: minor None bumps the major"],
    ["^1.2.3a1", ">=1.2.3a1,<2.0.0", "caret of a pre-release: next_breaking of the stable version"],
    // Tilde: high = version.stable.next_minor(), next_major() when precision is 1.
    ["~1.2.3", ">=1.2.3,<1.3.0", "tilde: precision 3"],
    ["~1.2", ">=1.2,<1.3", "tilde: precision 2"],
    ["~1", ">=1,<2", "tilde: precision 1 bumps the major"],
    // PEP 440 tilde (~=): precision 2 -> next_major, else next_minor.
    ["~=1.2", ">=1.2,<2.0", "~= with two parts"],
    ["~=1.2.3", ">=1.2.3,<1.3.0", "~= with three parts"],
    // Wildcards: _make_x_constraint_range gives [1.2.dev0, 1.3.dev0), which VersionRange.__str__ prints as ==1.2.*.
    ["1.2.*", "==1.2.*", "X range"],
    ["1.*", "==1.*", "X range, major only"],
    ["==1.2.*", "==1.2.*", "X range with =="],
    ["!=1.2.*", "!=1.2.*", "VersionUnion.excludes_single_wildcard_range"],
    ["*", "", "any"],
    ["x.X.*", "", "any (v?[xX*] pattern)"],
    // Basic comparators; a bare version is a Version, printed as ==text.
    ["1.2.3", "==1.2.3", "bare version"],
    ["=1.2.3", "==1.2.3", "single ="],
    ["==1.2.3", "==1.2.3", "=="],
    [">=1.2", ">=1.2", ">="],
    [">1.2", ">1.2", ">"],
    ["<=2", "<=2", "<="],
    ["<2", "<2", "<"],
    ["!=1.5", "!=1.5", "VersionUnion.excludes_single_version"],
    // Comma/space lists are intersected; the union that != leaves prints as a punctured range.
    [">=1,<2", ">=1,<2", "comma list"],
    [">=1.0 <2.0", ">=1.0,<2.0", "space list"],
    [">= 1.0, < 2.0", ">=1.0,<2.0", "spaces after operators"],
    [">=1.0,!=1.5", ">=1.0,!=1.5", "range with a hole"],
    [">=1.0,!=1.5,<2.0", ">=1.0,!=1.5,<2.0", "punctured range"],
    ["^1.2,<1.5", ">=1.2,<1.5", "caret intersected with an upper bound"],
    ["^1.0,", ">=1.0,<2.0", "trailing comma (parse_constraint rstrips it)"],
    // || unions: VersionUnion.of merges ranges that touch.
    ["^1.0 || ^2.0", ">=1.0,<3.0", "adjacent alternatives merge"],
    ["^1.0 | ^2.0", ">=1.0,<3.0", "single | is also an or"],
    ["dev", "==0.0-dev", "'dev' is 0.0-dev"],
  ];
  for (const [input, expected, why] of cases) {
    it(`${input} -> ${expected || "(any)"}: ${why}`, () => {
      expect(spec(input)).toBe(expected);
    });
  }
});

describe("|| unions that are not one range", () => {
  it("writes a gap of whole major or minor series as != wildcards (an exact PEP 440 form)", () => {
    expect(spec("^1.0 || ^3.0")).toBe(">=1.0,!=2.*,<4.0");
    expect(spec(">=1,<1.5 || >=1.7,<2")).toBe(">=1,!=1.5.*,!=1.6.*,<2");
    expect(spec(">=2.7,<3.0 || >=3.6")).toBe(">=2.7,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*,!=3.4.*,!=3.5.*");
  });

  it("keeps every alternative, each a specifier set, when no single PEP 440 form exists", () => {
    const result = poetryConstraintToSpecifier("~2.7 || ^3.6");
    expect(result).toEqual({
      ok: true,
      specifier: ">=2.7,<2.8",
      alternatives: [">=2.7,<2.8", ">=3.6,<4.0"],
      warning:
        '"~2.7 || ^3.6" allows disjoint version ranges, which one PEP 440 specifier set cannot express; it is read as the union of ">=2.7,<2.8" or ">=3.6,<4.0" (poetry-core writes ">=2.7,<2.8 || >=3.6,<4.0", which pip cannot read)',
    });
  });
});

describe("errors carry the offset of the part that failed", () => {
  it("points at the unparsable part", () => {
    expect(poetryConstraintToSpecifier(">=1.0, foo")).toEqual({ ok: false, message: "could not parse version constraint: foo", offset: 7 });
    expect(poetryConstraintToSpecifier("^1.0 || ~x")).toEqual({ ok: false, message: "could not parse version constraint: ~x", offset: 8 });
  });

  it("rejects a constraint that matches nothing", () => {
    expect(poetryConstraintToSpecifier(">=2,<1")).toMatchObject({ ok: false, offset: 0 });
  });
});

describe("python = ... as a marker (Factory.create_dependency -> utils.create_nested_marker)", () => {
  const cases: [string, string][] = [
    ["^3.8", 'python_version >= "3.8" and python_version < "4.0"'],
    ["~3.8", 'python_version >= "3.8" and python_version < "3.9"'],
    ["~3.8.1", 'python_full_version >= "3.8.1" and python_full_version < "3.9.0"'],
    [">=3.7", 'python_version >= "3.7"'],
    ["3.9", 'python_version == "3.9"'],
    ["3.9.1", 'python_full_version == "3.9.1"'],
    // Exclusive lower / inclusive upper bounds with precision < 3 switch to python_full_version, zero padded.
    [">3.6", 'python_full_version > "3.6.0"'],
    ["<=3.9", 'python_full_version <= "3.9.0"'],
    ["~2.7 || ^3.4", '(python_version >= "2.7" and python_version < "2.8") or (python_version >= "3.4" and python_version < "4.0")'],
    ["*", ""],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected || "(no marker)"}`, () => {
      expect(poetryPythonToMarker(input)).toEqual({ ok: true, marker: expected });
    });
  }
});

describe("platform = ... as a marker (constraints/generic)", () => {
  it("turns names, != and || into sys_platform comparisons", () => {
    expect(poetryPlatformToMarker("linux")).toBe('sys_platform == "linux"');
    expect(poetryPlatformToMarker("!=win32")).toBe('sys_platform != "win32"');
    expect(poetryPlatformToMarker("linux || darwin")).toBe('sys_platform == "linux" or sys_platform == "darwin"');
  });
});

describe("properties", () => {
  const release = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 3 });

  it("a caret range starts at its version and ends at the next breaking version, above it", () => {
    fc.assert(
      fc.property(release, (parts) => {
        const text = parts.join(".");
        const parsed = parsePoetryConstraint(`^${text}`);
        if (!parsed.ok) return false;
        const [interval] = parsed.constraint;
        return (
          parsed.constraint.length === 1 &&
          interval.includeMin &&
          !interval.includeMax &&
          interval.min?.text === text &&
          interval.max !== null &&
          compareVersions(interval.max, fromRelease(parts)) > 0
        );
      }),
    );
  });

  it("normalize is idempotent and intersect is commutative (as sets: of equal bounds, the first's spelling stays, as in poetry-core)", () => {
    const bound = fc.option(release.map((r) => fromRelease(r)), { nil: null });
    const interval = fc.record({ min: bound, max: bound, includeMin: fc.boolean(), includeMax: fc.boolean() });
    // The same set of versions: the same intervals, bound by bound, whatever each bound's spelling (0 and 0.0).
    const sameSet = (x: ReturnType<typeof normalize>, y: ReturnType<typeof normalize>) =>
      x.length === y.length &&
      x.every((i, k) => {
        const j = y[k];
        const same = (p: typeof i.min, q: typeof i.min) => (p === null ? q === null : q !== null && compareVersions(p, q) === 0);
        // An open end has no "included" flag that means anything.
        return same(i.min, j.min) && same(i.max, j.max) && (i.min === null || i.includeMin === j.includeMin) && (i.max === null || i.includeMax === j.includeMax);
      });
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 4 }), fc.array(interval, { maxLength: 4 }), (a, b) => {
        const na = normalize(a);
        const nb = normalize(b);
        expect(normalize(na)).toEqual(na);
        expect(sameSet(intersect(na, nb), intersect(nb, na))).toBe(true);
      }),
    );
  });

  it("of two equal lower bounds, the intersection keeps the first one's spelling, as poetry-core's VersionRange.intersect does", () => {
    const zero = normalize([{ min: fromRelease([0]), max: null, includeMin: true, includeMax: false }]);
    const zeroZero = normalize([{ min: fromRelease([0, 0]), max: null, includeMin: true, includeMax: false }]);
    expect(constraintToSpecifier(intersect(zero, zeroZero))).toBe(">=0");
    expect(constraintToSpecifier(intersect(zeroZero, zero))).toBe(">=0.0");
  });

  it("a comma list of lower and upper bounds renders the tighter bounds", () => {
    fc.assert(
      fc.property(release, release, (low, high) => {
        const lo = low.join(".");
        const hi = high.join(".");
        const result = poetryConstraintToSpecifier(`>=${lo},<${hi}`);
        const ordered = compareVersions(fromRelease(low), fromRelease(high)) < 0;
        return ordered ? result.ok && result.specifier === `>=${lo},<${hi}` : !result.ok;
      }),
    );
  });
});

describe("a project's python constraint as poetry-core writes Requires-Python", () => {
  // fixtures/real/poetry-python-constraints.json: poetry-core 1.4's format_python_constraint (scripts/reference/read-reference.py).
  const golden = JSON.parse(fixture("real/poetry-python-constraints.json")) as Record<string, string>;
  const clauses = (specifier: string): string[] => specifier.split(",").map((c) => c.trim()).sort();
  for (const [text, expected] of Object.entries(golden)) {
    it(`python = "${text}" -> ${expected}`, () => {
      const result = poetryPythonToSpecifier(text);
      expect(result.ok && clauses(result.specifier)).toEqual(clauses(expected));
    });
  }
});

describe("`||` unions against poetry-core 1.4", () => {
  // fixtures/real/poetry-union-constraints.json (scripts/reference/poetry_union_reference.py): what poetry-core's
  // to_pep_508 writes for each union, and which versions of a grid its parse_constraint allows.
  const golden = JSON.parse(fixture("real/poetry-union-constraints.json")) as { pep508: Record<string, string>; grid: string[]; allows: Record<string, string[]> };
  const allowedBy = (specifier: string) => golden.grid.filter((v) => parseSpecifierSet(specifier).contains(v, { prereleases: true }));

  for (const [text, written] of Object.entries(golden.pep508)) {
    it(`${text}: poetry-core writes "${written}"; the union reads as the same set of versions`, () => {
      const parsed = parsePoetryConstraint(text);
      if (!parsed.ok) throw new Error(parsed.message);
      const result = poetryConstraintToSpecifier(text);
      if (!result.ok) throw new Error(result.message);
      if (!written.includes("||")) {
        // poetry-core has a PEP 440 form: ours allows exactly the same versions.
        expect(result.warning).toBeUndefined();
        expect(allowedBy(result.specifier)).toEqual(golden.allows[text]);
      } else if (result.warning === undefined) {
        // poetry-core writes an invalid "a || b" requirement; where the gap has an exact != form, ours is PEP 440 and the same set.
        expect(allowedBy(result.specifier)).toEqual(golden.allows[text]);
      } else {
        // No PEP 440 specifier set is this union: every alternative is kept, written as poetry-core writes them, and
        // together they allow exactly poetry-core's versions.
        expect(result.alternatives?.join(" || ")).toBe(written.replace(/(^|\|\| )(\d)/g, "$1==$2"));
        const union = [...new Set((result.alternatives ?? []).flatMap(allowedBy))].sort((a, b) => golden.grid.indexOf(a) - golden.grid.indexOf(b));
        expect(union).toEqual(golden.allows[text]);
      }
    });
  }
});
