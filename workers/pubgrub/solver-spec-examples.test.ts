// Golden tests: the worked examples of Dart pub's doc/solver.md, solutions and explanation texts.
import { describe, expect, it } from "vitest";
import { solve } from "./solver";
import type { SolveResult } from "./solver";
import { explain } from "./test-support/explain";
import type { IntRange } from "./test-support/int-range";
import { RegistryProvider, registryOf } from "./test-support/registry-provider";
import type { Registry } from "./test-support/registry-provider";
import { range, semverSets, ver, verText } from "./test-support/semver";

type Spec = Record<string, Record<string, Record<string, string>>>;

async function run(spec: Spec): Promise<{ registry: Registry; result: SolveResult<number, IntRange, string> }> {
  const registry = registryOf(spec, ver, range);
  const provider = new RegistryProvider(registry);
  const result = await solve({ rootPackage: "root", rootVersion: ver("1.0.0"), provider, versionSets: semverSets });
  return { registry, result };
}

function solutionText(result: SolveResult<number, IntRange, string>): string[] {
  if (result.kind !== "solved") throw new Error(`expected a solution, got ${result.kind}`);
  return [...result.solution].map(([p, v]) => `${p} ${verText(v)}`).sort();
}

describe("solver.md examples", () => {
  it("no conflicts", async () => {
    const { result } = await run({
      root: { "1.0.0": { foo: "^1.0.0" } },
      foo: { "1.0.0": { bar: "^1.0.0" } },
      bar: { "1.0.0": {}, "2.0.0": {} },
    });
    expect(solutionText(result)).toEqual(["bar 1.0.0", "foo 1.0.0", "root 1.0.0"]);
    expect(result.stats.conflicts).toBe(0);
    expect(result.stats.decisions).toBe(3);
  });

  it("avoiding conflict during decision making", async () => {
    const { result } = await run({
      root: { "1.0.0": { foo: "^1.0.0", bar: "^1.0.0" } },
      foo: { "1.1.0": { bar: "^2.0.0" }, "1.0.0": {} },
      bar: { "1.0.0": {}, "1.1.0": {}, "2.0.0": {} },
    });
    expect(solutionText(result)).toEqual(["bar 1.1.0", "foo 1.0.0", "root 1.0.0"]);
    // foo 1.1.0 is never decided: its dependency would conflict, so no conflict resolution happens.
    expect(result.stats.conflicts).toBe(0);
    expect(result.stats.backtracks).toBe(0);
  });

  it("performing conflict resolution", async () => {
    const { result } = await run({
      root: { "1.0.0": { foo: ">=1.0.0" } },
      foo: { "2.0.0": { bar: "^1.0.0" }, "1.0.0": {} },
      bar: { "1.0.0": { foo: "^1.0.0" } },
    });
    expect(solutionText(result)).toEqual(["foo 1.0.0", "root 1.0.0"]);
    // One conflict, whose root cause {foo 2.0.0} sends the solver back to before foo's decision.
    expect(result.stats.conflicts).toBe(1);
    expect(result.stats.backtracks).toBe(1);
  });

  it("conflict resolution with a partial satisfier", async () => {
    const { result } = await run({
      root: { "1.0.0": { foo: "^1.0.0", target: "^2.0.0" } },
      foo: { "1.1.0": { left: "^1.0.0", right: "^1.0.0" }, "1.0.0": {} },
      left: { "1.0.0": { shared: ">=1.0.0" } },
      right: { "1.0.0": { shared: "<2.0.0" } },
      shared: { "2.0.0": {}, "1.0.0": { target: "^1.0.0" } },
      target: { "2.0.0": {}, "1.0.0": {} },
    });
    expect(solutionText(result)).toEqual(["foo 1.0.0", "root 1.0.0", "target 2.0.0"]);
  });

  it("linear error reporting", async () => {
    const { registry, result } = await run({
      root: { "1.0.0": { foo: "^1.0.0", baz: "^1.0.0" } },
      foo: { "1.0.0": { bar: "^2.0.0" } },
      bar: { "2.0.0": { baz: "^3.0.0" } },
      baz: { "1.0.0": {}, "3.0.0": {} },
    });
    if (result.kind !== "unsolvable") throw new Error(`expected no solution, got ${result.kind}`);
    expect(explain(result.tree, registry, semverSets).text).toBe(
      [
        "Because every version of foo depends on bar ^2.0.0 which depends on baz ^3.0.0, every version of foo requires baz ^3.0.0.",
        "So, because root depends on both baz ^1.0.0 and foo ^1.0.0, version solving failed.",
      ].join("\n"),
    );
  });

  it("branching error reporting", async () => {
    const { registry, result } = await run({
      root: { "1.0.0": { foo: "^1.0.0" } },
      foo: { "1.0.0": { a: "^1.0.0", b: "^1.0.0" }, "1.1.0": { x: "^1.0.0", y: "^1.0.0" } },
      a: { "1.0.0": { b: "^2.0.0" } },
      b: { "1.0.0": {}, "2.0.0": {} },
      x: { "1.0.0": { y: "^2.0.0" } },
      y: { "1.0.0": {}, "2.0.0": {} },
    });
    if (result.kind !== "unsolvable") throw new Error(`expected no solution, got ${result.kind}`);
    const report = explain(result.tree, registry, semverSets);
    expect(report.text).toBe(
      [
        "    Because foo <1.1.0 depends on a ^1.0.0 which depends on b ^2.0.0, foo <1.1.0 requires b ^2.0.0.",
        "(1) So, because foo <1.1.0 depends on b ^1.0.0, foo <1.1.0 is forbidden.",
        "",
        "    Because foo >=1.1.0 depends on x ^1.0.0 which depends on y ^2.0.0, foo >=1.1.0 requires y ^2.0.0.",
        "    And because foo >=1.1.0 depends on y ^1.0.0, foo >=1.1.0 is forbidden.",
        "    And because foo <1.1.0 is forbidden (1), foo is forbidden.",
        "    So, because root depends on foo ^1.0.0, version solving failed.",
      ].join("\n"),
    );
    expect(report.lines.map((l) => l.number)).toEqual([null, 1, null, null, null, null, null]);
    // The numbered line concludes the node the later line cites.
    const numbered = report.lines[1];
    const citing = report.lines[5];
    expect(numbered.nodeId).not.toBeNull();
    expect(citing.text).toContain("(1)");
  });
});
