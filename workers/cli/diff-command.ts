// `tangle diff OLD NEW [--format text|json]`: what changed between two locks, two inputs (resolved first) or one of each, and why.
import type { CliIo } from "../cli";
import { diffJson, diffPackages, formatDiffText } from "../compare/package-diff";
import { loadPackages, type CliRunner } from "./load-packages";
import { takeOption, takePositionals } from "./take-option";

export const DIFF_USAGE = `Usage: tangle diff OLD NEW [--format text|json] [resolve options]

Compares two lock files, two inputs (each resolved first, with the same options as \`tangle resolve\`), or a
lock and an input: added, removed, upgraded and downgraded packages, each with the requirement path that
explains it (the direct requirement that pulls it in, the requirement that moved it). Locks are read for
the target (--python, --platform, --arch).

  --format text    for a person (default)
  --format json    {"added": [{"name", "version", "via": [...]}], "removed": [...], "changed": [{"name", "from", "to", "via": [...]}]}

Exit status: 0 whether or not they differ, 1 when an input does not resolve, 2 bad input or usage, 3 index unreachable.`;

export async function runDiffCommand(argv: string[], io: CliIo, runCli: CliRunner): Promise<number> {
  const args = [...argv];
  if (args.includes("-h") || args.includes("--help")) {
    io.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  let format: string;
  try {
    format = takeOption(args, "--format") ?? "text";
  } catch (error) {
    io.stderr(`tangle diff: ${(error as Error).message}\n`);
    return 2;
  }
  if (format !== "text" && format !== "json") {
    io.stderr(`tangle diff: --format must be text or json (got "${format}")\n`);
    return 2;
  }
  const files = takePositionals(args);
  if (files.length !== 2) {
    io.stderr(`tangle diff: two files to compare, OLD and NEW (got ${files.length})\n\n${DIFF_USAGE}\n`);
    return 2;
  }
  const [before, after] = [await loadPackages(files[0], args, io, runCli), await loadPackages(files[1], args, io, runCli)];
  for (const side of [before, after]) {
    if (!side.ok) {
      io.stderr(`tangle diff: ${side.message}\n`);
      return side.status;
    }
  }
  if (!before.ok || !after.ok) return 2;
  for (const w of [...before.loaded.warnings, ...after.loaded.warnings]) io.stderr(`warning: ${w}\n`);
  const diff = diffPackages(before.loaded, after.loaded);
  io.stdout(format === "json" ? `${JSON.stringify(diffJson(diff), null, 2)}\n` : formatDiffText(diff));
  return 0;
}
