// Reads uv.lock as it is: packages with their forks (resolution-markers), edges with markers, extras and groups, and the project's own requirements.
import type { TomlTable, TomlValue } from "smol-toml";
import { diagnosticAt } from "../input/location";
import { isArray, isTable } from "../input/toml-document";
import { canonicalizeName } from "../../packaging/names";
import { lockedFile } from "./locked-file";
import { emptyGraph, lockedPackage, type LockReadResult, type LockedDependency, type LockedPackage, type LockedSource } from "./locked-graph";
import { integer, parseLockToml, str, strings, table, tableHeaderLines, tables, timestamp } from "./lock-toml";

function source(value: TomlValue | undefined): LockedSource {
  const t = table(value);
  if (!t) return { kind: "registry", url: null };
  if (typeof t.registry === "string") return { kind: "registry", url: t.registry };
  for (const kind of ["editable", "virtual", "directory", "path", "url"] as const) {
    if (typeof t[kind] === "string") return { kind, url: t[kind] as string };
  }
  if (typeof t.git === "string") return { kind: "vcs", url: `git+${t.git}` };
  return { kind: "registry", url: null };
}

function edges(value: TomlValue | undefined): LockedDependency[] {
  return tables(value).flatMap((d) => {
    const name = str(d.name);
    if (!name) return [];
    return [{ name: canonicalizeName(name), specifier: "", marker: str(d.marker), extras: strings(d.extra).map(canonicalizeName), version: str(d.version) }];
  });
}

/** `[package.metadata] requires-dist` / `requires-dev`: the specifiers the project wrote, by name (and extra). */
function declaredSpecifiers(metadata: TomlTable | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!metadata) return out;
  const all = [...tables(metadata["requires-dist"]), ...Object.values(table(metadata["requires-dev"]) ?? {}).flatMap((v) => tables(v))];
  for (const r of all) {
    const name = str(r.name);
    const specifier = str(r.specifier);
    if (name && specifier && !out.has(canonicalizeName(name))) out.set(canonicalizeName(name), specifier);
  }
  return out;
}

function file(t: TomlTable) {
  const hash = str(t.hash);
  return lockedFile({ url: str(t.url) ?? str(t.path), hashes: hash ? [hash] : [], size: integer(t.size), uploadTime: timestamp(t["upload-time"]) });
}

const PROJECT_SOURCES = new Set(["editable", "virtual", "directory"]);

export function readUvLock(text: string, fileName = "uv.lock"): LockReadResult {
  const parsed = parseLockToml(text, fileName);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const graph = emptyGraph("uv.lock");
  const version = data.version;
  graph.formatVersion = version === undefined ? null : `${String(version)}${data.revision !== undefined ? `.${String(data.revision)}` : ""}`;
  graph.requiresPython = str(data["requires-python"]);
  graph.environments = strings(data["resolution-markers"]);
  if (!isArray(data.package)) {
    graph.diagnostics.push(diagnosticAt("error", { line: 1, column: 1 }, "no [[package]] entries: is this a uv.lock?", { file: fileName }));
    return { ok: true, graph };
  }
  const lines = tableHeaderLines(text, "package");
  const extras = new Set<string>();
  const groups = new Set<string>();
  data.package.forEach((entry, index) => {
    const line = lines[index] ?? 1;
    if (!isTable(entry)) return;
    const name = str(entry.name);
    if (!name) {
      graph.diagnostics.push(diagnosticAt("error", { line, column: 1 }, "a [[package]] entry without a name is skipped", { file: fileName }));
      return;
    }
    const pkg: LockedPackage = lockedPackage(canonicalizeName(name), name, str(entry.version), line);
    pkg.source = source(entry.source);
    pkg.forks = strings(entry["resolution-markers"]);
    pkg.dependencies = edges(entry.dependencies);
    for (const [extra, list] of Object.entries(table(entry["optional-dependencies"]) ?? {})) pkg.optionalDependencies[canonicalizeName(extra)] = edges(list);
    const sdist = table(entry.sdist);
    if (sdist) pkg.files.push(file(sdist));
    for (const w of tables(entry.wheels)) pkg.files.push(file(w));
    if (!PROJECT_SOURCES.has(pkg.source.kind)) {
      graph.packages.push(pkg);
      return;
    }
    // The project itself (or a workspace member): its requirements are the roots of the graph.
    graph.projects.push(pkg);
    const metadata = table(entry.metadata);
    const specifiers = declaredSpecifiers(metadata);
    const withSpecifier = (d: LockedDependency): LockedDependency => ({ ...d, specifier: d.specifier || (specifiers.get(d.name) ?? "") });
    for (const d of pkg.dependencies) graph.roots.push({ dependency: withSpecifier(d), from: "main" });
    for (const [extra, list] of Object.entries(pkg.optionalDependencies)) {
      extras.add(extra);
      for (const d of list) graph.roots.push({ dependency: withSpecifier(d), from: `extra:${extra}` });
    }
    for (const [group, list] of Object.entries(table(entry["dev-dependencies"]) ?? {})) {
      groups.add(group);
      for (const d of edges(list)) graph.roots.push({ dependency: withSpecifier(d), from: `group:${group}` });
    }
    if (metadata) for (const e of strings(metadata["provides-extras"])) extras.add(canonicalizeName(e));
  });
  // Edges between the project's own members are not requirements on the index: drop them from the roots.
  const projectNames = new Set(graph.projects.map((p) => p.name));
  graph.roots = graph.roots.filter((r) => !projectNames.has(r.dependency.name));
  graph.rootsKnown = graph.projects.length > 0;
  graph.extras = [...extras].sort();
  graph.groups = [...groups].sort();
  return { ok: true, graph };
}
