// Does a lock still satisfy its project? The project's requirements against the lock's packages: missing, out of range, extra.
import { parseInput } from "../formats/input/parse-input";
import type { LockedGraph } from "../formats/lock/locked-graph";
import { canonicalizeName } from "../packaging/names";
import { tryParseSpecifierSet } from "../packaging/specifiers";

export interface LockCheck {
  /** Requirements of the project the lock has no package for. */
  missing: { requirement: string; from: string; line: number }[];
  /** Requirements whose locked versions it does not allow. */
  outOfRange: { requirement: string; from: string; line: number; locked: string[] }[];
  /** Locked packages nothing the project requires leads to (through any edge the lock records). */
  extra: { name: string; version: string | null }[];
  /** True when nothing is missing or out of range (extra packages alone do not make a lock wrong). */
  satisfied: boolean;
}

/**
 * Checks every requirement of the project file (main, every extra and group) against the lock. Markers are not
 * evaluated: a requirement for some environment only must still be locked. Extra packages are computed only when
 * the lock records edges.
 */
export function checkLock(graph: LockedGraph, projectText: string, projectFile: string): LockCheck {
  const defined = parseInput(projectText, { fileName: projectFile });
  const set = parseInput(projectText, { fileName: projectFile, extras: defined.extras, groups: defined.groups });
  const byName = new Map<string, typeof graph.packages>();
  for (const p of graph.packages) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const projects = new Set(graph.projects.map((p) => p.name));
  const check: LockCheck = { missing: [], outOfRange: [], extra: [], satisfied: true };
  const required: string[] = [];
  for (const req of set.requirements) {
    if (!req.name) continue;
    const name = canonicalizeName(req.name);
    if (projects.has(name)) continue;
    required.push(name);
    const from = req.source.kind === "main" ? "main" : `${req.source.kind}:${req.source.name}`;
    // Where the lock sorts packages by group (Pipfile.lock's default/develop), a group's requirement is checked against that group.
    const group = req.source.kind === "group" ? canonicalizeName(req.source.name) : "main";
    const all = byName.get(name);
    const inGroup = all?.filter((p) => p.groups.some((g) => g === group || (group === "main" && g === "default")));
    const locked = inGroup && inGroup.length > 0 ? inGroup : all;
    const text = req.pep508 || req.text;
    if (!locked) {
      check.missing.push({ requirement: text, from, line: req.line });
      continue;
    }
    const specifier = req.kind === "index" ? tryParseSpecifierSet(req.specifier) : null;
    if (!specifier) continue;
    // With forks a package may be locked at several versions: each must be allowed (its fork may be selected).
    const outside = locked.filter((p) => p.version !== null && !specifier.contains(p.version, { prereleases: true }));
    if (outside.length > 0) check.outOfRange.push({ requirement: text, from, line: req.line, locked: outside.map((p) => p.version as string) });
  }
  if (graph.edges !== "none") {
    const reached = new Set<string>();
    const queue = [...required, ...graph.roots.map((r) => r.dependency.name), ...graph.projects.flatMap((p) => [...p.dependencies, ...Object.values(p.optionalDependencies).flat()].map((d) => d.name))];
    while (queue.length > 0) {
      const name = queue.pop() as string;
      if (reached.has(name)) continue;
      reached.add(name);
      for (const p of byName.get(name) ?? []) for (const d of [...p.dependencies, ...Object.values(p.optionalDependencies).flat()]) queue.push(d.name);
    }
    for (const p of graph.packages) if (!reached.has(p.name)) check.extra.push({ name: p.name, version: p.version });
  }
  check.satisfied = check.missing.length === 0 && check.outOfRange.length === 0;
  return check;
}

export function formatLockCheck(check: LockCheck, lockFile: string, projectFile: string): string {
  const lines: string[] = [];
  if (check.satisfied) lines.push(`${lockFile} satisfies ${projectFile}.`);
  else lines.push(`${lockFile} does not satisfy ${projectFile}:`);
  for (const m of check.missing) lines.push(`  missing: ${m.requirement} (${m.from}, ${projectFile} line ${m.line}) is not locked`);
  for (const o of check.outOfRange) lines.push(`  out of range: ${o.requirement} (${o.from}, ${projectFile} line ${o.line}) but the lock has ${o.locked.join(", ")}`);
  for (const e of check.extra) lines.push(`  extra: ${e.name} ${e.version ?? ""} is locked but nothing the project requires needs it`.replace("  is", " is"));
  return `${lines.join("\n")}\n`;
}
