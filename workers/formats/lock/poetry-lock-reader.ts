// Reads poetry.lock (lock-version 1.x and 2.x) as it is: packages, files, edges with Poetry's constraints as PEP 440 specifiers and markers.
import type { TomlValue } from "smol-toml";
import { diagnosticAt } from "../input/location";
import { poetryConstraintToSpecifier, poetryPythonToMarker } from "../input/poetry-constraint";
import { isArray, isTable } from "../input/toml-document";
import { canonicalizeName } from "../../packaging/names";
import { lockedFile } from "./locked-file";
import { emptyGraph, lockedPackage, type LockReadResult, type LockedDependency, type LockedPackage } from "./locked-graph";
import { parseLockToml, str, strings, table, tableHeaderLines, tables } from "./lock-toml";

function andMarkers(markers: (string | null)[]): string | null {
  const present = markers.filter((m): m is string => m !== null && m.trim() !== "");
  if (present.length === 0) return null;
  if (present.length === 1) return present[0];
  return present.map((m) => `(${m})`).join(" and ");
}

/** One `[package.dependencies]` value: a constraint string, a table, or an array of tables (one per marker). */
function dependencyEntries(name: string, value: TomlValue, problems: string[]): (LockedDependency & { optional: boolean })[] {
  const items = isArray(value) ? value : [value];
  const out: (LockedDependency & { optional: boolean })[] = [];
  for (const item of items) {
    let constraint: string;
    let marker: string | null = null;
    let extras: string[] = [];
    let optional = false;
    if (typeof item === "string") constraint = item;
    else if (isTable(item)) {
      constraint = str(item.version) ?? "*";
      marker = str(item.markers);
      const python = str(item.python);
      if (python) {
        const m = poetryPythonToMarker(python);
        if (m.ok) marker = andMarkers([marker, m.marker]);
        else problems.push(`${name}: python "${python}": ${m.message}`);
      }
      extras = strings(item.extras);
      optional = item.optional === true;
    } else continue;
    const spec = poetryConstraintToSpecifier(constraint);
    if (!spec.ok) problems.push(`${name}: version "${constraint}": ${spec.message}`);
    out.push({ name: canonicalizeName(name), specifier: spec.ok ? spec.specifier : "", marker, extras, version: null, optional });
  }
  return out;
}

/** Poetry 2 writes `markers` as one string, or per group: `{main = "...", dev = "..."}`. */
function packageMarker(value: TomlValue | undefined): string | null {
  if (typeof value === "string") return value;
  const byGroup = table(value);
  if (!byGroup) return null;
  const distinct = [...new Set(Object.values(byGroup).filter((m): m is string => typeof m === "string"))];
  if (distinct.length === 0) return null;
  return distinct.length === 1 ? distinct[0] : distinct.map((m) => `(${m})`).join(" or ");
}

/** A requirement string of `[package.extras]`, written `name (>=1.0)` or `name>=1.0`: only the name is needed. */
function extraRequirementName(text: string): string | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(text);
  return match ? canonicalizeName(match[1]) : null;
}

export function readPoetryLock(text: string, file = "poetry.lock"): LockReadResult {
  const parsed = parseLockToml(text, file);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const graph = emptyGraph("poetry.lock");
  const metadata = table(data.metadata) ?? {};
  graph.formatVersion = str(metadata["lock-version"]);
  graph.requiresPython = str(metadata["python-versions"]);
  if (!isArray(data.package)) {
    graph.diagnostics.push(diagnosticAt("error", { line: 1, column: 1 }, "no [[package]] entries: is this a poetry.lock?", { file }));
    return { ok: true, graph };
  }
  const lines = tableHeaderLines(text, "package");
  const legacyFiles = table(metadata.files) ?? {};
  const groups = new Set<string>();
  data.package.forEach((entry, index) => {
    const line = lines[index] ?? 1;
    if (!isTable(entry)) return;
    const name = str(entry.name);
    const version = str(entry.version);
    if (!name || !version) {
      graph.diagnostics.push(diagnosticAt("error", { line, column: 1 }, "a [[package]] entry without a name or version is skipped", { file }));
      return;
    }
    const pkg: LockedPackage = lockedPackage(canonicalizeName(name), name, version, line);
    pkg.requiresPython = str(entry["python-versions"]);
    if (pkg.requiresPython === "*") pkg.requiresPython = null;
    pkg.marker = packageMarker(entry.markers);
    pkg.groups = isArray(entry.groups) ? strings(entry.groups) : str(entry.category) ? [str(entry.category) as string] : [];
    for (const g of pkg.groups) groups.add(g);
    const source = table(entry.source);
    const sourceType = source ? str(source.type) : null;
    const sourceUrl = source ? (str(source.url) ?? "") : "";
    if (sourceType === "git") pkg.source = { kind: "vcs", url: `git+${sourceUrl}${source && str(source.resolved_reference) ? `@${str(source.resolved_reference)}` : ""}` };
    else if (sourceType === "directory") pkg.source = { kind: entry.develop === true ? "editable" : "directory", url: sourceUrl };
    else if (sourceType === "file") pkg.source = { kind: "path", url: sourceUrl };
    else if (sourceType === "url") pkg.source = { kind: "url", url: sourceUrl };
    else if (sourceType === "legacy") pkg.source = { kind: "registry", url: sourceUrl };
    const files = isArray(entry.files) ? entry.files : (legacyFiles[name] ?? legacyFiles[pkg.name]);
    for (const f of tables(files)) {
      const hash = str(f.hash);
      pkg.files.push(lockedFile({ filename: str(f.file), url: str(f.url), hashes: hash ? [hash] : [] }));
    }
    const problems: string[] = [];
    const optional: (LockedDependency & { optional: boolean })[] = [];
    for (const [depName, value] of Object.entries(table(entry.dependencies) ?? {})) {
      for (const dep of dependencyEntries(depName, value, problems)) {
        const { optional: isOptional, ...edge } = dep;
        if (isOptional) optional.push(dep);
        else pkg.dependencies.push(edge);
      }
    }
    for (const [extra, requirements] of Object.entries(table(entry.extras) ?? {})) {
      const names = new Set(strings(requirements).map(extraRequirementName));
      const edges = optional.filter((d) => names.has(d.name)).map(({ optional: _o, ...edge }) => edge);
      if (edges.length > 0) pkg.optionalDependencies[canonicalizeName(extra)] = edges;
    }
    for (const p of problems) graph.diagnostics.push(diagnosticAt("warning", { line, column: 1 }, `${name} ${version}: ${p}`, { file }));
    graph.packages.push(pkg);
  });
  graph.groups = [...groups].sort();
  return { ok: true, graph };
}
