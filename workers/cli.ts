// The `tangle` command: resolves requirements from a terminal over the same modules as the browser worker.
import { setMaxListeners } from "node:events";
import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { version as TANGLE_VERSION } from "../package.json";
import type { PrereleaseMode, ResolutionStrategy, Resolution, ResolveRequest, ResolverPolicy } from "./api";
import { createFsStore } from "./index/fs-store";
import { createIndexClient } from "./index/index-client";
import { abortableSource } from "./resolve/abortable-source";
import { indexOrder } from "./resolve/index-order";
import { resolveRequest } from "./resolve/resolve";
import { DEFAULT_SOLVE_LIMITS, type SolveLimits } from "./resolve/solve-limits";
import { formatJsonReport } from "./formats/output/json-report";
import { parseInput } from "./formats/input/parse-input";
import { projectFiles } from "./cli/project-files";
import { runRead } from "./cli/read-command";
import { EXPORT_FORMAT_IDS, exportFormat, universalRefusal, type ExportFormatId } from "./formats/output/export-formats";
import { runTreeCommand } from "./cli/tree-command";
import { runDiffCommand } from "./cli/diff-command";
import { runCheckCommand } from "./cli/check-command";
import { lockedChangesText, prepareLockedRun } from "./cli/locked-resolve";
import { runAuditCommand } from "./cli/audit-command";
import { oneOf, TARGET_OPTIONS, UsageError } from "./cli/target-options";
import { universalTargetOf } from "./cli/universal-options";

const USAGE = `Usage: tangle resolve [FILE|-] [options]
       tangle read FILE [--extra NAME]... [--group NAME]... [--all-extras] [--all-groups] [--format text|json]
       tangle tree FILE [--invert PKG] [--depth N] [--format text|json]   (tangle tree --help)
       tangle diff OLD NEW [--format text|json]                           (tangle diff --help)
       tangle check LOCK [PROJECT]                                        (tangle check --help)

Resolves Python requirements (requirements.txt, pyproject.toml, setup.cfg, setup.py, Pipfile,
buildout.cfg; "-" or no FILE reads standard input) against a package index, as pip would.

Options:
  --index-url URL          Simple API root (default https://pypi.org/simple)
  --extra-index-url URL    another Simple API root, consulted for projects the ones before lack (repeatable)
  --python X.Y[.Z]         target Python (default 3.13)
  --platform linux|macos|windows   (default linux)
  --arch x86_64|aarch64|arm64      (default x86_64)
  --universal              one resolution for every platform and Python at once (as uv pip compile --universal):
                           --python is then a range (">=3.9"; default the project's requires-python, else >=3.13)
                           and --platform a list (linux,macos,windows; default all three, each on x86_64 and ARM64);
                           packages carry the markers of where they are installed
  -c, --constraint FILE    constraints file (repeatable)
  --override FILE          overrides file (repeatable)
  --resolution highest|lowest|lowest-direct                 (default highest)
  --prerelease if-necessary-or-explicit|allow|disallow      (default if-necessary-or-explicit)
  --policy pip|uv          whose rules choose candidates (default pip). uv: pre-releases only when a requirement of
                           yours names one or a project has nothing else, yanked releases only when you pin them
                           with ==, Requires-Python read by its lower bound, extra indexes before --index-url
  --exclude-newer RFC3339  ignore files uploaded after this time
  --no-cache               neither read nor write the metadata cache
  --refresh                fetch everything again and overwrite the cache
  --cache-dir DIR          metadata cache directory (default $XDG_CACHE_HOME/tangle or ~/.cache/tangle)
  --format FORMAT          text (default): the pins or the explanation, for a person
                           json: the whole resolution as JSON (also when it did not resolve)
                           requirements: requirements.txt as pip-compile writes it (--hash for every file, # via)
                           constraints: constraints.txt (name==version only)
                           pylock: pylock.toml (PEP 751)
                           uv-lock: uv.lock (uv's format, for this target; the project as its root)
                           poetry-lock: poetry.lock (Poetry 2's format; content-hash of a pyproject.toml input)
                           buildout: a buildout [versions] section
                           (the exports other than json need a resolution: when there is
                           none, the explanation or error goes to standard error and nothing is written)
  --output FILE            write the result to FILE instead of standard output
  --max-decisions N        give up after N solver decisions (default 100000)
  --max-seconds S          give up after S seconds of solving (default 300)
  --locked LOCKFILE        keep every version of this lock unless a requirement forbids it (text output ends
                           with what moved against the lock, and why)
  --upgrade-package NAME   with --locked: let NAME move to the best version (repeatable)
  --upgrade                with --locked: let every package move (the diff still says what moved)
  -h, --help               show this help
  --version                print the version

Results go to standard output; explanations, errors and warnings to standard error.
Exit status: 0 resolved, 1 no solution, 2 bad input or usage, 3 index unreachable or broken,
4 gave up (--max-decisions or --max-seconds reached).`;

export const EXIT = { resolved: 0, unsatisfiable: 1, usage: 2, index: 3, tooComplex: 4 } as const;


function positiveNumber(flag: string, value: string | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${flag} must be a positive ${integer ? "whole number" : "number"} (got "${value}")`);
  }
  return n;
}

function readText(path: string, what: string, stdin: () => string): string {
  if (path === "-") return stdin();
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}

export interface CliIo {
  stdin: () => string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** Runs the command; returns the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === "read") return runRead(argv.slice(1), io);
  if (argv[0] === "tree") return runTreeCommand(argv.slice(1), io, runCli);
  if (argv[0] === "diff") return runDiffCommand(argv.slice(1), io, runCli);
  if (argv[0] === "check") return runCheckCommand(argv.slice(1), io);
  if (argv[0] === "audit") return runAuditCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "index-url": { type: "string" },
        "extra-index-url": { type: "string", multiple: true },
        ...TARGET_OPTIONS,
        universal: { type: "boolean" },
        constraint: { type: "string", short: "c", multiple: true },
        override: { type: "string", multiple: true },
        resolution: { type: "string" },
        prerelease: { type: "string" },
        policy: { type: "string" },
        "exclude-newer": { type: "string" },
        "no-cache": { type: "boolean" },
        refresh: { type: "boolean" },
        "cache-dir": { type: "string" },
        format: { type: "string" },
        output: { type: "string" },
        "max-decisions": { type: "string" },
        "max-seconds": { type: "string" },
        locked: { type: "string" },
        "upgrade-package": { type: "string", multiple: true },
        upgrade: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
    });
  } catch (error) {
    io.stderr(`tangle: ${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`tangle ${TANGLE_VERSION}\n`);
    return 0;
  }
  const [command, file, ...extra] = positionals;
  if (command !== "resolve") {
    io.stderr(`tangle: ${command ? `unknown command "${command}"` : "missing command"}; the commands are "resolve" and "read"\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  let request: ResolveRequest;
  let format: "text" | ExportFormatId;
  let limits: SolveLimits;
  try {
    limits = {
      maxDecisions: positiveNumber("max-decisions", values["max-decisions"], DEFAULT_SOLVE_LIMITS.maxDecisions, true),
      maxMs: positiveNumber("max-seconds", values["max-seconds"], DEFAULT_SOLVE_LIMITS.maxMs / 1000, false) * 1000,
    };
    if (extra.length > 0) throw new UsageError(`one input file at most (got ${[file, ...extra].join(", ")})`);
    format = oneOf("format", values.format, ["text", ...EXPORT_FORMAT_IDS], "text");
    const { target, universal } = universalTargetOf(values);
    const written = format === "text" ? undefined : exportFormat(format);
    if (universal && written && !written.universal) throw new UsageError(`--format ${format}: ${universalRefusal(written)}`);
    const inputPath = file ?? "-";
    const text = readText(inputPath, "requirements file", io.stdin);
    const excludeNewer = values["exclude-newer"] ?? null;
    if (excludeNewer !== null && Number.isNaN(Date.parse(excludeNewer))) {
      throw new UsageError(`--exclude-newer must be an RFC 3339 timestamp such as 2024-05-01T00:00:00Z (got "${excludeNewer}")`);
    }
    request = {
      input: { text, fileName: inputPath === "-" ? undefined : basename(inputPath), files: referencedFiles(inputPath, text) },
      target,
      indexUrl: values["index-url"] ?? "https://pypi.org/simple",
      extraIndexUrls: values["extra-index-url"] ?? [],
      resolution: oneOf<ResolutionStrategy>("resolution", values.resolution, ["highest", "lowest", "lowest-direct"], "highest"),
      prerelease: oneOf<PrereleaseMode>("prerelease", values.prerelease, ["if-necessary-or-explicit", "allow", "disallow"], "if-necessary-or-explicit"),
      policy: oneOf<ResolverPolicy>("policy", values.policy, ["pip", "uv"], "pip"),
      excludeNewer,
      constraints: (values.constraint ?? []).map((path) => readText(path, "constraints file", io.stdin)),
      overrides: (values.override ?? []).map((path) => readText(path, "overrides file", io.stdin)),
      unknownDependencies: "assume-none",
      pins: {},
      excluded: [],
      noCache: values["no-cache"] ?? false,
      refresh: values.refresh ?? false,
    };
    if (universal) request.universal = universal;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`tangle: ${error.message}\n`);
    return EXIT.usage;
  }

  const locked = values.locked ? await prepareLockedRun(values.locked, request, values["upgrade-package"] ?? [], values.upgrade ?? false, io, runCli) : null;
  if (locked && !locked.ok) {
    io.stderr(`tangle: ${locked.message}\n`);
    return EXIT.usage;
  }
  if (!locked && (values["upgrade-package"] || values.upgrade)) {
    io.stderr("tangle: --upgrade-package and --upgrade need --locked LOCKFILE\n");
    return EXIT.usage;
  }
  if (locked) {
    request.preferences = locked.run.preferences;
    for (const w of locked.run.warnings) io.stderr(`warning: ${w}\n`);
  }

  const cacheDir = values["cache-dir"] ?? join(io.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "tangle");
  const controller = new AbortController();
  // Every request in flight listens for the one cancel.
  setMaxListeners(0, controller.signal);
  const [firstIndex, ...laterIndexes] = indexOrder(request);
  const client = createIndexClient({
    signal: controller.signal,
    indexUrl: firstIndex,
    extraIndexUrls: laterIndexes,
    store: request.noCache ? undefined : createFsStore(cacheDir),
    noCache: request.noCache,
    refresh: request.refresh,
  });
  // In text and the export formats, what is not a result goes to standard error as it becomes known: the verdict
  // first, then the ways out, searched for while the person is already reading it.
  const streamed = format !== "json";
  let waysOutAnnounced = false;
  const resolution = await resolveRequest(request, {
    source: abortableSource(client, controller.signal),
    signal: controller.signal,
    now: () => performance.now(),
    sourceStats: () => client.stats(),
    limits: { maxDecisions: limits.maxDecisions, maxMs: limits.maxMs },
    onVerdict: streamed ? (verdict) => io.stderr(diagnosticsText(verdict) + verdictText(verdict)) : undefined,
    onWaysOutProgress: streamed
      ? () => {
          if (waysOutAnnounced) return;
          waysOutAnnounced = true;
          io.stderr("\nLooking for ways out (each checked by resolving again)...\n");
        }
      : undefined,
  });
  // Speculative fetches still queued or in flight are no longer needed: stop them (they are counted if started).
  controller.abort();

  if (resolution.status === "unsatisfiable" && streamed) {
    io.stderr(waysOutText(resolution));
    for (const warning of resolution.warnings) io.stderr(`warning: ${warning}\n`);
    io.stderr(skippedText(resolution));
    return exitStatus(resolution);
  }
  if (resolution.status === "error" && streamed) {
    // No result: say why where a person reads it, and write nothing.
    io.stderr(diagnosticsText(resolution) + `error: ${resolution.error.message}\n`);
    return exitStatus(resolution);
  }
  let output: string;
  if (format === "json") output = `${JSON.stringify(formatJsonReport(resolution, request), null, 2)}\n`;
  else if (resolution.status !== "resolved") throw new Error("unreachable: unresolved results were reported above");
  else if (format === "text") output = pinsText(resolution);
  else output = exportFormat(format)!.write(resolution, request);
  if (locked && format === "text" && resolution.status === "resolved") output += lockedChangesText(locked.run, resolution.packages, request);
  if (values.output) {
    try {
      writeFileSync(values.output, output);
    } catch (error) {
      io.stderr(`tangle: cannot write ${values.output}: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
  } else {
    io.stdout(output);
  }
  if (streamed) io.stderr(diagnosticsText(resolution));
  if (streamed) for (const warning of resolution.warnings) io.stderr(`warning: ${warning}\n`);
  if (streamed) io.stderr(skippedText(resolution));
  return exitStatus(resolution);
}

/** The files the input refers to, read from disk beside it; one that cannot be read stops the command (exit 2). */
function referencedFiles(inputPath: string, text: string): Record<string, string> {
  if (inputPath === "-") return {};
  const project = projectFiles(inputPath);
  const { diagnostics } = parseInput(text, { fileName: project.fileName, readFile: project.readFile });
  if (project.unreadable.size > 0) {
    // The errors that name an unreadable file, each located where the file is named.
    const paths = [...project.unreadable.keys()];
    const errors = diagnostics.filter((d) => d.severity === "error" && paths.some((path) => d.message.includes(path)));
    throw new UsageError(errors.map((d) => `${d.file === undefined ? `${inputPath}, ` : ""}${d.message}`).join("\n"));
  }
  return project.read;
}

export function exitStatus(resolution: Resolution): number {
  if (resolution.status === "resolved") return EXIT.resolved;
  if (resolution.status === "unsatisfiable") return EXIT.unsatisfiable;
  if (resolution.error.kind === "too-complex") return EXIT.tooComplex;
  return resolution.error.kind === "input" ? EXIT.usage : EXIT.index;
}

/** Input diagnostics (warnings and errors), one per line. */
function diagnosticsText(resolution: Resolution): string {
  return resolution.diagnostics
    .filter((d) => d.severity !== "info")
    .map((d) => `${d.severity}: ${d.message}\n`)
    .join("");
}

/** The pins, for standard output. */
function pinsText(resolution: Extract<Resolution, { status: "resolved" }>): string {
  const lines: string[] = [];
  for (const p of resolution.packages) {
    const via = p.dependents.map((d) => (d === "<root>" ? "your requirements" : d)).join(", ");
    lines.push(`${p.name}${p.extras.length ? `[${p.extras.join(",")}]` : ""}==${p.version}${p.marker ? ` ; ${p.marker}` : ""}${via ? `    # via ${via}` : ""}`);
  }
  if (resolution.universal) {
    const forks = resolution.universal.forks.length;
    lines.push(`# universal: Python ${resolution.universal.python} on ${resolution.universal.platforms.join(", ")}${forks > 1 ? ` (${forks} forks)` : ""}`);
  }
  lines.push(`# ${resolution.packages.length} packages resolved in ${resolution.stats.wallMs} ms (${resolution.stats.requests} requests)`);
  return `${lines.join("\n")}\n`;
}

/** Why there is no solution, for standard error: the summary, then the steps. */
function verdictText(resolution: Resolution): string {
  if (resolution.status !== "unsatisfiable") return "";
  const summary = (resolution.summary ?? []).map((line) => line.replace(/`/g, ""));
  const lines = ["No solution found:", "", ...summary, ...(summary.length > 0 ? ["", "Why, step by step:"] : []), resolution.explanation];
  return `${lines.join("\n")}\n`;
}

/** Notes on what was left out of the resolution (e.g. requirements skipped), one per line. */
function skippedText(resolution: Resolution): string {
  return resolution.status === "error" ? "" : (resolution.skipped ?? []).map((s) => `note: ${s.note}\n`).join("");
}

/** The ways out found after the verdict, and whether the search stopped early. */
function waysOutText(resolution: Extract<Resolution, { status: "unsatisfiable" }>): string {
  const lines: string[] = [];
  if (resolution.suggestions.length > 0) {
    lines.push("", "Ways out (each checked by resolving again):");
    for (const s of resolution.suggestions) lines.push(`  - ${s.title.replace(/`/g, "")}`);
  } else {
    lines.push("", "No way out found by loosening or removing one requirement or changing the target Python.");
  }
  if (resolution.waysOutIncomplete) lines.push("  (more ways out were not explored: the search has a budget)");
  return `${lines.join("\n")}\n`;
}
