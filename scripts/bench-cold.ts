// Benchmark: the whole `tangle resolve` process with no cache against `pip --isolated install --dry-run --report`, both
// through the fixture index with a latency per request (default 50 ms): wall time and requests, against the minimum
// (one listing per project in the answer + one metadata file per chosen release). Same run, same index.
// Usage: npx tsx scripts/bench-cold.ts [--latency-ms 50] [--runs 1] [--case ID ...] [--command "node OTHER/dist-cli/tangle.cjs"]
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { buildCli, CLI_BUNDLE } from "./build-cli";
import { startFixtureIndex } from "./fixture-index/server";

const { values } = parseArgs({
  options: {
    "latency-ms": { type: "string", default: "50" },
    runs: { type: "string", default: "1" },
    case: { type: "string", multiple: true },
    /** Another `tangle` to measure instead of the bundle, e.g. "node ../old/dist-cli/tangle.cjs" (a baseline). */
    command: { type: "string" },
  },
});
const latency = Number(values["latency-ms"]);
const runs = Number(values.runs);
const [program, ...programArgs] = values.command ? values.command.split(" ") : [process.execPath, CLI_BUNDLE];

const CASES: { id: string; requirements: string[] }[] = [
  { id: "cheroot set", requirements: ["cheroot", "pytest-cov", "pytest-mock", "pytest-testmon<1"] },
  { id: "pandas[test]", requirements: ["pandas[test]"] },
  { id: "dask[complete]", requirements: ["dask[complete]"] },
].filter((c) => !values.case || values.case.includes(c.id));

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "tangle-bench-cold-"));
const pythonVersion = (await run("python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])).stdout.trim();

await buildCli();
const index = await startFixtureIndex({ port: 0, latencyMs: latency });
const indexUrl = `${index.url}/snapshot-2020/simple`;
// The server renders listings and hashes its synthetic files on first request (pypi.org has them ready): warm it.
for (const c of CASES) await tangle(c);

async function tangle(c: (typeof CASES)[number]): Promise<{ ms: number; requests: number; pins: Map<string, string> }> {
  const input = join(work, "requirements.txt");
  writeFileSync(input, `${c.requirements.join("\n")}\n`);
  index.resetStats();
  const started = performance.now();
  const out = await run(program, [...programArgs, "resolve", input, "--index-url", indexUrl, "--python", pythonVersion, "--no-cache", "--format", "json"], {
    maxBuffer: 64 << 20,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const ms = performance.now() - started;
  const json = JSON.parse(out.stdout) as { status: string; packages: { name: string; version: string }[] };
  return { ms, requests: index.stats().requests, pins: new Map(json.packages.map((p) => [p.name, p.version])) };
}

/** For a case with no solution: the time and requests until the verdict is on standard error (ways out come after). */
async function tangleVerdict(c: (typeof CASES)[number]): Promise<{ ms: number; requests: number; totalMs: number; totalRequests: number } | null> {
  const input = join(work, "requirements.txt");
  writeFileSync(input, `${c.requirements.join("\n")}\n`);
  index.resetStats();
  const started = performance.now();
  const child = spawn(program, [...programArgs, "resolve", input, "--index-url", indexUrl, "--python", pythonVersion, "--no-cache"], { stdio: ["ignore", "ignore", "pipe"] });
  let verdict: { ms: number; requests: number } | null = null;
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    if (verdict === null && chunk.includes("No solution found")) verdict = { ms: performance.now() - started, requests: index.stats().requests };
  });
  await new Promise((resolve) => child.once("close", resolve));
  const found = verdict as { ms: number; requests: number } | null;
  return found === null ? null : { ...found, totalMs: performance.now() - started, totalRequests: index.stats().requests };
}

async function pip(c: (typeof CASES)[number]): Promise<{ ms: number; requests: number; pins: Map<string, string> }> {
  const report = join(work, "report.json");
  rmSync(report, { force: true });
  index.resetStats();
  const started = performance.now();
  await run("python3", ["-m", "pip", "--isolated", "install", "--dry-run", "--ignore-installed", "--quiet", "--no-cache-dir", "--index-url", indexUrl, "--report", report, ...c.requirements], {
    maxBuffer: 64 << 20,
  }).catch(() => undefined);
  const ms = performance.now() - started;
  let pins = new Map<string, string>();
  try {
    const json = JSON.parse(readFileSync(report, "utf8")) as { install: { metadata: { name: string; version: string } }[] };
    pins = new Map(json.install.map((i) => [i.metadata.name.toLowerCase().replace(/[-_.]+/g, "-"), i.metadata.version]));
  } catch {
    // no report: pip found no solution
  }
  return { ms, requests: index.stats().requests, pins };
}

const best = <T extends { ms: number }>(xs: T[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
console.log(`fixture index ${indexUrl}, ${latency} ms per request, Python ${pythonVersion}, best of ${runs}\n`);
console.log(`${"case".padEnd(16)} ${"pkgs".padStart(4)} ${"tangle ms".padStart(9)} ${"pip ms".padStart(8)} ${"faster".padStart(7)} ${"tangle req".padStart(10)} ${"pip req".padStart(8)} ${"minimum".padStart(8)} ${"req/min".padStart(8)}  same pins`);
const speedups: number[] = [];
const requestRatios: number[] = [];
const verdicts: string[] = [];
try {
  for (const c of CASES) {
    const t: Awaited<ReturnType<typeof tangle>>[] = [];
    const p: Awaited<ReturnType<typeof pip>>[] = [];
    for (let i = 0; i < runs; i++) {
      t.push(await tangle(c));
      p.push(await pip(c));
    }
    const tb = best(t);
    const pb = best(p);
    if (tb.pins.size === 0) {
      const v = await tangleVerdict(c);
      if (v !== null) {
        verdicts.push(`${c.id}: no solution; verdict after ${v.ms.toFixed(0)} ms and ${v.requests} requests (pip: ${pb.ms.toFixed(0)} ms, ${pb.requests} requests; ratio ${(v.requests / pb.requests).toFixed(2)}x), ways out done after ${v.totalMs.toFixed(0)} ms and ${v.totalRequests} requests`);
        speedups.push(pb.ms / v.ms);
        continue;
      }
    }
    const minimum = tb.pins.size * 2;
    const same = tb.pins.size === pb.pins.size && [...tb.pins].every(([n, v]) => pb.pins.get(n) === v);
    speedups.push(pb.ms / tb.ms);
    requestRatios.push(tb.requests / minimum);
    console.log(
      `${c.id.padEnd(16)} ${String(tb.pins.size).padStart(4)} ${tb.ms.toFixed(0).padStart(9)} ${pb.ms.toFixed(0).padStart(8)} ${(pb.ms / tb.ms).toFixed(1).padStart(6)}x ${String(tb.requests).padStart(10)} ${String(pb.requests).padStart(8)} ${String(minimum).padStart(8)} ${(tb.requests / minimum).toFixed(2).padStart(7)}x  ${same ? "yes" : "NO"}`,
    );
  }
} finally {
  await index.close();
  rmSync(work, { recursive: true, force: true });
}
for (const line of verdicts) console.log(line);
console.log(`\npip / tangle wall time: worst ${Math.min(...speedups).toFixed(1)}x faster (target >= 5x)`);
console.log(`tangle requests / minimum: worst ${Math.max(...requestRatios).toFixed(2)}x (target <= 1.2x)`);
