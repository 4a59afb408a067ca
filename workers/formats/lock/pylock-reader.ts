// Reads pylock.toml (PEP 751) as it is: packages with their markers, files and sources; edges only where `dependencies` names them.
import type { TomlTable } from "smol-toml";
import { diagnosticAt } from "../input/location";
import { isArray, isTable } from "../input/toml-document";
import { canonicalizeName } from "../../packaging/names";
import { lockedFile } from "./locked-file";
import { emptyGraph, lockedPackage, type LockReadResult, type LockedPackage } from "./locked-graph";
import { integer, parseLockToml, str, strings, table, tableHeaderLines, tables, timestamp } from "./lock-toml";

function file(t: TomlTable, requiresPython: string | null) {
  const hashes = table(t.hashes) ?? {};
  const flat: Record<string, string> = {};
  for (const [algorithm, digest] of Object.entries(hashes)) if (typeof digest === "string") flat[algorithm] = digest;
  return lockedFile({ url: str(t.url) ?? str(t.path), filename: str(t.name), hashes: flat, size: integer(t.size), uploadTime: timestamp(t["upload-time"]), requiresPython });
}

export function readPylock(text: string, fileName = "pylock.toml"): LockReadResult {
  const parsed = parseLockToml(text, fileName);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const graph = emptyGraph("pylock.toml");
  graph.formatVersion = str(data["lock-version"]);
  graph.requiresPython = str(data["requires-python"]);
  graph.environments = strings(data.environments);
  graph.extras = strings(data.extras).map(canonicalizeName);
  graph.groups = strings(data["dependency-groups"]).map(canonicalizeName);
  if (!graph.formatVersion) {
    graph.diagnostics.push(diagnosticAt("warning", { line: 1, column: 1 }, "no lock-version: PEP 751 requires one", { file: fileName }));
  }
  if (!isArray(data.packages)) {
    graph.diagnostics.push(diagnosticAt("error", { line: 1, column: 1 }, "no [[packages]] entries: is this a pylock.toml?", { file: fileName }));
    return { ok: true, graph };
  }
  const lines = tableHeaderLines(text, "packages");
  let anyEdges = false;
  const pending: { pkg: LockedPackage; deps: TomlTable[] }[] = [];
  data.packages.forEach((entry, index) => {
    const line = lines[index] ?? 1;
    if (!isTable(entry)) return;
    const name = str(entry.name);
    if (!name) {
      graph.diagnostics.push(diagnosticAt("error", { line, column: 1 }, "a [[packages]] entry without a name is skipped", { file: fileName }));
      return;
    }
    const pkg = lockedPackage(canonicalizeName(name), name, str(entry.version), line);
    pkg.marker = str(entry.marker);
    pkg.requiresPython = str(entry["requires-python"]);
    const directory = table(entry.directory);
    const vcs = table(entry.vcs);
    const archive = table(entry.archive);
    if (directory) pkg.source = { kind: directory.editable === true ? "editable" : "directory", url: str(directory.path) ?? "." };
    else if (vcs) pkg.source = { kind: "vcs", url: `${str(vcs.type) ?? "git"}+${str(vcs.url) ?? str(vcs.path) ?? ""}${str(vcs["commit-id"]) ? `@${str(vcs["commit-id"])}` : ""}` };
    else if (archive) pkg.source = { kind: "url", url: str(archive.url) ?? str(archive.path) ?? "" };
    else pkg.source = { kind: "registry", url: str(entry.index) };
    const sdist = table(entry.sdist);
    if (sdist) pkg.files.push(file(sdist, pkg.requiresPython));
    for (const w of tables(entry.wheels)) pkg.files.push(file(w, pkg.requiresPython));
    if (archive) pkg.files.push(file(archive, pkg.requiresPython));
    const deps = tables(entry.dependencies);
    if (deps.length > 0) anyEdges = true;
    pending.push({ pkg, deps });
    if (pkg.source.kind === "directory" || pkg.source.kind === "editable") graph.projects.push(pkg);
    else graph.packages.push(pkg);
  });
  // PEP 751 `dependencies` only name (and disambiguate) packages of this file; they carry no specifier.
  for (const { pkg, deps } of pending) {
    for (const d of deps) {
      const name = str(d.name);
      if (name) pkg.dependencies.push({ name: canonicalizeName(name), specifier: "", marker: null, extras: [], version: str(d.version) });
    }
  }
  graph.edges = anyEdges ? "declared" : "none";
  return { ok: true, graph };
}
