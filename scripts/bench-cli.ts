// Benchmark: start-up of the `tangle` command (the built bundle, `tangle --version`) against `python3 -m pip --version`, same run.
// Usage: npx tsx scripts/bench-cli.ts [--runs 15] [--tsx]   (--tsx also times running the TypeScript source through tsx)
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { buildCli, CLI_BUNDLE } from "./build-cli";

const { values } = parseArgs({ options: { runs: { type: "string", default: "15" }, tsx: { type: "boolean", default: false } } });
const runs = Number(values.runs);

/** Wall time of one run of `command args` in ms; throws when it fails. */
function timeOnce(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await buildCli();
const commands: { label: string; command: string; args: string[] }[] = [
  { label: "tangle --version (bundle)", command: process.execPath, args: [CLI_BUNDLE, "--version"] },
  { label: "python3 -m pip --version", command: "python3", args: ["-m", "pip", "--version"] },
];
if (values.tsx) commands.push({ label: "tsx workers/cli-main.ts --version", command: "npx", args: ["tsx", "workers/cli-main.ts", "--version"] });
const times = new Map(commands.map((c) => [c.label, [] as number[]]));
// One warm-up each (file cache), then interleaved runs so machine load hits both alike.
for (const c of commands) timeOnce(c.command, c.args);
for (let i = 0; i < runs; i++) for (const c of commands) times.get(c.label)!.push(timeOnce(c.command, c.args));

const pipMs = median(times.get("python3 -m pip --version")!);
console.log(`${"command".padEnd(32)} ${"median ms".padStart(10)} ${"min ms".padStart(8)} ${"vs pip".padStart(8)}`);
for (const c of commands) {
  const xs = times.get(c.label)!;
  console.log(`${c.label.padEnd(32)} ${median(xs).toFixed(0).padStart(10)} ${Math.min(...xs).toFixed(0).padStart(8)} ${(median(xs) / pipMs).toFixed(2).padStart(7)}x`);
}
const ratio = median(times.get("tangle --version (bundle)")!) / pipMs;
console.log(`\ntangle start-up / pip start-up: ${ratio.toFixed(2)}x (median of ${runs}; target <= 1x)`);
