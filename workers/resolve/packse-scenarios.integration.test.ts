// uv's packse scenarios through the real index client over HTTP: uv's expectation under policy uv, real pip's answer under policy pip.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolution, ResolverPolicy } from "../api";
import { loadPackseScenarios, type PackseScenario } from "../../scripts/fixture-index/packse-scenario";
import type { PipAnswer } from "../../scripts/fixture-index/packse-pip-answers";
import { startFixtureIndex, type FixtureIndex } from "../../scripts/fixture-index/server";
import { pins, request, resolveOn, targetFor } from "./test-support/fixture-resolve";

const all = await loadPackseScenarios(new URL("../../scripts/fixture-index/packse", import.meta.url).pathname);
const scenarios = all.filter((s) => s.multiEnvironment === null);
const pipGolden = JSON.parse(readFileSync(new URL("./golden/packse-pip.json", import.meta.url), "utf8")) as {
  scenarios: Record<string, { args: string; python: string; answer: PipAnswer }>;
};

/** Tangle's answer where it knowingly differs from the reference, and why. */
interface Deviation {
  tangle: Record<string, string> | "resolved" | "unsatisfiable";
  why: string;
}

/** Tangle never builds and has no `--no-build` / `--no-binary`: the scenarios about building are answered as if building were free. */
const UV_DEVIATIONS: Record<string, Deviation> = {
  "no-wheels-no-build": { tangle: "resolved", why: "uv may not build a's only sdist (no_build); Tangle has no such option and takes the sdist" },
  "only-wheels-no-binary": { tangle: "resolved", why: "uv may not use a's wheels (no_binary); Tangle has no such option and takes the wheel" },
};

/**
 * Where Tangle's pip rules differ from pip 23.2 itself. Tangle reads specifiers as packaging 26 does (PEP 440); pip 23.2
 * vendors packaging 21.3, whose `SpecifierSet.filter` never falls back to pre-releases once a specifier is given, and
 * whose `<V` with a pre-release V does not admit pre-releases. Checked with python3's packaging 26.
 */
const PACKAGING_21 = "pip 23.2's packaging 21.3 finds no version; packaging 26's SpecifierSet.filter falls back to the pre-release";
const PIP_DEVIATIONS: Record<string, Deviation> = {
  "all-extras-required": { tangle: { a: "1.0.0", b: "1.0.0", c: "1.0.0" }, why: "pip 23.2 does not follow an extra that requires other extras of its own project (a[all] -> a[extra_b])" },
  "package-only-prereleases-boundary": { tangle: { a: "0.1.0a1" }, why: PACKAGING_21 },
  "package-only-prereleases-in-range": { tangle: { a: "1.0.0a1" }, why: PACKAGING_21 },
  "package-prereleases-specifier-boundary": { tangle: { a: "0.2.0a1" }, why: "packaging 26 lets <0.2.0a2 admit 0.2.0a1 (the specifier names a pre-release); pip 23.2's packaging 21.3 keeps 0.1.0" },
  "transitive-package-only-prereleases-in-range-opt-in": { tangle: { a: "0.1.0", b: "1.0.0a1" }, why: PACKAGING_21 },
  "transitive-package-only-prereleases-in-range": { tangle: { a: "0.1.0", b: "1.0.0a1" }, why: PACKAGING_21 },
  "transitive-prerelease-and-stable-dependency-many-versions-holes": { tangle: { a: "1.0.0", b: "1.0.0", c: "2.0.0b4" }, why: "packaging 26 counts <2.0.0b5 as naming a pre-release; packaging 21.3 does not, so pip 23.2 finds no c" },
  "only-wheels-no-binary": { tangle: { a: "1.0.0" }, why: "pip was run with --no-binary a; Tangle has no such option" },
};

let index: FixtureIndex;
beforeAll(async () => {
  index = await startFixtureIndex({ port: 0, scenarioDir: null, scenarios: Object.fromEntries(scenarios.map((s) => [s.fixtureName, s.fixtureJson])) });
});
afterAll(async () => {
  await index.close();
});

function resolveUnder(s: PackseScenario, policy: ResolverPolicy, python = s.python): Promise<Resolution> {
  return resolveOn(
    index,
    `scenarios/${s.fixtureName}`,
    request(s.requirements, { target: targetFor(python, s.platform), policy, prerelease: s.allowPrereleases ? "allow" : "if-necessary-or-explicit" }),
  );
}

/** What a resolution amounts to in the scenarios' terms: the pins, "resolved" when no pins are expected, or "unsatisfiable". */
function outcome(resolution: Resolution, comparePins: boolean): Record<string, string> | string {
  const got = pins(resolution);
  return typeof got === "string" || comparePins ? got : "resolved";
}

const tally = { uv: { pass: 0, total: 0 }, pipAsUv: { pass: 0, total: 0 }, pip: { pass: 0, total: 0 } };
afterAll(() => {
  const { uv, pipAsUv, pip } = tally;
  console.log(
    `packse single-environment scenarios: as uv expects, policy uv ${uv.pass}/${uv.total} (policy pip ${pipAsUv.pass}/${pipAsUv.total}); as pip 23.2 answers, policy pip ${pip.pass}/${pip.total}`,
  );
});

for (const s of scenarios) {
  describe(`packse ${s.category}/${s.name}`, () => {
    const uvDeviation = UV_DEVIATIONS[s.name];
    it(uvDeviation ? `under policy uv: differs from uv, knowingly (${uvDeviation.why})` : "under policy uv: uv's expected answer", async () => {
      const { satisfiable, packages } = s.expected;
      const comparePins = Object.keys(packages).length > 0;
      const expected = !satisfiable ? "unsatisfiable" : comparePins ? packages : "resolved";
      const got = outcome(await resolveUnder(s, "uv"), comparePins);
      tally.uv.total++;
      if (JSON.stringify(got) === JSON.stringify(expected)) tally.uv.pass++;
      // The same scenario under pip's rules, measured only: how far the default is from uv's expectations.
      tally.pipAsUv.total++;
      if (JSON.stringify(outcome(await resolveUnder(s, "pip"), comparePins)) === JSON.stringify(expected)) tally.pipAsUv.pass++;
      expect(got).toEqual(uvDeviation ? uvDeviation.tangle : expected);
    });

    const pip = pipGolden.scenarios[s.name];
    const pipDeviation = PIP_DEVIATIONS[s.name];
    if (pip && !("notCheckable" in pip.answer)) {
      const answer = pip.answer;
      it(pipDeviation ? `under policy pip: differs from pip 23.2, knowingly (${pipDeviation.why})` : `under policy pip: what \`${pip.args}\` picks`, async () => {
        const expected = "noSolution" in answer ? "unsatisfiable" : answer.pins;
        const got = outcome(await resolveUnder(s, "pip", pip.python), true);
        tally.pip.total++;
        if (JSON.stringify(got) === JSON.stringify(expected)) tally.pip.pass++;
        expect(got).toEqual(pipDeviation ? pipDeviation.tangle : expected);
      });
    }
  });
}

it("every single-environment scenario has pip's answer recorded (regenerate the golden file when scenarios change)", () => {
  expect(scenarios.filter((s) => !pipGolden.scenarios[s.name]).map((s) => s.name)).toEqual([]);
});

it("every deviation names a scenario that exists and where the reference really answers otherwise", () => {
  const names = new Set(scenarios.map((s) => s.name));
  for (const name of [...Object.keys(UV_DEVIATIONS), ...Object.keys(PIP_DEVIATIONS)]) expect(names.has(name), name).toBe(true);
  for (const [name, d] of Object.entries(PIP_DEVIATIONS)) {
    const answer = pipGolden.scenarios[name]?.answer;
    const pipSaid = answer && "pins" in answer ? answer.pins : "unsatisfiable";
    expect(pipSaid, name).not.toEqual(d.tangle);
  }
  for (const [name, d] of Object.entries(UV_DEVIATIONS)) {
    const s = scenarios.find((x) => x.name === name);
    expect(s?.expected.satisfiable ? "resolved" : "unsatisfiable", name).not.toEqual(d.tangle);
  }
});
