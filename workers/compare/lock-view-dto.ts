// The worker's `readLock`: a dropped lock (with its project file) read for a target, as the page's plain data.
import type { LockInputDto, LockViewDto, LockViewRequestDto } from "../api-locks";
import { checkLock } from "./lock-check";
import { lockResolution } from "../formats/lock/lock-resolution";
import { readLock } from "../formats/lock/read-lock";

const PROJECT_FILES = ["pyproject.toml", "Pipfile"];

export function lockViewDto(input: LockInputDto, view: LockViewRequestDto, resolvedAt: string): LockViewDto {
  const read = readLock(input.text, { fileName: input.fileName, files: input.files });
  const located = (d: { severity: "error" | "warning" | "info"; message: string; line: number; column: number }) => ({ severity: d.severity, message: d.message, line: d.line, column: d.column });
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics.map(located) };
  const graph = read.graph;
  const shown = lockResolution(graph, { target: view.target, groups: view.groups, extras: view.extras, resolvedAt });
  const project = Object.entries(input.files).find(([name]) => PROJECT_FILES.includes(name.split("/").pop() ?? name));
  const check = project ? checkLock(graph, project[1], project[0]) : null;
  const rootSpecifiers: Record<string, string> = {};
  for (const r of graph.roots) if (r.dependency.specifier && !(r.dependency.name in rootSpecifiers)) rootSpecifiers[r.dependency.name] = r.dependency.specifier;
  return {
    ok: true,
    format: graph.format,
    formatVersion: graph.formatVersion,
    packages: shown.resolution.packages,
    warnings: shown.resolution.warnings,
    diagnostics: shown.resolution.diagnostics,
    environments: shown.environments,
    environment: shown.environment,
    groups: graph.groups,
    extras: graph.extras,
    rootSpecifiers,
    rootsKnown: graph.rootsKnown,
    check: check && {
      missing: check.missing.map((m) => `${m.requirement} (${m.from}, line ${m.line})`),
      outOfRange: check.outOfRange.map((o) => `${o.requirement} (${o.from}, line ${o.line}): locked ${o.locked.join(", ")}`),
      extra: check.extra.map((e) => `${e.name} ${e.version ?? ""}`.trim()),
    },
  };
}
