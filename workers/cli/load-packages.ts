// What `tangle tree` and `tangle diff` draw from a file: a lock read as it is (for the target), or any other input resolved first.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { ResolvedPackageDto, TargetDto } from "../api";
import type { CliIo } from "../cli";
import { parseInput } from "../formats/input/parse-input";
import { detectLockFormat } from "../formats/lock/detect-lock-format";
import type { LockedGraph } from "../formats/lock/locked-graph";
import { lockResolution } from "../formats/lock/lock-resolution";
import { readLock } from "../formats/lock/read-lock";
import type { JsonReport } from "../formats/output/json-report";
import { canonicalizeName } from "../packaging/names";
import { TARGET_OPTIONS, targetOf, UsageError } from "./target-options";

/** `runCli` itself, passed in so this module does not import the command it serves. */
export type CliRunner = (argv: string[], io: CliIo) => Promise<number>;

export interface LoadedPackages {
  /** The file as given. */
  path: string;
  /** "poetry.lock", "uv.lock"... for a lock; "resolution" for an input resolved first. */
  kind: string;
  packages: ResolvedPackageDto[];
  /** Direct requirement -> the specifier the project asked it with. */
  rootSpecifiers: Map<string, string>;
  warnings: string[];
  /** For a lock: the graph as read (with its roots and environments). */
  graph: LockedGraph | null;
  /** For a lock with forks: the one the target falls in. */
  environment: string | null;
}

export type LoadResult = { ok: true; loaded: LoadedPackages } | { ok: false; status: number; message: string };

/** Project files a lock's direct requirements come from, read from beside it when they exist. */
const BESIDE = ["pyproject.toml", "Pipfile"];

function readSafely(path: string, stdin: () => string): string | null {
  if (path === "-") return stdin();
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}


/** The JSON report's packages as package DTOs (the fields a tree and a diff read; the rest left empty). */
function packagesOfReport(report: JsonReport): ResolvedPackageDto[] {
  return report.packages.map((p) => ({
    name: p.name,
    displayName: p.name,
    version: p.version,
    extras: p.extras,
    direct: p.direct,
    dependencies: p.dependencies.map((d) => ({ ...d, extras: [] })),
    dependents: p.dependents,
    warnings: p.warnings,
    yanked: null,
    prerelease: false,
    unknownDependencies: false,
    requiresPython: null,
    index: "",
    files: [],
    rejectedNewer: [],
  }));
}

export async function loadPackages(path: string, resolveArgs: string[], io: CliIo, runCli: CliRunner): Promise<LoadResult> {
  const text = readSafely(path, io.stdin);
  if (text === null) return { ok: false, status: 2, message: `cannot read ${path}: no such file or not readable` };
  const fileName = path === "-" ? undefined : basename(path);
  const lockFormat = detectLockFormat(text, fileName);
  if (lockFormat !== null) {
    const files: Record<string, string> = {};
    if (path !== "-") {
      for (const name of BESIDE) {
        const beside = join(dirname(path), name);
        if (existsSync(beside)) {
          const content = readSafely(beside, io.stdin);
          if (content !== null) files[name] = content;
        }
      }
    }
    const read = readLock(text, { format: lockFormat, fileName: fileName ?? "lock", files });
    if (!read.ok) return { ok: false, status: 2, message: read.diagnostics.map((d) => d.message).join("\n") };
    let target: TargetDto;
    try {
      // The target a lock is viewed for, from the same flags `resolve` takes.
      target = targetOf(parseArgs({ args: resolveArgs, strict: false, allowPositionals: true, options: TARGET_OPTIONS }).values);
    } catch (error) {
      if (error instanceof UsageError) return { ok: false, status: 2, message: error.message };
      throw error;
    }
    const view = lockResolution(read.graph, { target, resolvedAt: new Date().toISOString() });
    const warnings = [...read.graph.diagnostics.filter((d) => d.severity !== "info").map((d) => d.message), ...view.resolution.warnings];
    const rootSpecifiers = new Map<string, string>();
    for (const r of read.graph.roots) if (r.dependency.specifier && !rootSpecifiers.has(r.dependency.name)) rootSpecifiers.set(r.dependency.name, r.dependency.specifier);
    return { ok: true, loaded: { path, kind: lockFormat, packages: view.resolution.packages, rootSpecifiers, warnings, graph: read.graph, environment: view.environment } };
  }
  // Any other input: resolve it with `tangle resolve` itself (same options, same reading of the files it refers to).
  let stdout = "";
  let stderr = "";
  const status = await runCli(["resolve", path, ...resolveArgs, "--format", "json"], { ...io, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  let report: JsonReport;
  try {
    report = JSON.parse(stdout) as JsonReport;
  } catch {
    // The inner `tangle resolve` prefixes its errors; the command that prints this message adds its own prefix.
    return { ok: false, status: status === 0 ? 70 : status, message: withoutCliPrefix(stderr.trim()) || `resolving ${path} gave no report` };
  }
  if (report.status !== "resolved") {
    const why = report.explanation ?? report.error?.message ?? "no resolution";
    return { ok: false, status, message: `${path} does not resolve:\n${why}` };
  }
  const input = parseInput(text, { fileName });
  const rootSpecifiers = new Map<string, string>();
  for (const r of input.requirements) if (r.name && r.specifier && !rootSpecifiers.has(canonicalizeName(r.name))) rootSpecifiers.set(canonicalizeName(r.name), r.specifier);
  return { ok: true, loaded: { path, kind: "resolution", packages: packagesOfReport(report), rootSpecifiers, warnings: report.warnings, graph: null, environment: null } };
}

/** A message of the inner `tangle resolve` without its "tangle: " / "tangle resolve: " line prefixes, so every error printed has one prefix. */
export function withoutCliPrefix(text: string): string {
  return text.replace(/^tangle(?: [a-z]+)?: /gm, "");
}
