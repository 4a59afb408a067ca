// Reads Pipfile.lock (JSON, pipfile-spec 6) as it is: pinned packages of `default` and `develop` with hashes and markers; it records no edges.
import { diagnosticAt } from "../input/location";
import { canonicalizeName } from "../../packaging/names";
import { lockedFile } from "./locked-file";
import { emptyGraph, lockedPackage, type LockReadResult } from "./locked-graph";
import { jsonLine, parseLockJson } from "./lock-json";

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Pipfile.lock sections and the group names pipenv's pylock.toml gives them. */
const SECTIONS = [
  ["default", "default"],
  ["develop", "dev"],
] as const;

export function readPipfileLock(text: string, file = "Pipfile.lock"): LockReadResult {
  const parsed = parseLockJson(text, file);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const graph = emptyGraph("Pipfile.lock");
  graph.edges = "none";
  if (!isObject(data) || !isObject(data._meta)) {
    return { ok: false, diagnostics: [diagnosticAt("error", { line: 1, column: 1 }, "not a Pipfile.lock: no \"_meta\" object", { file })] };
  }
  const meta = data._meta;
  graph.formatVersion = typeof meta["pipfile-spec"] === "number" ? String(meta["pipfile-spec"]) : null;
  const requires = isObject(meta.requires) ? meta.requires : {};
  const python = requires.python_full_version ?? requires.python_version;
  graph.requiresPython = typeof python === "string" ? `==${python}.*`.replace(/(\d+\.\d+\.\d+)\.\*$/, "$1") : null;
  const indexes = new Map<string, string>();
  if (Array.isArray(meta.sources)) {
    for (const s of meta.sources) if (isObject(s) && typeof s.name === "string" && typeof s.url === "string") indexes.set(s.name, s.url);
  }
  for (const [section, group] of SECTIONS) {
    const entries = data[section];
    if (!isObject(entries)) continue;
    graph.groups.push(group);
    for (const [name, entry] of Object.entries(entries)) {
      if (!isObject(entry)) continue;
      const line = jsonLine(text, section, name);
      const pinned = typeof entry.version === "string" && entry.version.startsWith("==") ? entry.version.slice(2) : null;
      const pkg = lockedPackage(canonicalizeName(name), name, pinned, line);
      pkg.groups = [group];
      pkg.marker = typeof entry.markers === "string" ? entry.markers : null;
      const index = typeof entry.index === "string" ? (indexes.get(entry.index) ?? null) : null;
      if (typeof entry.git === "string") pkg.source = { kind: "vcs", url: `git+${entry.git}${typeof entry.ref === "string" ? `@${entry.ref}` : ""}` };
      else if (typeof entry.path === "string") pkg.source = { kind: entry.editable === true ? "editable" : "path", url: entry.path };
      else if (typeof entry.file === "string") pkg.source = { kind: "url", url: entry.file };
      else pkg.source = { kind: "registry", url: index };
      if (pinned === null && pkg.source.kind === "registry") {
        graph.diagnostics.push(diagnosticAt("warning", { line, column: 1 }, `${name} in "${section}" has no ==version pin`, { file }));
      }
      const hashes = Array.isArray(entry.hashes) ? entry.hashes.filter((h): h is string => typeof h === "string") : [];
      // Pipfile.lock keeps hashes without file names: one file entry per hash.
      for (const h of hashes) pkg.files.push(lockedFile({ filename: "", url: "", hashes: [h] }));
      graph.packages.push(pkg);
    }
  }
  return { ok: true, graph };
}
