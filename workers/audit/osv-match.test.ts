import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadAdvisoryDatabase } from "./advisory-database";
import type { OsvAdvisory, OsvEvent } from "./osv-advisory";
import { fixedVersions, isVulnerable } from "./osv-match";

interface Vectors {
  oracle: string;
  universes: Record<string, string[]>;
  cases: { id: string; package: string; affected: string }[];
}

const vectors = JSON.parse(readFileSync(new URL("./vectors/osv-affected.json", import.meta.url), "utf8")) as Vectors;

function advisory(events: OsvEvent[], versions: string[] = [], type = "ECOSYSTEM"): OsvAdvisory {
  return {
    id: "TEST-1",
    aliases: [],
    summary: null,
    details: "",
    withdrawn: null,
    published: null,
    modified: null,
    affected: [{ package: { ecosystem: "PyPI", name: "Some_Lib" }, ranges: [{ type, events }], versions }],
  };
}

describe("OSV version matching", () => {
  it("agrees with packaging on every advisory of the database, over snapshot and boundary versions", () => {
    const byId = new Map(loadAdvisoryDatabase().map((a) => [a.id, a]));
    expect(vectors.cases.length).toBe(byId.size);
    const mismatches: string[] = [];
    let evaluations = 0;
    for (const c of vectors.cases) {
      const adv = byId.get(c.id);
      if (!adv) throw new Error(`${c.id} is in the vectors but not in the database`);
      const universe = vectors.universes[c.package];
      for (let i = 0; i < universe.length; i++) {
        evaluations++;
        const ours = isVulnerable(adv, c.package, universe[i]);
        if (ours !== (c.affected[i] === "1")) mismatches.push(`${c.id} ${c.package} ${universe[i]}: ours ${ours}, ${vectors.oracle} ${!ours}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(evaluations).toBeGreaterThan(500_000);
  });

  it("treats introduced 0 as before every version, pre-releases of 0 included", () => {
    const a = advisory([{ introduced: "0" }, { fixed: "1.2" }]);
    expect(isVulnerable(a, "some-lib", "0.dev0")).toBe(true);
    expect(isVulnerable(a, "some-lib", "1.2rc1")).toBe(true);
    expect(isVulnerable(a, "some-lib", "1.2")).toBe(false);
    expect(isVulnerable(a, "some-lib", "1.2.0")).toBe(false);
  });

  it("keeps last_affected inclusive and limit exclusive", () => {
    expect(isVulnerable(advisory([{ introduced: "1.0" }, { last_affected: "1.4" }]), "some-lib", "1.4")).toBe(true);
    expect(isVulnerable(advisory([{ introduced: "1.0" }, { last_affected: "1.4" }]), "some-lib", "1.4.post1")).toBe(false);
    expect(isVulnerable(advisory([{ introduced: "1.0" }, { limit: "1.4" }]), "some-lib", "1.3.9")).toBe(true);
    expect(isVulnerable(advisory([{ introduced: "1.0" }, { limit: "1.4" }]), "some-lib", "1.4")).toBe(false);
    expect(isVulnerable(advisory([{ introduced: "1.0" }, { limit: "*" }]), "some-lib", "99")).toBe(true);
  });

  it("evaluates events in version order, not file order, with several intervals", () => {
    const a = advisory([{ fixed: "3.2.5" }, { introduced: "3.0" }, { fixed: "1.0.2" }, { introduced: "1.0" }]);
    expect(["0.9", "1.0", "1.0.2", "2.9", "3.1", "3.2.5"].map((v) => isVulnerable(a, "some-lib", v))).toEqual([false, true, false, false, true, false]);
  });

  it("matches listed versions by PEP 440 equality or exact text, and never ranges for an invalid version", () => {
    const a = advisory([{ introduced: "0" }], ["1.0", "0.8.1p1"]);
    expect(isVulnerable(advisory([], ["1.0"]), "SOME.LIB", "1.0.0")).toBe(true);
    expect(isVulnerable(a, "some-lib", "0.8.1p1")).toBe(true);
    expect(isVulnerable(advisory([{ introduced: "0" }]), "some-lib", "not a version")).toBe(false);
  });

  it("skips GIT ranges and other packages", () => {
    expect(isVulnerable(advisory([{ introduced: "0" }], [], "GIT"), "some-lib", "1.0")).toBe(false);
    expect(isVulnerable(advisory([{ introduced: "0" }]), "other-lib", "1.0")).toBe(false);
  });

  it("lists fixed versions as pypi.org's fixed_in does", () => {
    expect(fixedVersions(advisory([{ introduced: "1.0" }, { fixed: "1.0.2" }, { introduced: "3.0" }, { fixed: "3.2.5" }]), "some-lib")).toEqual(["1.0.2", "3.2.5"]);
  });
});
