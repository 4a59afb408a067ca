// Benchmark: PEP 440 parsing, sorting and SpecifierSet.contains vs python packaging (scripts/bench_packaging.py), same inputs, same run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareVersions, parseVersion, tryParseVersion, type Version } from "../workers/packaging/version";
import { parseSpecifierSet } from "../workers/packaging/specifiers";

const root = new URL("..", import.meta.url).pathname;
const RUNS = 5;
const ROUNDS = 3; // python and tangle alternate, so both see the same machine load
const PARSE_ITERATIONS = 5;
const SORT_SIZE = 100_000;

// Inputs -----------------------------------------------------------------------------------------
// (1) every version string of the dependency snapshots (all releases of every project, every file).
const snapshotDir = join(root, "scripts/data/snapshots");
const parseStrings: string[] = [];
for (const file of readdirSync(snapshotDir).filter((f) => f.startsWith("pypi-") && f.endsWith(".json")).sort()) {
  const data = JSON.parse(readFileSync(join(snapshotDir, file), "utf8")) as Record<string, Record<string, unknown>>;
  for (const project of Object.keys(data)) parseStrings.push(...Object.keys(data[project]));
}

// (2) 100,000 versions made deterministically from the real ones (an LCG picks a base and a variation).
const real = [...new Set(parseStrings)].filter((s) => tryParseVersion(s) !== null);
let seed = 440;
const next = (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed % n;
};
const variations = ["", "", "", ".post1", ".dev3", "rc2", "+local.7", ".0", "a1.post2"];
const sortStrings: string[] = [];
while (sortStrings.length < SORT_SIZE) {
  const candidate = real[next(real.length)] + variations[next(variations.length)];
  if (tryParseVersion(candidate) !== null) sortStrings.push(candidate);
}

// (3) every real specifier set against every release of the project it was written for.
const specVectors = JSON.parse(readFileSync(join(root, "workers/packaging/vectors/specifiers.json"), "utf8")) as {
  specifiers: { specifier: string; versions: string[] }[];
};
const containsCases = specVectors.specifiers.map(({ specifier, versions }) => ({ specifier, versions }));
const containsTotal = containsCases.reduce((n, c) => n + c.versions.length, 0);

const dir = mkdtempSync(join(tmpdir(), "tangle-bench-"));
const inputsPath = join(dir, "inputs.json");
writeFileSync(inputsPath, JSON.stringify({ parseStrings, parseIterations: PARSE_ITERATIONS, sortStrings, containsCases, runs: RUNS }));

// Timing -----------------------------------------------------------------------------------------
// Process CPU time (robust when other jobs share the machine; for Node it also counts JIT and GC
// threads, which only penalises us) and wall time; the best over RUNS runs in each of ROUNDS rounds.
interface Timing {
  cpu: number;
  wall: number;
}
interface PyReport {
  packaging: string;
  python: string;
  results: Record<string, Timing>;
  checks: { sorted: string[]; containsCount: number };
}

function bestOf(fn: () => void): Timing {
  fn(); // warm-up
  let cpu = Infinity;
  let wall = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const w = performance.now();
    fn();
    const used = process.cpuUsage(c);
    wall = Math.min(wall, performance.now() - w);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { cpu, wall };
}

let sink = 0;
const parseAll = (): void => {
  for (let k = 0; k < PARSE_ITERATIONS; k++) for (const s of parseStrings) if (tryParseVersion(s) !== null) sink++;
};
const toSort: Version[] = sortStrings.map(parseVersion);
let sorted: Version[] = [];
const sortAll = (): void => {
  sorted = toSort.slice().sort(compareVersions);
};
const sets = containsCases.map((c) => ({ set: parseSpecifierSet(c.specifier), versions: c.versions }));
let containsCount = 0;
const containsAll = (): void => {
  containsCount = 0;
  for (const { set, versions } of sets) for (const v of versions) if (set.contains(v)) containsCount++;
};
const buildSets = (): void => {
  for (const c of containsCases) sink += parseSpecifierSet(c.specifier).specifiers.length;
};
const benchmarks: Record<string, () => void> = { parse: parseAll, sort: sortAll, contains: containsAll, specifierSets: buildSets };

console.log(`inputs: ${parseStrings.length} version strings x ${PARSE_ITERATIONS}, sort ${sortStrings.length}, contains ${containsTotal} (${containsCases.length} sets)`);
const ours: Record<string, Timing> = {};
const theirs: Record<string, Timing> = {};
const keep = (into: Record<string, Timing>, key: string, t: Timing): void => {
  const old = into[key];
  into[key] = old === undefined ? t : { cpu: Math.min(old.cpu, t.cpu), wall: Math.min(old.wall, t.wall) };
};
let py: PyReport | null = null;
for (let round = 1; round <= ROUNDS; round++) {
  console.log(`round ${round}/${ROUNDS}: python packaging, then tangle ...`);
  py = JSON.parse(execFileSync("python3", [join(root, "scripts/bench_packaging.py"), inputsPath], { encoding: "utf8", maxBuffer: 1 << 28 })) as PyReport;
  for (const [key, t] of Object.entries(py.results)) keep(theirs, key, t);
  for (const [key, fn] of Object.entries(benchmarks)) keep(ours, key, bestOf(fn));
}
rmSync(dir, { recursive: true, force: true });
if (py === null) throw new Error("no rounds ran");
const reference: PyReport = py;

// Same answers?
const ourSample = sorted.filter((_, i) => i % Math.max(1, Math.floor(sorted.length / 1000)) === 0).map(String);
const sameOrder =
  ourSample.every((s, i) => compareVersions(parseVersion(s), parseVersion(reference.checks.sorted[i])) === 0);
if (!sameOrder || containsCount !== reference.checks.containsCount) {
  console.error(`answers differ: order ${sameOrder}, contains ${containsCount} vs ${reference.checks.containsCount}`);
  process.exitCode = 1;
}

const labels: Record<string, string> = {
  parse: `parse ${parseStrings.length} version strings x${PARSE_ITERATIONS}`,
  sort: `sort ${sortStrings.length} versions: Array.sort`,
  contains: `SpecifierSet.contains x${containsTotal}`,
  specifierSets: `parse ${containsCases.length} specifier sets`,
};
console.log(`\nreference: packaging ${reference.packaging} on ${reference.python}; ours: Node ${process.version}; best of ${RUNS} runs x ${ROUNDS} rounds\n`);
console.log(`${"benchmark".padEnd(42)} ${"tangle cpu ms".padStart(14)} ${"python cpu ms".padStart(14)} ${"speed-up".padStart(9)}   ${"(wall: tangle / python)".padStart(26)}`);
for (const key of Object.keys(ours)) {
  const o = ours[key];
  const t = theirs[key];
  const ratio = t.cpu / o.cpu;
  console.log(
    `${labels[key].padEnd(42)} ${o.cpu.toFixed(1).padStart(14)} ${t.cpu.toFixed(1).padStart(14)} ${(ratio.toFixed(1) + "x").padStart(9)}   ${`${o.wall.toFixed(1)} / ${t.wall.toFixed(1)} = ${(t.wall / o.wall).toFixed(1)}x`.padStart(26)}`,
  );
}
if (sink < 0) console.log(sink);
