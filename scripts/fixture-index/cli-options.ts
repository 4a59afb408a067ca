// Parses the fixture index's command-line flags into server options, with messages saying which flag is wrong.

import type { FixtureIndexOptions } from "./server";

export type CliParse = { ok: true; options: FixtureIndexOptions; help: boolean } | { ok: false; message: string };

export const USAGE = `Usage: npm run index -- [flags]
  --port N            port to listen on (0 = any free port; default 8080)
  --host H            interface to bind (default 127.0.0.1)
  --latency-ms N      delay every index response by N ms
  --fail-rate F       fraction (0..1) of requests answered 500/503/429 (deterministic from --seed)
  --garbage-rate F    fraction (0..1) of requests answered 200 with an invalid body
  --seed S            seed for --fail-rate/--garbage-rate (default 0)
  --retry-after N     Retry-After seconds on 429/503 (default 1)
  --snapshot-dir DIR  recorded snapshots (default scripts/data/snapshots)
  --scenario-dir DIR  scenario JSON files (default scripts/fixture-index/scenarios)
  --help              show this text`;

export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: FixtureIndexOptions = { port: 8080 };
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return { ok: false, message: `${flag}: missing value` };
    const number = (min: number, max: number, integer: boolean): number | string => {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
        return `${flag}: expected ${integer ? "an integer" : "a number"} from ${min} to ${max}, got ${JSON.stringify(value)}`;
      }
      return n;
    };
    let n: number | string = 0;
    switch (flag) {
      case "--port":
        n = number(0, 65535, true);
        if (typeof n === "number") options.port = n;
        break;
      case "--host":
        options.host = value;
        break;
      case "--latency-ms":
        n = number(0, 600_000, false);
        if (typeof n === "number") options.latencyMs = n;
        break;
      case "--fail-rate":
        n = number(0, 1, false);
        if (typeof n === "number") options.failRate = n;
        break;
      case "--garbage-rate":
        n = number(0, 1, false);
        if (typeof n === "number") options.garbageRate = n;
        break;
      case "--retry-after":
        n = number(0, 86_400, true);
        if (typeof n === "number") options.retryAfterSeconds = n;
        break;
      case "--seed":
        options.seed = value;
        break;
      case "--snapshot-dir":
        options.snapshotDir = value;
        break;
      case "--scenario-dir":
        options.scenarioDir = value;
        break;
      default:
        return { ok: false, message: `unknown flag ${JSON.stringify(arg)}\n${USAGE}` };
    }
    if (typeof n === "string") return { ok: false, message: n };
  }
  return { ok: true, options, help };
}
