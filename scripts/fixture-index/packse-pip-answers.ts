// Writes workers/resolve/golden/packse-pip.json: what real pip (`pip --isolated download`) picks in every single-environment
// packse scenario, served by the fixture index. Needs python3 + pip. Run: npx tsx scripts/fixture-index/packse-pip-answers.ts

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPackseScenarios, type PackseScenario } from "./packse-scenario";
import { downloadedPins, PIP_NO_SOLUTION, run } from "./pip-download";
import { startFixtureIndex } from "./server";

/** pip's answer: the pins, no solution, or why pip could not answer here. */
export type PipAnswer = { pins: Record<string, string> } | { noSolution: true } | { notCheckable: string };

const PACKSE_DIR = fileURLToPath(new URL("./packse", import.meta.url));
const OUT = fileURLToPath(new URL("../../workers/resolve/golden/packse-pip.json", import.meta.url));

/** The Python pip answers for: the scenario's, or this interpreter's when the scenario names none (so pip may build sdists). */
function pipPython(s: PackseScenario, hostPython: string): string {
  return s.pythonStated ? s.python : hostPython;
}

function pipArgs(s: PackseScenario, url: string, dest: string, hostPython: string): string[] {
  const args = ["--isolated", "download", "--quiet", "--no-cache-dir", "--dest", dest, "--index-url", `${url}/scenarios/${s.fixtureName}/simple`];
  const foreign = pipPython(s, hostPython) !== hostPython || s.platform !== undefined;
  // pip only takes another interpreter or platform for binary-only downloads.
  if (foreign) args.push("--python-version", s.python, "--only-binary=:all:");
  if (s.platform !== undefined) args.push("--platform", s.platform);
  if (s.allowPrereleases) args.push("--pre");
  for (const name of s.noBinary) args.push("--no-binary", name);
  return [...args, ...s.requirements];
}

async function main(): Promise<void> {
  const scenarios = (await loadPackseScenarios(PACKSE_DIR)).filter((s) => s.multiEnvironment === null);
  const index = await startFixtureIndex({ port: 0, scenarioDir: null, scenarios: Object.fromEntries(scenarios.map((s) => [s.fixtureName, s.fixtureJson])) });
  const work = mkdtempSync(join(tmpdir(), "tangle-packse-pip-"));
  const version = (await run("pip", ["--version"])).stdout.trim().split(" ").slice(0, 2).join(" ");
  const hostPython = (await run("python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])).stdout.trim();
  const answers: Record<string, { args: string; python: string; answer: PipAnswer }> = {};
  try {
    for (const s of scenarios) {
      const dest = join(work, s.name);
      const args = pipArgs(s, index.url, dest, hostPython);
      const r = await run("pip", args);
      let answer: PipAnswer;
      if (r.status === 0) answer = { pins: downloadedPins(dest) };
      else if (PIP_NO_SOLUTION.test(r.stderr)) answer = { noSolution: true };
      else answer = { notCheckable: r.stderr.trim().split("\n").slice(-2).join(" ").replace(index.url, "INDEX").slice(0, 300) };
      answers[s.name] = { args: `pip ${args.map((a) => a.replace(index.url, "INDEX").replace(dest, "DEST")).join(" ")}`, python: pipPython(s, hostPython), answer };
      console.log(`${s.category}/${s.name}: ${JSON.stringify(answer)}`);
    }
  } finally {
    await index.close();
    rmSync(work, { recursive: true, force: true });
  }
  const header = { generatedBy: "npx tsx scripts/fixture-index/packse-pip-answers.ts", pip: version, hostPython };
  writeFileSync(OUT, `${JSON.stringify({ ...header, scenarios: answers }, null, 2)}\n`);
  console.log(`wrote ${OUT}`);
}

await main();
