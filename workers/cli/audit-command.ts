// `tangle audit FILE`: resolves the input (or reads a lock's pins as they are), lists known vulnerabilities of every release and proves each fix by re-solving.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { Resolution, ResolvedPackageDto, ResolveRequest } from "../api";
import type { AuditReportDto, FixOutcomeDto, ResolutionDiffDto } from "../api-audit";
import { auditPackages, VULNERABILITY_DATA_UNAVAILABLE } from "../audit/audit-packages";
import { fixVulnerability } from "../audit/fix-vulnerability";
import { createReleaseFactsClient } from "../audit/release-facts";
import type { CliIo } from "../cli";
import { createFsStore } from "../index/fs-store";
import { createIndexClient } from "../index/index-client";
import { abortableSource } from "../resolve/abortable-source";
import { resolveRequest } from "../resolve/resolve";
import { detectLockFormat } from "../formats/lock/detect-lock-format";
import type { LockFormat } from "../formats/lock/locked-graph";
import { loadPackages } from "./load-packages";
import { oneOf, TARGET_OPTIONS, targetOf, UsageError } from "./target-options";

export const AUDIT_USAGE = `Usage: tangle audit FILE [options]

Resolves FILE (requirements.txt, pyproject.toml, setup.cfg, setup.py, Pipfile, buildout.cfg; "-" reads
standard input) as "tangle resolve" does, then lists the known vulnerabilities of every resolved release,
as the index's JSON API publishes them (pypi.org: the PyPI advisory database), and for each vulnerable
package the smallest upgrade that fixes it, proven by resolving again with name>=fixed, or the requirement
that blocks it. A lock file (poetry.lock, uv.lock, Pipfile.lock, pylock.toml, pip's --report JSON) is audited
as it is, its pins for the target, without resolving; fixes are then proven against the project file beside
it (pyproject.toml or Pipfile), keeping every other locked version where it can.

Options:
  --index-url URL          Simple API root (default https://pypi.org/simple)
  --extra-index-url URL    another Simple API root (repeatable)
  --python X.Y[.Z]         target Python (default 3.13)
  --platform linux|macos|windows   (default linux)
  --arch x86_64|aarch64|arm64      (default x86_64)
  --format text|json       text (default) for a person; json: {"vulnerabilities": [...], "fixes": [...]}
  --no-fix                 list vulnerabilities only, do not try fixes
  --no-cache               neither read nor write the metadata cache
  --cache-dir DIR          metadata cache directory (default $XDG_CACHE_HOME/tangle or ~/.cache/tangle)
  -h, --help               show this help

Exit status: 0 no known vulnerabilities, 1 vulnerabilities found, 2 bad input or usage (or the input has no
resolution), 3 index unreachable or broken, or it publishes no vulnerability data for some package.`;

const EXIT = { clean: 0, found: 1, usage: 2, index: 3 } as const;

/** Pin lists (pip-compile output, pip freeze) are requirements files too: they are resolved, which gives the same pins and a request to prove fixes with. */
const RESOLVED_AS_INPUT: ReadonlySet<LockFormat> = new Set(["pip-compile", "pip-freeze"]);

/** The project file beside a lock that fixes are proven against, with its text, or null. */
function projectBeside(lockPath: string): { fileName: string; text: string } | null {
  for (const name of ["pyproject.toml", "Pipfile"]) {
    const path = join(dirname(lockPath), name);
    if (!existsSync(path)) continue;
    try {
      return { fileName: name, text: readFileSync(path, "utf8") };
    } catch {
      return null;
    }
  }
  return null;
}


/** The JSON output: pip-audit's question (what is vulnerable) plus what Tangle proves (which upgrade fixes it). */
export interface AuditJson {
  vulnerabilities: { name: string; version: string; id: string; aliases: string[]; fixed_in: string[]; summary: string | null }[];
  fixes: ({ name: string; requirement: string; to: string | null; diff: ResolutionDiffDto } | { name: string; requirement?: string; blocked_by: string; ways_out?: string[] })[];
  /** Packages the index publishes no vulnerability data for: not audited, never "no vulnerabilities". */
  not_audited: { name: string; version: string; reason: string }[];
}

function fixJson(outcome: FixOutcomeDto): AuditJson["fixes"][number] {
  switch (outcome.kind) {
    case "fixed":
      return { name: outcome.name, requirement: outcome.requirement, to: outcome.to, diff: outcome.diff };
    case "blocked":
      return { name: outcome.name, requirement: outcome.requirement, blocked_by: outcome.explanation, ways_out: outcome.waysOut.map((w) => w.title.replace(/`/g, "")) };
    default:
      return { name: outcome.name, blocked_by: outcome.message };
  }
}

function diffText(diff: ResolutionDiffDto): string {
  const parts = [
    ...diff.upgraded.map((c) => `${c.name} ${c.from} -> ${c.to}`),
    ...diff.downgraded.map((c) => `${c.name} ${c.from} -> ${c.to} (down)`),
    ...diff.added.map((c) => `+ ${c.name} ${c.to}`),
    ...diff.removed.map((c) => `- ${c.name} ${c.from}`),
  ];
  return parts.length > 0 ? parts.join(", ") : "no change";
}

function textReport(report: AuditReportDto, fixes: FixOutcomeDto[]): string {
  const rows = report.packages.flatMap((p) => (p.vulnerabilities ?? []).map((v) => [p.name, p.version, v.id, v.fixedIn.join(", ") || "-", v.aliases.join(", ")]));
  const lines: string[] = [];
  if (rows.length === 0) lines.push(report.unavailableCount === 0 ? `No known vulnerabilities found in ${report.packages.length} packages.` : "No known vulnerabilities found in the packages that could be audited.");
  else {
    lines.push(`Found ${rows.length} known vulnerabilit${rows.length === 1 ? "y" : "ies"} in ${report.vulnerableCount} package${report.vulnerableCount === 1 ? "" : "s"}:`, "");
    const table = [["Name", "Version", "ID", "Fix Versions", "Aliases"], ...rows];
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    for (const r of table) lines.push(r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ").trimEnd());
  }
  const missing = report.packages.filter((p) => p.vulnerabilities === null);
  if (missing.length > 0) {
    lines.push("", `Not audited (${missing.length}):`);
    for (const p of missing) lines.push(`  ${p.name} ${p.version}: ${p.error ?? VULNERABILITY_DATA_UNAVAILABLE}`);
  }
  if (fixes.length > 0) {
    lines.push("", "Fixes (each checked by resolving again):");
    for (const f of fixes) {
      if (f.kind === "fixed") lines.push(`  ${f.name}: require ${f.requirement} -> ${diffText(f.diff)}`);
      else if (f.kind === "blocked") {
        lines.push(`  ${f.name}: ${f.requirement} cannot be resolved:`);
        for (const l of f.explanation.split("\n")) lines.push(`      ${l}`);
        if (f.waysOut.length > 0) {
          lines.push("    Ways out:");
          for (const w of f.waysOut) lines.push(`      - ${w.title.replace(/`/g, "")}`);
        }
      } else lines.push(`  ${f.name}: ${f.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function resolutionProblem(resolution: Resolution): string {
  if (resolution.status === "unsatisfiable") return `the input has no resolution, so there is nothing to audit:\n\n${resolution.explanation}\n`;
  if (resolution.status === "error") return `error: ${resolution.error.message}\n`;
  return "";
}

/** Runs `tangle audit ...` (argv without "audit"); returns the exit status. */
export async function runAuditCommand(argv: string[], io: CliIo): Promise<number> {
  let request: ResolveRequest;
  let format: "text" | "json";
  /** Set when FILE is a lock audited as it is. */
  let lockPath: string | null = null;
  let values;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          "index-url": { type: "string" },
          "extra-index-url": { type: "string", multiple: true },
          ...TARGET_OPTIONS,
          format: { type: "string" },
          "no-fix": { type: "boolean" },
          "no-cache": { type: "boolean" },
          "cache-dir": { type: "string" },
          help: { type: "boolean", short: "h" },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    values = parsed.values;
    if (values.help) {
      io.stdout(`${AUDIT_USAGE}\n`);
      return EXIT.clean;
    }
    const [file, ...extra] = parsed.positionals;
    if (file === undefined) throw new UsageError("missing FILE to audit");
    if (extra.length > 0) throw new UsageError(`one input file at most (got ${parsed.positionals.join(", ")})`);
    format = oneOf("format", values.format, ["text", "json"] as const, "text");
    const target = targetOf(values);
    let text: string;
    try {
      text = file === "-" ? io.stdin() : readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
    }
    const lockFormat = detectLockFormat(text, file === "-" ? undefined : basename(file));
    if (lockFormat !== null && !RESOLVED_AS_INPUT.has(lockFormat)) lockPath = file;
    request = {
      input: { text, fileName: file === "-" ? undefined : basename(file) },
      target,
      indexUrl: values["index-url"] ?? "https://pypi.org/simple",
      extraIndexUrls: values["extra-index-url"] ?? [],
      resolution: "highest",
      prerelease: "if-necessary-or-explicit",
      excludeNewer: null,
      constraints: [],
      overrides: [],
      unknownDependencies: "assume-none",
      pins: {},
      excluded: [],
      noCache: values["no-cache"] ?? false,
      refresh: false,
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`tangle audit: ${error.message}\n\n${AUDIT_USAGE}\n`);
    return EXIT.usage;
  }

  const cacheDir = values["cache-dir"] ?? join(io.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "tangle");
  const store = request.noCache ? undefined : createFsStore(cacheDir);
  const client = createIndexClient({ indexUrl: request.indexUrl, extraIndexUrls: request.extraIndexUrls, store, noCache: request.noCache });
  const controller = new AbortController();
  const resolve = (r: ResolveRequest) =>
    resolveRequest(r, { source: abortableSource(client, controller.signal), signal: controller.signal, now: () => performance.now(), sourceStats: () => client.stats() });

  let packages: ResolvedPackageDto[];
  let proveFixes = !values["no-fix"];
  if (lockPath !== null) {
    // A lock: its pins for the target, as they are. The runner is never called: the file is a lock.
    const target = request.target;
    const loaded = await loadPackages(lockPath, ["--python", target.pythonVersion, "--platform", target.os, "--arch", target.arch], io, () => Promise.resolve(EXIT.usage));
    if (!loaded.ok) {
      io.stderr(`tangle audit: ${loaded.message}\n`);
      return EXIT.usage;
    }
    for (const w of loaded.loaded.warnings) io.stderr(`warning: ${w}\n`);
    // Every pin is audited against --index-url (default pypi.org), as pip-audit asks one vulnerability service about every pin.
    packages = loaded.loaded.packages.map((p) => ({ ...p, index: request.indexUrl }));
    const project = lockPath === "-" ? null : projectBeside(lockPath);
    if (project) {
      // Fixes re-solve the project with the locked versions preferred, so each proposal moves as little as it can.
      request = { ...request, input: { text: project.text, fileName: project.fileName }, preferences: Object.fromEntries(packages.map((p) => [p.name, p.version])) };
    } else if (proveFixes) {
      io.stderr(`warning: no pyproject.toml or Pipfile beside ${lockPath}: fixes are not proven (there is no project to resolve again)\n`);
      proveFixes = false;
    }
  } else {
    const resolution = await resolve(request);
    for (const d of resolution.diagnostics) if (d.severity !== "info") io.stderr(`${d.severity}: ${d.message}\n`);
    if (resolution.status !== "resolved") {
      io.stderr(`tangle audit: ${resolutionProblem(resolution)}`);
      return resolution.status === "error" && resolution.error.kind !== "input" ? EXIT.index : EXIT.usage;
    }
    packages = resolution.packages;
  }

  const facts = createReleaseFactsClient({ store, noCache: request.noCache });
  const report = await auditPackages(packages, { facts });
  const fixes: FixOutcomeDto[] = [];
  if (proveFixes) {
    for (const pkg of report.packages) {
      if (!pkg.vulnerabilities || pkg.vulnerabilities.length === 0) continue;
      fixes.push(await fixVulnerability(request, packages, pkg, pkg.vulnerabilities, resolve));
    }
  }

  if (format === "json") {
    const json: AuditJson = {
      vulnerabilities: report.packages.flatMap((p) =>
        (p.vulnerabilities ?? []).map((v) => ({ name: p.name, version: p.version, id: v.id, aliases: v.aliases, fixed_in: v.fixedIn, summary: v.summary })),
      ),
      fixes: fixes.map(fixJson),
      not_audited: report.packages.filter((p) => p.vulnerabilities === null).map((p) => ({ name: p.name, version: p.version, reason: p.error ?? VULNERABILITY_DATA_UNAVAILABLE })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout(textReport(report, fixes));
  }
  if (report.vulnerableCount > 0) return EXIT.found;
  return report.unavailableCount > 0 ? EXIT.index : EXIT.clean;
}
