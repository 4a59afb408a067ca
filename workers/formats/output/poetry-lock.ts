// poetry.lock (lock-version 2.1, Poetry 2's format) for the resolved target: packages with files, groups and edges, and the project's content-hash.
import type { DependencyEdgeDto, DistributionFileDto, ResolvedPackageDto, ResolveRequest } from "../../api";
import { canonicalizeName } from "../../packaging/names";
import { exportProject, markerExtras } from "./export-project";
import { poetryContentHash } from "./poetry-content-hash";
import { headerLines } from "./request-description";
import type { ResolvedResolution } from "./resolved-resolution";
import { skippedComments } from "./skipped-comments";
import { tomlKey, tomlString } from "./toml-values";

export const POETRY_LOCK_VERSION = "2.1";

/** Poetry's inline tables: `{key = value, ...}` without inner padding, values already rendered. */
function inline(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `${tomlKey(k)} = ${v}`).join(", ")}}`;
}

const stringArray = (values: readonly string[]) => `[${values.map(tomlString).join(", ")}]`;

/** `hash = "sha256:..."` as Poetry records it: sha256 when the index gave it, else nothing (Poetry records sha256 only). */
function fileHash(file: DistributionFileDto): string | null {
  const entry = Object.entries(file.hashes).find(([algorithm, digest]) => algorithm.toLowerCase() === "sha256" && /^[0-9a-f]{64}$/i.test(digest));
  return entry ? `sha256:${entry[1].toLowerCase()}` : null;
}

/** A PEP 440 specifier as a Poetry constraint: Poetry reads PEP 440 as is; "any version" is "*". */
function constraint(specifier: string): string {
  return specifier.trim() === "" ? "*" : specifier;
}

/** Which of Poetry's groups pull a package in: walked from the direct requirements through the resolution's edges. */
function packageGroups(resolution: ResolvedResolution, requirements: { name: string; source: { kind: string; name?: string } }[]): Map<string, { groups: Set<string>; onlyExtras: boolean }> {
  const byName = new Map(resolution.packages.map((p) => [p.name, p]));
  const out = new Map<string, { groups: Set<string>; onlyExtras: boolean }>();
  const walk = (start: string, group: string, viaExtra: boolean) => {
    const queue = [start];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (seen.has(name) || !byName.has(name)) continue;
      seen.add(name);
      const info = out.get(name) ?? { groups: new Set<string>(), onlyExtras: true };
      info.groups.add(group);
      if (!viaExtra) info.onlyExtras = false;
      out.set(name, info);
      for (const edge of byName.get(name)?.dependencies ?? []) queue.push(edge.name);
    }
  };
  for (const r of requirements) {
    const name = canonicalizeName(r.name);
    if (r.source.kind === "group" && r.source.name) walk(name, canonicalizeName(r.source.name), false);
    else walk(name, "main", r.source.kind === "extra");
  }
  // Packages no requirement reaches (a resolution without its input at hand) belong to main.
  for (const p of resolution.packages) if (!out.has(p.name)) out.set(p.name, { groups: new Set(["main"]), onlyExtras: false });
  return out;
}

function dependencyValue(edge: DependencyEdgeDto, optional: boolean): string {
  if (!optional && edge.marker === null && edge.extras.length === 0) return tomlString(constraint(edge.specifier));
  const entries: [string, string][] = [["version", tomlString(constraint(edge.specifier))]];
  if (edge.extras.length > 0) entries.push(["extras", stringArray([...edge.extras].sort())]);
  if (optional) entries.push(["optional", "true"]);
  if (edge.marker !== null) entries.push(["markers", tomlString(edge.marker)]);
  return inline(entries);
}

function packageLines(pkg: ResolvedPackageDto, groups: string[], optional: boolean): string[] {
  const lines = [
    "[[package]]",
    `name = ${tomlString(pkg.name)}`,
    `version = ${tomlString(pkg.version)}`,
    'description = ""',
    `optional = ${optional ? "true" : "false"}`,
    `python-versions = ${tomlString(pkg.requiresPython !== null && pkg.requiresPython.trim() !== "" ? pkg.requiresPython.trim() : "*")}`,
    `groups = ${stringArray(groups)}`,
  ];
  const files = pkg.files
    .map((file) => ({ file: file.filename, hash: fileHash(file) }))
    .filter((f): f is { file: string; hash: string } => f.hash !== null)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (files.length === 0) lines.push("files = []");
  else lines.push("files = [", ...files.map((f) => `    ${inline([["file", tomlString(f.file)], ["hash", tomlString(f.hash)]])},`), "]");

  const active = new Set(pkg.extras.map(canonicalizeName));
  const byDependency = new Map<string, string[]>();
  const extras = new Map<string, string[]>();
  for (const edge of [...pkg.dependencies].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (edge.name === pkg.name) continue;
    const named = markerExtras(edge.marker).filter((e) => active.has(e));
    const value = dependencyValue(edge, named.length > 0);
    const list = byDependency.get(edge.name) ?? [];
    if (!list.includes(value)) list.push(value);
    byDependency.set(edge.name, list);
    for (const extra of named) extras.set(extra, [...(extras.get(extra) ?? []), `${edge.name}${edge.specifier ? ` (${edge.specifier})` : ""}`]);
  }
  if (byDependency.size > 0) {
    lines.push("", "[package.dependencies]");
    for (const [name, values] of byDependency) lines.push(`${tomlKey(name)} = ${values.length === 1 ? values[0] : `[${values.join(", ")}]`}`);
  }
  if (extras.size > 0) {
    lines.push("", "[package.extras]");
    for (const extra of [...extras.keys()].sort()) lines.push(`${tomlKey(extra)} = ${stringArray([...new Set(extras.get(extra))].sort())}`);
  }
  return lines;
}

/**
 * The whole file. `content-hash` is Poetry 2's hash of the input when it is a pyproject.toml (so `poetry install`
 * takes the lock as fresh); for any other input it is left empty and a comment says why (Poetry then asks to re-lock).
 */
export function formatPoetryLock(resolution: ResolvedResolution, request: ResolveRequest): string {
  const project = exportProject(request);
  const lines = headerLines(request, resolution.resolvedAt, "poetry-lock");
  // Requirements skipped for the target (their marker is false) stay visible as comments under the header.
  const skipped = skippedComments(resolution);
  if (skipped.length > 0) lines.push(...skipped, "#");
  const groups = packageGroups(resolution, project.requirements);
  const sorted = [...resolution.packages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const pkg of sorted) {
    const info = groups.get(pkg.name) ?? { groups: new Set(["main"]), onlyExtras: false };
    lines.push("", ...packageLines(pkg, [...info.groups].sort(), info.onlyExtras));
  }
  const rootExtras = new Map<string, string[]>();
  for (const r of project.requirements) {
    if (r.source.kind !== "extra") continue;
    const extra = canonicalizeName(r.source.name);
    rootExtras.set(extra, [...new Set([...(rootExtras.get(extra) ?? []), r.name])].sort());
  }
  if (rootExtras.size > 0) {
    lines.push("", "[extras]");
    for (const extra of [...rootExtras.keys()].sort()) lines.push(`${tomlKey(extra)} = ${stringArray(rootExtras.get(extra) ?? [])}`);
  }
  const hash = project.pyproject === null ? null : poetryContentHash(project.pyproject);
  lines.push("", "[metadata]", `lock-version = ${tomlString(POETRY_LOCK_VERSION)}`, `python-versions = ${tomlString(project.requiresPython ?? "*")}`);
  if (hash === null) lines.push("# The input is not a pyproject.toml: there is no content-hash for Poetry to check.");
  lines.push(`content-hash = ${tomlString(hash ?? "")}`);
  return `${lines.join("\n")}\n`;
}
