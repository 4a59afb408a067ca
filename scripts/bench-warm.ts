// Benchmark: the whole `tangle resolve` process with a warm cache, one case per snapshot set, against pip 23.2's
// resolvelib with everything in memory (scripts/pip-reference), same run.
// Usage: npx tsx scripts/bench-warm.ts [--runs 5] [--command "node OTHER/dist-cli/tangle.cjs"]
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { buildCli, CLI_BUNDLE } from "./build-cli";
import { startFixtureIndex } from "./fixture-index/server";
import { SNAPSHOT_CASES as CASES } from "./snapshot-cases";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    /** Another `tangle` to measure instead of the bundle, e.g. "node ../old/dist-cli/tangle.cjs" (a baseline). */
    command: { type: "string" },
  },
});
const runs = Number(values.runs);
const [program, ...programArgs] = values.command ? values.command.split(" ") : [process.execPath, CLI_BUNDLE];


interface PipTiming {
  id: string;
  status: string;
  minMs: number;
}



console.error(`pip reference: python3 scripts/pip-reference/resolve_with_pip.py --bench --repeat ${runs}`);
const pipOut = execFileSync("python3", ["scripts/pip-reference/resolve_with_pip.py", "--bench", "--repeat", String(runs), ...CASES.flatMap((c) => ["--case", c.id])], {
  encoding: "utf8",
  maxBuffer: 64 << 20,
  stdio: ["ignore", "pipe", "inherit"],
});
const pip = new Map((JSON.parse(pipOut) as { cases: PipTiming[] }).cases.map((t) => [t.id, t]));

await buildCli();
const index = await startFixtureIndex({ port: 0 });
const work = mkdtempSync(join(tmpdir(), "tangle-bench-warm-"));
const cacheDir = join(work, "cache");

const execFileAsync = promisify(execFile);

/** One whole `tangle resolve` process (spawned asynchronously: the fixture index runs in this process). */
/** GNU time, when installed, also gives the CPU time the process used: a steadier figure than wall time on a busy machine. */
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

async function tangle(c: (typeof CASES)[number]): Promise<{ ms: number; cpuMs: number; stdout: string }> {
  const input = join(work, `${c.id}.txt`);
  writeFileSync(input, `${c.requirements.join("\n")}\n`);
  const args = [...programArgs, "resolve", input, "--index-url", `${index.url}/${c.prefix}/simple`, "--python", "3.8.10", "--cache-dir", cacheDir];
  const started = performance.now();
  const { stdout, stderr } = TIME
    ? await execFileAsync(TIME, ["-f", "cpu %U %S", program, ...args], { encoding: "utf8", maxBuffer: 16 << 20 })
    : await execFileAsync(program, args, { encoding: "utf8", maxBuffer: 16 << 20 });
  const ms = performance.now() - started;
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, stdout };
}

console.log(`\n${"case".padEnd(28)} ${"pkgs".padStart(4)} ${"warm ms".padStart(8)} ${"cpu ms".padStart(7)} ${"cold ms".padStart(8)} ${"resolvelib ms".padStart(13)} ${"ratio".padStart(7)} ${"cpu ratio".padStart(9)}`);
const ratios: number[] = [];
let tangleTotal = 0;
let cpuTotal = 0;
let pipTotal = 0;
try {
  for (const c of CASES) {
    const cold = await tangle(c);
    const packages = cold.stdout.split("\n").filter((l) => /==/.test(l)).length;
    const warm: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await tangle(c);
      warm.push(r.ms);
      cpu.push(r.cpuMs);
    }
    const ms = Math.min(...warm);
    const cpuMs = Math.min(...cpu);
    const ref = pip.get(c.id)?.minMs ?? NaN;
    const ratio = ms / ref;
    ratios.push(ratio);
    tangleTotal += ms;
    cpuTotal += cpuMs;
    pipTotal += ref;
    console.log(
      `${c.id.padEnd(28)} ${String(packages).padStart(4)} ${ms.toFixed(0).padStart(8)} ${cpuMs.toFixed(0).padStart(7)} ${cold.ms.toFixed(0).padStart(8)} ${ref.toFixed(1).padStart(13)} ${ratio.toFixed(2).padStart(6)}x ${(cpuMs / ref).toFixed(2).padStart(8)}x`,
    );
  }
} finally {
  await index.close();
  rmSync(work, { recursive: true, force: true });
}
const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
console.log(`\nCPU time of the whole warm process / resolvelib in memory: total ${(cpuTotal / pipTotal).toFixed(2)}x`);
console.log(`whole warm process / resolvelib in memory: total ${(tangleTotal / pipTotal).toFixed(2)}x, geometric mean ${geomean.toFixed(2)}x, worst ${Math.max(...ratios).toFixed(2)}x (target <= 2x)`);
