// Fuzzes every input reader with structure-aware mutations of real files: prints the seed, counts and the slowest input.
// Usage: npx tsx scripts/fuzz-inputs.ts [--seed N] [--count N]; exit 1 if a property breaks or an input takes over 1 s.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidMarker, parseMarker } from "../workers/packaging/markers";
import { InvalidRequirement, parseRequirement } from "../workers/packaging/requirement";
import { fuzzCase, fuzzRequirement, fuzzSeeds, runCase } from "../workers/formats/input/test-support/input-fuzzer";

const LIMIT_MS = 1000;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const seed = option("--seed", Math.floor(Math.random() * 2 ** 31));
const count = option("--count", 100_000);
console.log(`seed ${seed}, ${count.toLocaleString("en")} inputs (rerun with --seed ${seed} --count ${count})`);

const seeds = fuzzSeeds();
const byFormat = new Map<string, { inputs: number; diagnostics: number; requirements: number; ms: number }>();
let slowest = { ms: 0, name: "", text: "" };
const failures: string[] = [];
const started = performance.now();

for (let i = 0; i < count; i++) {
  if (i % 10 === 9) {
    // One input in ten goes to the PEP 508 requirement and marker parsers directly.
    const text = fuzzRequirement(seed, i);
    const start = performance.now();
    for (const parse of [parseRequirement, parseMarker] as const) {
      try {
        parse(text);
      } catch (error) {
        if (!(error instanceof InvalidRequirement) && !(error instanceof InvalidMarker)) failures.push(`#${i} ${parse.name}(${JSON.stringify(text.slice(0, 200))}) threw ${String(error)}`);
      }
    }
    const ms = performance.now() - start;
    const stats = byFormat.get("pep508 / marker") ?? { inputs: 0, diagnostics: 0, requirements: 0, ms: 0 };
    byFormat.set("pep508 / marker", { ...stats, inputs: stats.inputs + 1, ms: stats.ms + ms });
    if (ms > slowest.ms) slowest = { ms, name: `#${i} pep508`, text };
    continue;
  }
  const input = fuzzCase(seeds, seed, i);
  const result = runCase(input);
  const stats = byFormat.get(input.format) ?? { inputs: 0, diagnostics: 0, requirements: 0, ms: 0 };
  byFormat.set(input.format, {
    inputs: stats.inputs + 1,
    diagnostics: stats.diagnostics + (result.set?.diagnostics.length ?? 0),
    requirements: stats.requirements + (result.set?.requirements.length ?? 0),
    ms: stats.ms + result.milliseconds,
  });
  if (result.milliseconds > slowest.ms) slowest = { ms: result.milliseconds, name: `#${i} ${input.format}`, text: input.text };
  for (const problem of result.problems) failures.push(`#${i} ${input.format}: ${problem}`);
  if (i % 10_000 === 0 && i > 0) console.log(`  ${i.toLocaleString("en")} inputs, ${failures.length} broken, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

console.log("format             inputs  requirements  diagnostics  mean ms");
for (const [format, s] of byFormat) {
  console.log(`${format.padEnd(17)} ${String(s.inputs).padStart(7)} ${String(s.requirements).padStart(13)} ${String(s.diagnostics).padStart(12)} ${(s.ms / s.inputs).toFixed(3).padStart(8)}`);
}
const slowestFile = join(tmpdir(), `tangle-fuzz-slowest-${seed}.txt`);
writeFileSync(slowestFile, slowest.text);
console.log(`slowest: ${slowest.name}, ${slowest.ms.toFixed(1)} ms, ${slowest.text.length} characters (written to ${slowestFile})`);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s; ${failures.length} broken properties`);
for (const failure of failures.slice(0, 30)) console.log(`  ${failure}`);
if (failures.length > 0 || slowest.ms > LIMIT_MS) {
  if (slowest.ms > LIMIT_MS) console.log(`FAIL: the slowest input took ${slowest.ms.toFixed(0)} ms, over ${LIMIT_MS} ms`);
  process.exit(1);
}
