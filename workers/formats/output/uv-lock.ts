// uv.lock (version 1, revision 3) for the resolved target: the project as a virtual root, every package with its registry, edges, sdist and wheels.
import type { DependencyEdgeDto, DistributionFileDto, ResolvedPackageDto, ResolveRequest } from "../../api";
import { canonicalizeName } from "../../packaging/names";
import type { InputRequirement } from "../../api-input";
import { exportProject, markerExtras, type ExportProject } from "./export-project";
import { lockRequiresPython } from "./pylock-toml";
import { DEFAULT_INDEX_URL, headerLines, redactUrl } from "./request-description";
import type { ResolvedResolution } from "./resolved-resolution";
import { skippedComments } from "./skipped-comments";
import { tomlInlineTable, tomlString, type TomlScalar, raw } from "./toml-values";

export const UV_LOCK_VERSION = 1;
export const UV_LOCK_REVISION = 3;

type Entry = readonly (readonly [string, TomlScalar])[];

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** `registry = "..."` as uv writes it: the index's URL without a trailing slash, credentials redacted. */
function registryUrl(index: string, request: ResolveRequest): string {
  const url = index !== "" ? index : request.indexUrl !== "" ? request.indexUrl : DEFAULT_INDEX_URL;
  return redactUrl(url).replace(/\/+$/, "");
}

/** uv's `hash = "sha256:..."`: the sha256 when the index gave it, else the first algorithm it gave. */
function fileHash(file: DistributionFileDto): string | null {
  const entries = Object.entries(file.hashes).filter(([algorithm, digest]) => /^[a-z0-9_-]+$/i.test(algorithm) && /^[0-9a-f]+$/i.test(digest));
  const chosen = entries.find(([algorithm]) => algorithm.toLowerCase() === "sha256") ?? entries.sort(([a], [b]) => (a < b ? -1 : 1))[0];
  return chosen ? `${chosen[0].toLowerCase()}:${chosen[1].toLowerCase()}` : null;
}

function fileEntry(file: DistributionFileDto): string {
  const entry: [string, TomlScalar][] = [["url", file.url]];
  const hash = fileHash(file);
  if (hash) entry.push(["hash", hash]);
  if (file.size !== null && Number.isSafeInteger(file.size) && file.size >= 0) entry.push(["size", file.size]);
  if (file.uploadTime !== null) entry.push(["upload-time", file.uploadTime]);
  return tomlInlineTable(entry);
}

function edgeEntry(edge: { name: string; extras: string[]; marker: string | null }): string {
  const entry: [string, TomlScalar][] = [["name", edge.name]];
  if (edge.extras.length > 0) entry.push(["extra", raw(`[${[...edge.extras].sort().map(tomlString).join(", ")}]`)]);
  if (edge.marker !== null) entry.push(["marker", edge.marker]);
  return tomlInlineTable(entry);
}

function edgeArray(key: string, edges: readonly { name: string; extras: string[]; marker: string | null }[]): string[] {
  const sorted = [...edges].sort(byName);
  return [`${key} = [`, ...sorted.map((e) => `    ${edgeEntry(e)},`), "]"];
}

/** A package's edges: base ones (marker kept), and per extra of the package those whose marker names it (marker dropped: it held for the target). */
function splitEdges(pkg: ResolvedPackageDto): { base: DependencyEdgeDto[]; optional: Map<string, DependencyEdgeDto[]> } {
  const base: DependencyEdgeDto[] = [];
  const optional = new Map<string, DependencyEdgeDto[]>();
  const seen = new Set<string>();
  for (const edge of pkg.dependencies) {
    if (edge.name === pkg.name) continue;
    const extras = markerExtras(edge.marker);
    if (extras.length === 0) {
      const key = `${edge.name} ${edge.marker ?? ""}`;
      if (!seen.has(key)) base.push(edge);
      seen.add(key);
      continue;
    }
    for (const extra of extras.filter((e) => pkg.extras.map(canonicalizeName).includes(e))) {
      const list = optional.get(extra) ?? [];
      if (!list.some((e) => e.name === edge.name)) list.push({ ...edge, marker: null });
      optional.set(extra, list);
    }
  }
  return { base, optional };
}

function packageLines(pkg: ResolvedPackageDto, request: ResolveRequest): string[] {
  const lines = ["[[package]]", `name = ${tomlString(pkg.name)}`, `version = ${tomlString(pkg.version)}`, `source = ${tomlInlineTable([["registry", registryUrl(pkg.index, request)]])}`];
  const { base, optional } = splitEdges(pkg);
  if (base.length > 0) lines.push(...edgeArray("dependencies", base));
  const sdists = pkg.files.filter((f) => f.kind === "sdist").sort((a, b) => (a.filename < b.filename ? -1 : 1));
  const sdist = sdists.find((f) => f.filename.endsWith(".tar.gz")) ?? sdists[0];
  if (sdist) lines.push(`sdist = ${fileEntry(sdist)}`);
  const wheels = pkg.files.filter((f) => f.kind === "wheel").sort((a, b) => (a.filename < b.filename ? -1 : 1));
  if (wheels.length > 0) lines.push("wheels = [", ...wheels.map((w) => `    ${fileEntry(w)},`), "]");
  if (optional.size > 0) {
    lines.push("", "[package.optional-dependencies]");
    for (const extra of [...optional.keys()].sort()) lines.push(...edgeArray(extra, optional.get(extra) ?? []));
  }
  return lines;
}

/** The project's own entry (editable when it can be built, else virtual): a root whose edges are the requirements that were resolved, and what it declared. */
function projectLines(project: ExportProject, resolved: Set<string>): string[] {
  const requirements = project.requirements;
  const lines = ["[[package]]", `name = ${tomlString(canonicalizeName(project.name))}`];
  if (project.version !== null) lines.push(`version = ${tomlString(project.version)}`);
  lines.push(`source = ${tomlInlineTable([[project.buildable ? "editable" : "virtual", "."]])}`);
  const edge = (r: InputRequirement) => ({ name: canonicalizeName(r.name), extras: r.extras.map(canonicalizeName), marker: r.marker });
  const present = requirements.filter((r) => resolved.has(canonicalizeName(r.name)));
  const main = present.filter((r) => r.source.kind === "main");
  if (main.length > 0) lines.push(...edgeArray("dependencies", main.map(edge)));
  const bySource = (kind: "extra" | "group") => {
    const out = new Map<string, ReturnType<typeof edge>[]>();
    for (const r of present) if (r.source.kind === kind) out.set(canonicalizeName(r.source.name), [...(out.get(canonicalizeName(r.source.name)) ?? []), edge(r)]);
    return out;
  };
  for (const [table, kind] of [["optional-dependencies", "extra"], ["dev-dependencies", "group"]] as const) {
    const groups = bySource(kind);
    if (groups.size === 0) continue;
    lines.push("", `[package.${table}]`);
    for (const key of [...groups.keys()].sort()) lines.push(...edgeArray(key, groups.get(key) ?? []));
  }
  const declared = (r: InputRequirement): Entry => {
    const entry: [string, TomlScalar][] = [["name", canonicalizeName(r.name)]];
    if (r.extras.length > 0) entry.push(["extras", raw(`[${r.extras.map((e) => tomlString(canonicalizeName(e))).join(", ")}]`)]);
    const marker = r.source.kind === "extra" ? [r.marker !== null ? `(${r.marker})` : null, `extra == '${canonicalizeName(r.source.name)}'`].filter(Boolean).join(" and ") : r.marker;
    if (marker) entry.push(["marker", marker]);
    if (r.specifier !== "") entry.push(["specifier", r.specifier]);
    return entry;
  };
  const dist = requirements.filter((r) => r.source.kind !== "group").sort(byName);
  lines.push("", "[package.metadata]", "requires-dist = [", ...dist.map((r) => `    ${tomlInlineTable(declared(r))},`), "]");
  const extras = [...new Set(requirements.flatMap((r) => (r.source.kind === "extra" ? [canonicalizeName(r.source.name)] : [])))].sort();
  if (extras.length > 0) lines.push(`provides-extras = [${extras.map(tomlString).join(", ")}]`);
  const dev = requirements.filter((r) => r.source.kind === "group");
  if (dev.length > 0) {
    lines.push("", "[package.metadata.requires-dev]");
    const names = [...new Set(dev.map((r) => (r.source.kind === "group" ? canonicalizeName(r.source.name) : "")))].sort();
    for (const group of names) {
      const inGroup = dev.filter((r) => r.source.kind === "group" && canonicalizeName(r.source.name) === group).sort(byName);
      lines.push(`${group} = [`, ...inGroup.map((r) => `    ${tomlInlineTable(declared(r))},`), "]");
    }
  }
  return lines;
}

/** The whole file: uv's header keys, then the project and the packages sorted by name (uv's order). */
export function formatUvLock(resolution: ResolvedResolution, request: ResolveRequest): string {
  const project = exportProject(request);
  const lines = headerLines(request, resolution.resolvedAt, "uv-lock");
  // Requirements skipped for the target (their marker is false) stay visible as comments under the header.
  const skipped = skippedComments(resolution);
  if (skipped.length > 0) lines.push(...skipped, "#");
  lines.push(`version = ${UV_LOCK_VERSION}`, `revision = ${UV_LOCK_REVISION}`, `requires-python = ${tomlString(project.requiresPython ?? lockRequiresPython(request))}`);
  const resolved = new Set(resolution.packages.map((p) => p.name));
  const projectName = canonicalizeName(project.name);
  const entries: { name: string; lines: string[] }[] = resolution.packages.filter((p) => p.name !== projectName).map((p) => ({ name: p.name, lines: packageLines(p, request) }));
  entries.push({ name: projectName, lines: projectLines(project, resolved) });
  for (const entry of entries.sort(byName)) lines.push("", ...entry.lines);
  return `${lines.join("\n")}\n`;
}
