// Benchmark 1, solver only with metadata in memory: Tangle vs pip 23.2's resolvelib on the agreement cases, same run.
// Usage: npx tsx scripts/bench-resolver.ts [--repeat N] [--case ID ...]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ResolveRequest } from "../workers/api";
import { prepareRequest } from "../workers/resolve/prepare-request";
import { solveOnce } from "../workers/resolve/solve-once";
import { createSnapshotSource, fromExtrasSnapshot, type ExtrasSnapshotData, type SnapshotData } from "../workers/resolve/snapshot-source";
import { request } from "../workers/resolve/test-support/fixture-resolve";

interface GoldenCase {
  id: string;
  snapshot: string;
  environment: string;
  requirements: string[];
  status: string;
}
interface PipTiming {
  id: string;
  status: string;
  ms: number[];
  minMs: number;
}

const TARGETS: Record<string, ResolveRequest["target"]> = {
  "cpython-3.8.10-linux-x86_64": { implementation: "cpython", pythonVersion: "3.8.10", os: "linux", arch: "x86_64" },
  "pip-benchmark-pyrax-1.9.8": { implementation: "cpython", pythonVersion: "3.11.6", os: "macos", arch: "arm64" },
};

const { values } = parseArgs({ options: { repeat: { type: "string", default: "5" }, case: { type: "string", multiple: true } } });
const repeat = Number(values.repeat);
const golden = JSON.parse(readFileSync("workers/resolve/golden/pip-agreement.json", "utf8")) as { cases: GoldenCase[] };
let cases = golden.cases.filter((c) => c.status === "resolved" || c.status === "unsatisfiable");
if (values.case) cases = cases.filter((c) => values.case?.includes(c.id));

const snapshots = new Map<string, SnapshotData>();
function snapshot(file: string): SnapshotData {
  let data = snapshots.get(file);
  if (!data) {
    const raw = JSON.parse(readFileSync(`scripts/data/snapshots/${file}`, "utf8")) as SnapshotData | { packages: ExtrasSnapshotData };
    data = "packages" in raw ? fromExtrasSnapshot(raw.packages as ExtrasSnapshotData) : raw;
    snapshots.set(file, data);
  }
  return data;
}

/**
 * Like the reference, which loads and parses each snapshot once and then times `Resolver.resolve` with a fresh
 * provider, each case gets one in-memory source (listings built once) and a fresh provider per run.
 */
async function tangleOnce(c: GoldenCase, source: ReturnType<typeof createSnapshotSource>): Promise<{ ms: number; status: string }> {
  // Parse the request and solve: no explanation text, ways out or result DTOs (the reference builds none either).
  const started = performance.now();
  const prepared = prepareRequest(request(c.requirements, { target: TARGETS[c.environment] }));
  if (!prepared.ok) throw new Error(`${c.id}: ${prepared.message}`);
  const run = await solveOnce(prepared.prepared.options, prepared.prepared.roots, { source, now: () => performance.now() });
  const ms = performance.now() - started;
  return { ms, status: run.result.kind === "solved" ? "resolved" : run.result.kind === "unsolvable" ? "unsatisfiable" : run.result.kind };
}

console.error(`pip reference: python3 scripts/pip-reference/resolve_with_pip.py --bench --repeat ${repeat} (this takes a while)`);
const pipArgs = ["scripts/pip-reference/resolve_with_pip.py", "--bench", "--repeat", String(repeat), ...cases.flatMap((c) => ["--case", c.id])];
const pipOut = execFileSync("python3", pipArgs, { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });
const pip = new Map((JSON.parse(pipOut) as { cases: PipTiming[] }).cases.map((t) => [t.id, t]));

console.log(`\n${"case".padEnd(44)} ${"status".padEnd(14)} ${"tangle ms".padStart(10)} ${"pip ms".padStart(10)} ${"ratio".padStart(8)}`);
// Warm the JIT on every case first: the worker and the CLI resolve with code that has run before.
const sourcesByCase = new Map(cases.map((c) => [c.id, createSnapshotSource(snapshot(c.snapshot))]));
for (let round = 0; round < 3; round++) for (const c of cases) await tangleOnce(c, sourcesByCase.get(c.id)!);
const ratios: number[] = [];
let tangleTotal = 0;
let pipTotal = 0;
for (const c of cases) {
  const source = sourcesByCase.get(c.id)!;
  // timeit-style: a batch of runs long enough for the clock to resolve it (sub-millisecond cases need many), the
  // mean per run of each batch, the best of several batches.
  let best = Infinity;
  let status = "";
  for (let batch = 0; batch < Math.max(repeat, 5); batch++) {
    let runs = 0;
    let spent = 0;
    while (runs === 0 || spent < 20) {
      const run = await tangleOnce(c, source);
      spent += run.ms;
      status = run.status;
      runs++;
    }
    best = Math.min(best, spent / runs);
  }
  const ref = pip.get(c.id);
  const refMs = ref ? ref.minMs : NaN;
  const ratio = refMs / best;
  if (Number.isFinite(ratio)) {
    ratios.push(ratio);
    tangleTotal += best;
    pipTotal += refMs;
  }
  const flag = status === ref?.status ? "" : `  (pip: ${ref?.status ?? "no timing"})`;
  console.log(`${c.id.padEnd(44)} ${status.padEnd(14)} ${best.toFixed(2).padStart(10)} ${refMs.toFixed(2).padStart(10)} ${ratio.toFixed(1).padStart(7)}x${flag}`);
}
const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
console.log(`\n${ratios.length} cases; Tangle is ${geomean.toFixed(1)}x faster than resolvelib (geometric mean of per-case ratios)`);
console.log(`total: Tangle ${tangleTotal.toFixed(0)} ms, resolvelib ${pipTotal.toFixed(0)} ms -> ${(pipTotal / tangleTotal).toFixed(1)}x; target >= 10x`);
