// `tangle resolve FILE --locked LOCK [--upgrade-package NAME]... [--upgrade]`: a lock's versions as preferences, and what moved against it.
import type { ResolveRequest, ResolvedPackageDto } from "../api";
import type { CliIo } from "../cli";
import { diffPackages, formatDiffText } from "../compare/package-diff";
import { parseInput } from "../formats/input/parse-input";
import { detectLockFormat } from "../formats/lock/detect-lock-format";
import { canonicalizeName } from "../packaging/names";
import { loadPackages, type CliRunner, type LoadedPackages } from "./load-packages";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

export interface LockedRun {
  lock: LoadedPackages;
  /** Canonical name -> locked version, for every package not asked to be upgraded. */
  preferences: Record<string, string>;
  requested: string[] | "all";
  warnings: string[];
}

export type LockedRunResult = { ok: true; run: LockedRun } | { ok: false; message: string };

/** Reads the lock for the request's target and keeps every version but those the user asked to upgrade. */
export async function prepareLockedRun(lockPath: string, request: ResolveRequest, upgradePackages: string[], upgradeAll: boolean, io: CliIo, runCli: CliRunner): Promise<LockedRunResult> {
  let text: string;
  try {
    text = readFileSync(lockPath, "utf8");
  } catch (error) {
    return { ok: false, message: `cannot read --locked ${lockPath}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}` };
  }
  if (detectLockFormat(text, basename(lockPath)) === null) {
    return { ok: false, message: `--locked ${lockPath} is not a lock file Tangle reads (poetry.lock, uv.lock, Pipfile.lock, pylock.toml, pip-compile or pip freeze output, pip's --report JSON)` };
  }
  const target = request.target;
  const loaded = await loadPackages(lockPath, ["--python", target.pythonVersion, "--platform", target.os, "--arch", target.arch], io, runCli);
  if (!loaded.ok) return { ok: false, message: loaded.message };
  const lock = loaded.loaded;
  const upgrade = new Set(upgradePackages.map(canonicalizeName));
  const warnings: string[] = [];
  for (const name of upgrade) if (!lock.packages.some((p) => p.name === name)) warnings.push(`--upgrade-package ${name}: ${name} is not in ${lockPath}`);
  const preferences: Record<string, string> = {};
  if (!upgradeAll) for (const p of lock.packages) if (!upgrade.has(p.name) && p.version) preferences[p.name] = p.version;
  return { ok: true, run: { lock, preferences, requested: upgradeAll ? "all" : [...upgrade], warnings } };
}

/** The resolution against the lock, for a person: what moved and why. */
export function lockedChangesText(run: LockedRun, packages: ResolvedPackageDto[], request: ResolveRequest): string {
  const input = parseInput(request.input.text, { fileName: request.input.fileName, files: request.input.files });
  const rootSpecifiers = new Map<string, string>();
  for (const r of input.requirements) if (r.name && !rootSpecifiers.has(canonicalizeName(r.name))) rootSpecifiers.set(canonicalizeName(r.name), r.specifier);
  const diff = diffPackages(run.lock, { packages, rootSpecifiers }, { requested: run.requested });
  return `\nChanges against ${run.lock.path}:\n${formatDiffText(diff)}`;
}
