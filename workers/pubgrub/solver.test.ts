// Unit tests of solver behaviours beyond the spec examples: statistics, merging, unavailable versions, provider errors.
import { describe, expect, it } from "vitest";
import type { Dependencies, DependencyProvider, PackageStats } from "./dependency-provider";
import { nodesBottomUp } from "./derivation-tree";
import { solve } from "./solver";
import { explain } from "./test-support/explain";
import type { IntRange } from "./test-support/int-range";
import { RegistryProvider, registryOf } from "./test-support/registry-provider";
import { range, semverSets, ver, verText } from "./test-support/semver";

type Spec = Record<string, Record<string, Record<string, string>>>;
const ROOT = { rootPackage: "root", rootVersion: ver("1.0.0"), versionSets: semverSets };

describe("solve", () => {
  it("returns the decisions in order, the root first", async () => {
    const registry = registryOf({ root: { "1.0.0": { a: "any" } }, a: { "1.0.0": { b: "any" } }, b: { "2.0.0": {} } }, ver, range);
    const result = await solve({ ...ROOT, provider: new RegistryProvider(registry) });
    expect(result.kind === "solved" && [...result.solution].map(([p, v]) => `${p} ${verText(v)}`)).toEqual([
      "root 1.0.0",
      "a 1.0.0",
      "b 2.0.0",
    ]);
  });

  it("passes updated conflict statistics to prioritize", async () => {
    const registry = registryOf(
      {
        root: { "1.0.0": { foo: "any", bar: "any" } },
        foo: { "2.0.0": { bar: "^1.0.0" }, "1.0.0": {} },
        bar: { "2.0.0": {}, "1.0.0": { foo: "^1.0.0" } },
      },
      ver,
      range,
    );
    const seen: [string, number][] = [];
    class Recording extends RegistryProvider {
      override prioritize(pkg: string, r: IntRange, stats: PackageStats): number {
        seen.push([pkg, stats.conflicts]);
        expect(stats.conflicts).toBe(
          stats.unitPropagationAffected + stats.unitPropagationCulprit + stats.dependenciesAffected + stats.dependenciesCulprit,
        );
        return super.prioritize(pkg, r, stats);
      }
    }
    const result = await solve({ ...ROOT, provider: new Recording(registry) });
    expect(result.kind).toBe("solved");
    expect(result.stats.conflicts + result.stats.decisions).toBeGreaterThan(0);
    // After the first conflict, priorities are asked again with non-zero counts.
    expect(seen.some(([, c]) => c > 0)).toBe(true);
  });

  it("merges equal dependencies of several versions into one fact", async () => {
    const registry = registryOf(
      {
        root: { "1.0.0": { foo: "any" } },
        foo: { "1.0.0": { bar: "^2.0.0" }, "1.1.0": { bar: "^2.0.0" }, "1.2.0": { bar: "^2.0.0" } },
        bar: { "1.0.0": {} },
      },
      ver,
      range,
    );
    const result = await solve({ ...ROOT, provider: new RegistryProvider(registry) });
    if (result.kind !== "unsolvable") throw new Error("expected no solution");
    const deps = nodesBottomUp(result.tree.root).filter((n) => n.kind === "dependency" && n.package === "foo");
    expect(deps.map((n) => (n.kind === "dependency" ? n.versions.toString() : ""))).toEqual(["1.0.0 or 1.1.0 or 1.2.0"]);
    expect(explain(result.tree, registry, semverSets).text).toBe(
      "Because every version of foo depends on bar ^2.0.0 which doesn't match any versions, foo is forbidden.\n" +
        "So, because root depends on foo, version solving failed.",
    );
  });

  it("skips unavailable versions and explains when none is left", async () => {
    const spec: Spec = { root: { "1.0.0": { foo: "any" } }, foo: { "1.0.0": {}, "2.0.0": {}, "3.0.0": {} } };
    const registry = registryOf(spec, ver, range);
    const some = new Map([["foo", new Map([[ver("3.0.0"), "broken"]])]]);
    const partly = await solve({ ...ROOT, provider: new RegistryProvider(registry, { unavailable: some }) });
    expect(partly.kind === "solved" && verText(partly.solution.get("foo") ?? 0)).toBe("2.0.0");
    const all = new Map([["foo", new Map([ver("1.0.0"), ver("2.0.0"), ver("3.0.0")].map((v) => [v, "broken"] as [number, string]))]]);
    const none = await solve({ ...ROOT, provider: new RegistryProvider(registry, { unavailable: all }) });
    if (none.kind !== "unsolvable") throw new Error("expected no solution");
    expect(explain(none.tree, registry, semverSets).text).toBe(
      "Because root depends on foo which is unavailable (broken), version solving failed.",
    );
  });

  it("explains a dependency on another version of the root", async () => {
    const registry = registryOf({ root: { "1.0.0": { foo: "any" } }, foo: { "1.0.0": { root: "^2.0.0" } } }, ver, range);
    const result = await solve({ ...ROOT, provider: new RegistryProvider(registry) });
    if (result.kind !== "unsolvable") throw new Error("expected no solution");
    expect(explain(result.tree, registry, semverSets).text).toBe(
      "Because root depends on foo which depends on root ^2.0.0, version solving failed.",
    );
  });

  it("rejects a provider choosing a version outside the range", async () => {
    const provider: DependencyProvider<number, IntRange, string> = {
      prioritize: () => 0,
      chooseVersion: () => ver("9.0.0"),
      getDependencies: (): Dependencies<IntRange, string> => ({ kind: "available", dependencies: [["foo", range("^1.0.0")]] }),
    };
    await expect(solve({ ...ROOT, provider })).rejects.toThrow(/chooseVersion\(foo\) returned 9000000, which is not in \^1\.0\.0/);
  });

  it("asks each package version's dependencies once", async () => {
    const registry = registryOf(
      {
        root: { "1.0.0": { a: "any", b: "any" } },
        a: { "2.0.0": { c: "^2.0.0" }, "1.0.0": { c: "^1.0.0" } },
        b: { "2.0.0": { c: "^1.0.0" }, "1.0.0": { c: "^1.0.0" } },
        c: { "1.0.0": {}, "2.0.0": {} },
      },
      ver,
      range,
    );
    const asked: string[] = [];
    const provider = new RegistryProvider(registry, { onCall: (kind, pkg) => kind === "deps" && asked.push(pkg) });
    const result = await solve({ ...ROOT, provider });
    expect(result.kind).toBe("solved");
    expect(result.stats.getDependenciesCalls).toBe(asked.length);
    expect(new Set(asked).size).toBeLessThanOrEqual(asked.length);
    expect(asked.length).toBeLessThanOrEqual(7);
  });
});
