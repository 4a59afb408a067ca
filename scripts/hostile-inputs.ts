// Reads each hostile input of issue 12 in its own process and prints time, peak memory and what came back.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseInput } from "../workers/formats/input/parse-input";
import { issue12Inputs } from "../workers/formats/input/test-support/hostile-inputs";

const LIMIT_SECONDS = Number(process.env.HOSTILE_LIMIT_SECONDS ?? 120);

function child(index: number): void {
  const input = issue12Inputs()[index];
  const start = performance.now();
  let outcome: string;
  try {
    const set = parseInput(input.text, input.options);
    const errors = set.diagnostics.filter((d) => d.severity === "error");
    outcome = `${set.requirements.length} requirements, ${errors.length} errors${errors[0] ? `: ${errors[0].message.split("\n")[0].slice(0, 110)}` : ""}`;
  } catch (error) {
    outcome = `THREW ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 80)}` : String(error)}`;
  }
  const seconds = (performance.now() - start) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, rssMb, outcome }));
}

function main(): void {
  const self = fileURLToPath(import.meta.url);
  const inputs = issue12Inputs();
  for (let i = 0; i < inputs.length; i++) {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--stack-size=984", self, String(i)], {
      encoding: "utf8",
      timeout: LIMIT_SECONDS * 1000,
      maxBuffer: 1 << 20,
    });
    let line: string;
    if (run.error || run.status !== 0) {
      const why = run.error ? `${run.error.message}` : `exit ${run.status} ${run.signal ?? ""} ${run.stderr.split("\n").find((l) => /Error/.test(l)) ?? ""}`;
      line = `did not finish (${why.trim().slice(0, 120)})`;
    } else {
      const r = JSON.parse(run.stdout) as { seconds: number; rssMb: number; outcome: string };
      line = `${r.seconds.toFixed(3)} s, peak RSS ${r.rssMb.toFixed(0)} MB — ${r.outcome}`;
    }
    console.log(`${inputs[i].name.padEnd(44)} ${line}`);
  }
}

if (process.argv[2] !== undefined) child(Number(process.argv[2]));
else main();
