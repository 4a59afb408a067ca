// `tangle check LOCK [PROJECT]`: does the lock still satisfy the project file beside it (missing, out of range, extra)?
import { readFileSync, existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { CliIo } from "../cli";
import { checkLock, formatLockCheck } from "../compare/lock-check";
import { detectLockFormat } from "../formats/lock/detect-lock-format";
import { readLock } from "../formats/lock/read-lock";
import { takeOption, takePositionals } from "./take-option";

export const CHECK_USAGE = `Usage: tangle check LOCK [PROJECT] [--format text|json]

Checks that a lock still satisfies its project: every requirement of PROJECT (default: the pyproject.toml or
Pipfile beside LOCK; main, every extra and group) is locked at a version it allows. Lists what is missing,
out of range, and locked but not needed. Exit status: 0 satisfied, 1 not, 2 bad input or usage.`;

const PROJECT_FILES: Record<string, string> = { "poetry.lock": "pyproject.toml", "uv.lock": "pyproject.toml", "Pipfile.lock": "Pipfile", "pylock.toml": "pyproject.toml" };

export function runCheckCommand(argv: string[], io: CliIo): number {
  const args = [...argv];
  if (args.includes("-h") || args.includes("--help")) {
    io.stdout(`${CHECK_USAGE}\n`);
    return 0;
  }
  let format: string;
  try {
    format = takeOption(args, "--format") ?? "text";
  } catch (error) {
    io.stderr(`tangle check: ${(error as Error).message}\n`);
    return 2;
  }
  const files = takePositionals(args);
  if (files.length < 1 || files.length > 2 || args.length > 0 || (format !== "text" && format !== "json")) {
    io.stderr(`tangle check: expected LOCK [PROJECT] and --format text|json\n\n${CHECK_USAGE}\n`);
    return 2;
  }
  const read = (path: string): string | null => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return null;
    }
  };
  const [lockPath] = files;
  const lockText = read(lockPath);
  if (lockText === null) {
    io.stderr(`tangle check: cannot read ${lockPath}\n`);
    return 2;
  }
  const lockFormat = detectLockFormat(lockText, basename(lockPath));
  if (lockFormat === null) {
    io.stderr(`tangle check: ${lockPath} is not a lock file Tangle reads\n`);
    return 2;
  }
  const projectPath = files[1] ?? join(dirname(lockPath), PROJECT_FILES[lockFormat] ?? "pyproject.toml");
  const projectText = existsSync(projectPath) ? read(projectPath) : null;
  if (projectText === null) {
    io.stderr(`tangle check: no project file to check against (looked for ${projectPath}); name it: tangle check ${lockPath} PROJECT\n`);
    return 2;
  }
  const lock = readLock(lockText, { format: lockFormat, fileName: basename(lockPath) });
  if (!lock.ok) {
    io.stderr(`tangle check: ${lock.diagnostics.map((d) => d.message).join("\n")}\n`);
    return 2;
  }
  const check = checkLock(lock.graph, projectText, basename(projectPath));
  io.stdout(format === "json" ? `${JSON.stringify(check, null, 2)}\n` : formatLockCheck(check, lockPath, projectPath));
  return check.satisfied ? 0 : 1;
}
