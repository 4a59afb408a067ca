// Reads pip's installation report (`pip install --report`, JSON version 1) as it is: what pip would install, requested or not, with edges from each release's Requires-Dist.
import { diagnosticAt } from "../input/location";
import { canonicalizeName } from "../../packaging/names";
import { InvalidRequirement, parseRequirement } from "../../packaging/requirement";
import { lockedFile } from "./locked-file";
import { emptyGraph, lockedPackage, type LockReadResult, type LockedDependency, type LockedPackage } from "./locked-graph";
import { parseLockJson } from "./lock-json";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** `sha256=abc` (pip's archive_info.hash) or the `hashes` table. */
function reportHashes(archive: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(archive.hashes)) for (const [k, v] of Object.entries(archive.hashes)) if (typeof v === "string") out[k] = v;
  if (typeof archive.hash === "string") {
    const [algorithm, digest] = archive.hash.split("=", 2);
    if (algorithm && digest) out[algorithm] = digest;
  }
  return out;
}

export function readPipReport(text: string, file = "report.json"): LockReadResult {
  const parsed = parseLockJson(text, file);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  if (!isObject(data) || !Array.isArray(data.install)) {
    return { ok: false, diagnostics: [diagnosticAt("error", { line: 1, column: 1 }, "not a pip installation report: no \"install\" array", { file })] };
  }
  const graph = emptyGraph("pip-report");
  graph.formatVersion = typeof data.version === "string" ? data.version : null;
  graph.rootsKnown = true;
  const environment = isObject(data.environment) ? data.environment : {};
  if (typeof environment.python_full_version === "string") graph.requiresPython = `==${environment.python_full_version}`;
  const installed = new Map<string, { pkg: LockedPackage; requires: string[]; requested: boolean; requestedExtras: string[] }>();
  data.install.forEach((item, index) => {
    if (!isObject(item) || !isObject(item.metadata)) return;
    const metadata = item.metadata;
    const name = typeof metadata.name === "string" ? metadata.name : null;
    const version = typeof metadata.version === "string" ? metadata.version : null;
    if (!name) {
      graph.diagnostics.push(diagnosticAt("error", { line: 1, column: 1 }, `install[${index}] has no metadata.name and is skipped`, { file }));
      return;
    }
    const pkg = lockedPackage(canonicalizeName(name), name, version, 1);
    pkg.requiresPython = typeof metadata.requires_python === "string" ? metadata.requires_python : null;
    const download = isObject(item.download_info) ? item.download_info : {};
    const url = typeof download.url === "string" ? download.url : "";
    if (isObject(download.dir_info)) pkg.source = { kind: download.dir_info.editable === true ? "editable" : "directory", url };
    else if (isObject(download.vcs_info)) pkg.source = { kind: "vcs", url };
    else if (item.is_direct === true) pkg.source = { kind: "url", url };
    if (url && isObject(download.archive_info)) pkg.files.push(lockedFile({ url, hashes: reportHashes(download.archive_info) }));
    installed.set(pkg.name, { pkg, requires: stringList(metadata.requires_dist), requested: item.requested === true, requestedExtras: stringList(item.requested_extras).map(canonicalizeName) });
    graph.packages.push(pkg);
  });
  for (const { pkg, requires, requested, requestedExtras } of installed.values()) {
    for (const text of requires) {
      let requirement;
      try {
        requirement = parseRequirement(text);
      } catch (error) {
        if (!(error instanceof InvalidRequirement)) throw error;
        graph.diagnostics.push(diagnosticAt("warning", { line: 1, column: 1 }, `${pkg.displayName} ${pkg.version}: Requires-Dist "${text}": ${error.message}`, { file }));
        continue;
      }
      const target = canonicalizeName(requirement.name);
      if (!installed.has(target) || target === pkg.name) continue;
      const edge: LockedDependency = {
        name: target,
        specifier: requirement.specifier.toString(),
        marker: requirement.marker ? requirement.marker.toString() : null,
        extras: requirement.extras.map(canonicalizeName),
        version: null,
      };
      const extras = requirement.marker ? requirement.marker.extraNames() : [];
      if (extras.length === 0) pkg.dependencies.push(edge);
      for (const extra of extras) (pkg.optionalDependencies[extra] ??= []).push(edge);
    }
    if (requested) graph.roots.push({ dependency: { name: pkg.name, specifier: "", marker: null, extras: requestedExtras, version: null }, from: "main" });
  }
  return { ok: true, graph };
}
