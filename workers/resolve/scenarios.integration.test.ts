// Every hand-written fixture scenario case, resolved through the real index client over HTTP: Tangle picks what pip picks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureIndex } from "../../scripts/fixture-index/server";
import { loadScenarioDir } from "../../scripts/fixture-index/scenario-loader";
import { pins, request, resolveOn, startIndex, targetFor } from "./test-support/fixture-resolve";

/**
 * Where Tangle deliberately differs from the scenario's pip answer, and why. pip builds an sdist to learn its
 * dependencies; Tangle never builds, reports the release's dependencies as unknown and (by default) assumes none.
 */
const DEVIATIONS: Record<string, Record<string, string>> = {
  "unknown-metadata/pip builds the sdist to learn its dependencies": { oldpkg: "0.5.0" },
};

const scenarios = await loadScenarioDir(new URL("../../scripts/fixture-index/scenarios", import.meta.url).pathname);
let index: FixtureIndex;

beforeAll(async () => {
  index = await startIndex();
});
afterAll(async () => {
  await index.close();
});

for (const scenario of scenarios) {
  describe(`scenario ${scenario.name}`, () => {
    for (const c of scenario.cases) {
      it(c.name, async () => {
        const resolution = await resolveOn(index, `scenarios/${scenario.name}`, request(c.requirements, { target: targetFor(c.python, c.platform) }));
        const expected = DEVIATIONS[`${scenario.name}/${c.name}`] ?? (c.result === "no-solution" ? "unsatisfiable" : c.result);
        expect(pins(resolution)).toEqual(expected);
      });
    }
  });
}

describe("unknown dependencies", () => {
  it("are a warning on the package, never a silent empty list", async () => {
    const resolution = await resolveOn(index, "scenarios/unknown-metadata", request(["oldpkg"]));
    expect(resolution.status).toBe("resolved");
    if (resolution.status !== "resolved") return;
    const oldpkg = resolution.packages.find((p) => p.name === "oldpkg");
    expect(oldpkg?.unknownDependencies).toBe(true);
    expect(oldpkg?.warnings.join("\n")).toMatch(/dependencies of oldpkg 0\.5\.0 are unknown/);
  });

  it("can exclude such releases instead, falling back to one whose dependencies are known", async () => {
    const resolution = await resolveOn(index, "scenarios/unknown-metadata", request(["oldpkg"], { unknownDependencies: "exclude" }));
    expect(pins(resolution)).toEqual({ oldpkg: "0.4.0", helper: "2.0.0" });
  });
});
