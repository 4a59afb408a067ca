// Tests for PEP 440 specifiers and specifier sets against packaging 26.2 golden vectors (real and corner cases).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidSpecifier, parseSpecifier, parseSpecifierSet, tryParseSpecifierSet } from "./specifiers";
import { parseVersion, tryParseVersion } from "./version";

interface SpecVector {
  specifier: string;
  valid: boolean;
  error?: string;
  normalized?: string;
  prereleases?: boolean | null;
  unsatisfiable?: boolean;
  specifiers?: { operator: string; version: string; prereleases: boolean | null }[];
  versions?: string[];
  contains?: string;
  containsPre?: string;
  containsNoPre?: string;
  containsInstalled?: string;
  parsedVersions?: string[];
  containsParsed?: string;
  containsParsedPre?: string;
}
interface FilterVector {
  specifier: string;
  setPrereleases?: boolean;
  items: string[];
  prereleases: boolean | null;
  result: string[];
}

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), "utf8")) as T;
}

const real = load<{ specifiers: SpecVector[] }>("specifiers.json").specifiers;
const cornerFile = load<{ specifiers: SpecVector[]; filters: FilterVector[] }>("specifiers-corner.json");
const corner = cornerFile.specifiers;

function bits(values: boolean[]): string {
  return values.map((b) => (b ? "1" : "0")).join("");
}

/** Every disagreement with packaging for one vector entry (empty when it agrees). */
function check(e: SpecVector): string[] {
  const set = tryParseSpecifierSet(e.specifier);
  const name = JSON.stringify(e.specifier);
  if (e.error !== undefined) {
    // packaging accepts these and then fails an assertion when evaluating them; we reject them up front.
    return set === null ? [] : [`${name}: packaging cannot evaluate it (${e.error}); expected InvalidSpecifier`];
  }
  if ((set !== null) !== e.valid) return [`${name}: valid=${set !== null}, packaging says ${e.valid}`];
  if (set === null) return [];
  const problems: string[] = [];
  const same = (what: string, got: unknown, want: unknown): void => {
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${name} ${what}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
  };
  same("str", set.toString(), e.normalized);
  const versions = e.versions ?? [];
  same("contains", bits(versions.map((v) => set.contains(v))), e.contains);
  same("contains(prereleases=True)", bits(versions.map((v) => set.contains(v, { prereleases: true }))), e.containsPre);
  same("contains(prereleases=False)", bits(versions.map((v) => set.contains(v, { prereleases: false }))), e.containsNoPre);
  if (e.containsInstalled !== undefined) same("contains(installed=True)", bits(versions.map((v) => set.contains(v, { installed: true }))), e.containsInstalled);
  if (e.prereleases !== undefined) same("prereleases", set.prereleases, e.prereleases);
  if (e.specifiers !== undefined) {
    // packaging iterates the sorted, de-duplicated specifiers once str() has been taken (as the generator did).
    same("specifiers", set.specifiers.map((s) => ({ operator: s.operator, version: s.version, prereleases: s.prereleases })), e.specifiers);
  }
  if (e.parsedVersions !== undefined) {
    const parsed = e.parsedVersions.map(parseVersion);
    same("contains(Version)", bits(parsed.map((v) => set.contains(v))), e.containsParsed);
    same("contains(Version, prereleases=True)", bits(parsed.map((v) => set.contains(v, { prereleases: true }))), e.containsParsedPre);
  }
  // The range agrees with contains(prereleases=True) on every parsable version (=== is approximated).
  if (!e.specifier.includes("===")) {
    const range = set.toRange();
    const want = e.containsPre ?? "";
    versions.forEach((text, i) => {
      const v = tryParseVersion(text);
      if (v !== null && range.contains(v) !== (want[i] === "1")) problems.push(`${name} toRange ${range} on ${text}: ${range.contains(v)}`);
    });
    if (e.unsatisfiable !== undefined && range.isEmpty() !== e.unsatisfiable) {
      // packaging's is_unsatisfiable() models `~=` by its version alone; for the odd spellings where its own
      // contains() matches nothing (e.g. "~=v1.4.5", "~=1.4.5.r.1") our range follows contains() and is empty.
      const containsNothing = !(e.containsPre ?? "").includes("1");
      if (!(range.isEmpty() && containsNothing && e.specifier.includes("~="))) same("toRange().isEmpty() vs is_unsatisfiable()", range.isEmpty(), e.unsatisfiable);
    }
  }
  return problems;
}

describe("SpecifierSet against packaging 26.2", () => {
  it("agrees on every real specifier set: str() and contains() with prereleases unset/true/false (and toRange)", () => {
    expect(real.length).toBeGreaterThan(2000);
    let cases = 0;
    const problems: string[] = [];
    for (const e of real) {
      cases += (e.versions ?? []).length * 3;
      problems.push(...check(e));
    }
    expect(cases).toBeGreaterThan(700_000);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("agrees on every corner case (===, wildcards, ~= quirks, locals, >V/<V edges, invalid, fuzz)", () => {
    expect(corner.length).toBeGreaterThan(500);
    const cases = corner.reduce((n, e) => n + (e.versions ?? []).length * 4, 0);
    expect(cases).toBeGreaterThan(2000);
    const problems = corner.flatMap(check);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("agrees on filter() results, including the pre-release fallback and non-version strings", () => {
    expect(cornerFile.filters.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const f of cornerFile.filters) {
      const set = parseSpecifierSet(f.specifier, f.setPrereleases === undefined ? undefined : { prereleases: f.setPrereleases });
      const got = set.filter(f.items, f.prereleases === null ? undefined : { prereleases: f.prereleases });
      if (JSON.stringify(got) !== JSON.stringify(f.result)) problems.push(`${f.specifier} ${JSON.stringify(f.items)} pre=${f.prereleases} set=${f.setPrereleases}: ${JSON.stringify(got)} != ${JSON.stringify(f.result)}`);
    }
    expect(problems).toEqual([]);
  });

  it("filter keeps the element type it was given", () => {
    const set = parseSpecifierSet(">=1.0");
    const versions = ["0.9", "1.0", "2.0a1"].map(parseVersion);
    const out = set.filter(versions);
    expect(out).toEqual([versions[1]]);
    expect(out[0]).toBe(versions[1]);
    expect(set.filter(["0.9", "1.5", "2.0a1"])).toEqual(["1.5"]);
  });
});

describe("specifier behaviour", () => {
  it("contains follows packaging 26: a lone pre-release matches unless prereleases is false", () => {
    const set = parseSpecifierSet(">=1.0");
    expect(set.contains("2.0a1")).toBe(true);
    expect(set.contains("2.0a1", { prereleases: false })).toBe(false);
    expect(parseSpecifierSet(">=1.0", { prereleases: false }).contains("2.0a1")).toBe(false);
    expect(parseSpecifierSet(">=1.0a1").prereleases).toBe(true);
    expect(parseSpecifierSet(">=1.0").prereleases).toBeNull();
  });

  it("handles local versions, >V and <V edges", () => {
    expect(parseSpecifierSet("==1.0").contains("1.0+local")).toBe(true);
    expect(parseSpecifierSet("==1.0+x").contains("1.0+y")).toBe(false);
    expect(parseSpecifierSet(">1.0").contains("1.0.post1")).toBe(false);
    expect(parseSpecifierSet(">1.0").contains("1.0+local")).toBe(false);
    expect(parseSpecifierSet(">1.0.post1").contains("1.0.post2")).toBe(true);
    expect(parseSpecifierSet("<1.0").contains("1.0rc1", { prereleases: true })).toBe(false);
    expect(parseSpecifierSet("<1.0rc2").contains("1.0rc1")).toBe(true);
  });

  it("parses whitespace-tolerant, comma-separated sets and normalises str() like packaging", () => {
    const set = parseSpecifierSet(" >= 1.0 ,, <2.0,!=1.5 ");
    expect(set.toString()).toBe("!=1.5,<2.0,>=1.0");
    expect(set.specifiers.map(String)).toEqual(["!=1.5", "<2.0", ">=1.0"]);
    expect(parseSpecifierSet("==1.0,==1.0.0").toString()).toBe("==1.0");
    expect(parseSpecifierSet("").contains("anything")).toBe(true);
    expect(parseSpecifier("~= 2.2").toString()).toBe("~=2.2");
  });

  it("throws InvalidSpecifier naming the bad item", () => {
    expect(() => parseSpecifierSet(">=1.0,foo")).toThrow(InvalidSpecifier);
    expect(() => parseSpecifierSet(">=1.0,foo")).toThrow("Invalid specifier: 'foo' in '>=1.0,foo'");
    expect(() => parseSpecifier("=>1.0")).toThrow("Invalid specifier: '=>1.0'");
    // packaging accepts this one through Unicode case folding and then fails an assertion in contains().
    expect(() => parseSpecifier("~=1.0.po\u017ft1")).toThrow(InvalidSpecifier);
  });

  it("and() combines sets like packaging's &", () => {
    const both = parseSpecifierSet(">=1.0.0,!=1.0.1").and(parseSpecifierSet("<=2.0.0,!=2.0.1"));
    expect(both.toString()).toBe("!=1.0.1,!=2.0.1,<=2.0.0,>=1.0.0");
    expect(both.contains("1.0.1")).toBe(false);
    expect(both.contains("1.5")).toBe(true);
    expect(both.toRange().equals(parseSpecifierSet(">=1.0.0,!=1.0.1").toRange().intersect(parseSpecifierSet("<=2.0.0,!=2.0.1").toRange()))).toBe(true);
    expect(parseSpecifierSet(">=1", { prereleases: true }).and(parseSpecifierSet("<2")).prereleases).toBe(true);
    expect(() => parseSpecifierSet(">=1", { prereleases: true }).and(parseSpecifierSet("<2", { prereleases: false }))).toThrow();
  });

  it("=== compares strings, not versions", () => {
    const set = parseSpecifierSet("===1.0");
    expect(set.contains("1.0")).toBe(true);
    expect(set.contains("1.0.0")).toBe(false);
    expect(set.contains(parseVersion("v1.0"))).toBe(true);
    expect(parseSpecifierSet("===foo").contains("FOO")).toBe(true);
  });
});
