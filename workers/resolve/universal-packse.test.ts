// packse's fork/* scenarios, resolved universally: the satisfiability uv expects, and each satisfiable answer narrowed to Linux, macOS and Windows at two Pythons is a valid resolution there.
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import type { Resolution } from "../api";
import { tryParseSpecifierSet } from "../packaging/specifiers";
import { resolveRequest } from "./resolve";
import { request } from "./test-support/fixture-resolve";
import { environment, narrow, registrySource, validityProblems, type Registry } from "./test-support/narrowed-resolution";

/** The part of a packse scenario file the test reads, checked as it is read (a malformed copy fails by name). */
const release = v.object({ requires: v.optional(v.array(v.string())), requires_python: v.optional(v.string()) });
const scenarioSchema = v.object({
  name: v.string(),
  expected: v.object({ satisfiable: v.boolean() }),
  root: release,
  packages: v.optional(v.record(v.string(), v.object({ versions: v.record(v.string(), release) }))),
});
type Scenario = v.InferOutput<typeof scenarioSchema>;

const DIR = new URL("./test-support/packse-fork/", import.meta.url).pathname;
const scenarios = readdirSync(DIR)
  .filter((f) => f.endsWith(".toml"))
  .sort()
  .map((f) => ({ file: f.replace(/\.toml$/, ""), text: readFileSync(DIR + f, "utf8") }))
  .map(({ file, text }) => ({ file, text, scenario: v.parse(scenarioSchema, parse(text)) }));

/**
 * Where Tangle's answer differs from uv's, and why. uv decides a fork once and keeps it when it later backtracks
 * past the version that caused it (its forks carry the solver state); Tangle restarts each fork's solve, so a fork
 * caused by a version that is then rejected still lets each part find its own answer.
 */
const DEVIATIONS: Record<string, { satisfiable: boolean; why: string }> = {
  "preferences-dependent-forking-conflicting": {
    satisfiable: true,
    why: "cleaver 2 forks on unrelated-dep and is then rejected; in each fork cleaver 1's requirements on foo and bar apply on one side only",
  },
};

function registryOf(s: Scenario): Registry {
  return Object.fromEntries(Object.entries(s.packages ?? {}).map(([name, p]) => [name, p.versions]));
}

/** Every sys_platform value the scenario names that is not linux/darwin/win32: it becomes a platform of the space. */
function otherSysPlatforms(text: string): string[] {
  return [...new Set([...text.matchAll(/sys_platform\s*[!=]=\s*'([^']+)'/g)].map((m) => m[1]))].filter((p) => !["linux", "darwin", "win32"].includes(p));
}

async function resolveScenario(s: Scenario, text: string): Promise<Resolution> {
  const python = s.root.requires_python ?? ">=3.8";
  const req = request(s.root.requires ?? [], { universal: { python, otherSysPlatforms: otherSysPlatforms(text) } });
  return resolveRequest(req, { source: registrySource(registryOf(s)), now: () => 0 });
}

const PYTHONS = ["3.8.0", "3.10.1", "3.12.0", "3.13.2"];

describe("packse fork scenarios, universal", () => {
  for (const { file, text, scenario: s } of scenarios) {
    const deviation = DEVIATIONS[file];
    const satisfiable = deviation ? deviation.satisfiable : s.expected.satisfiable;
    it(`${s.name}: ${satisfiable ? "resolves" : "has no solution"}${deviation ? ` (uv: ${s.expected.satisfiable}; ${deviation.why})` : ""}`, async () => {
      const resolution = await resolveScenario(s, text);
      expect(resolution.status, resolution.status === "unsatisfiable" ? resolution.explanation : "").toBe(satisfiable ? "resolved" : "unsatisfiable");
      if (resolution.status !== "resolved") return;
      const range = s.root.requires_python ?? ">=3.8";
      const inRange = PYTHONS.filter((p) => satisfiesRange(p, range));
      const pythons = [inRange[0], inRange[inRange.length - 1]];
      for (const sys of ["linux", "darwin", "win32"] as const) {
        for (const python of pythons) {
          const env = environment(sys, python);
          expect(validityProblems(registryOf(s), s.root.requires ?? [], narrow(resolution.packages, env), env), `${sys} ${python}`).toEqual([]);
        }
      }
    });
  }
});

function satisfiesRange(version: string, range: string): boolean {
  return tryParseSpecifierSet(range)?.contains(version) ?? false;
}
