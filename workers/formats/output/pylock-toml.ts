// pylock.toml (PEP 751, lock-version 1.0): a lock for the target environment, or for every environment of a universal resolution (packages with markers), every package with its index, wheels and sdist.
import type { DistributionFileDto, ResolvedPackageDto, ResolveRequest } from "../../api";
import { markerEnvironment } from "../../packaging/environment";
import { CREATED_BY, DEFAULT_INDEX_URL, equivalentCommand, headerLines, redactUrl } from "./request-description";
import type { ResolvedResolution } from "./resolved-resolution";
import { skippedComments } from "./skipped-comments";
import { tomlArray, tomlInlineTable, tomlKey, tomlString, tomlUtcDatetime, tomlValue, type TomlScalar } from "./toml-values";

export const PYLOCK_VERSION = "1.0";

/** Algorithms written to `hashes`: sha256 when the index gave it (PEP 751 recommends it), else every one it gave. */
function fileHashes(file: DistributionFileDto): [string, string][] {
  const valid = Object.entries(file.hashes)
    .map(([algorithm, digest]): [string, string] => [algorithm.toLowerCase(), digest.toLowerCase()])
    .filter(([algorithm, digest]) => /^[a-z0-9_-]+$/.test(algorithm) && /^[0-9a-f]+$/.test(digest));
  const sha256 = valid.find(([algorithm]) => algorithm === "sha256");
  if (sha256) return [sha256];
  return valid.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** PEP 508 marker for the target: interpreter, Python version (minor, or exact when a micro is given), OS and CPU. */
export function environmentMarker(request: ResolveRequest): string {
  const env = markerEnvironment(request.target);
  const exactPython = !/^\d+\.\d+$/.test(request.target.pythonVersion);
  const python = exactPython ? `python_full_version == "${env.python_full_version}"` : `python_version == "${env.python_version}"`;
  return [
    `implementation_name == "${env.implementation_name}"`,
    python,
    `sys_platform == "${env.sys_platform}"`,
    `platform_machine == "${env.platform_machine}"`,
  ].join(" and ");
}

/** The lock's `requires-python`: the target's minor version (`==3.8.*`), or its exact version when a micro is given. */
export function lockRequiresPython(request: ResolveRequest): string {
  const env = markerEnvironment(request.target);
  return /^\d+\.\d+$/.test(request.target.pythonVersion) ? `==${env.python_version}.*` : `==${env.python_full_version}`;
}

type Line = string;

function keyValue(key: string, value: TomlScalar): Line {
  return `${tomlKey(key)} = ${tomlValue(value)}`;
}

/** The keys of one `[[packages.wheels]]` or `[packages.sdist]` table, in the order of the spec's example. */
function fileTable(file: DistributionFileDto, hashes: [string, string][]): Line[] {
  const lines = [keyValue("name", file.filename)];
  const uploaded = file.uploadTime === null ? null : tomlUtcDatetime(file.uploadTime);
  if (uploaded) lines.push(keyValue("upload-time", uploaded));
  lines.push(keyValue("url", file.url));
  if (file.size !== null && Number.isSafeInteger(file.size) && file.size >= 0) lines.push(keyValue("size", file.size));
  lines.push(`hashes = ${tomlInlineTable(hashes)}`);
  return lines;
}

const byFilename = (a: DistributionFileDto, b: DistributionFileDto) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0);

/**
 * The `dependencies` of an entry: `{name = ...}` for each required project, and `{name = ..., version = ...}` for each
 * version reached when the lock holds that project at several versions (a universal lock's forks).
 */
function dependencyTables(pkg: ResolvedPackageDto): string[] {
  const tables = new Map<string, string>();
  for (const d of pkg.dependencies) {
    if (d.name === pkg.name) continue;
    for (const target of d.targets ?? [d.name]) {
      const version = target.includes("==") ? target.slice(target.indexOf("==") + 2) : null;
      tables.set(target, tomlInlineTable(version === null ? [["name", d.name]] : [["name", d.name], ["version", version]]));
    }
  }
  return [...tables.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, table]) => table);
}

/** One `[[packages]]` entry, or null when no file of the release has a hash (PEP 751 requires one per file). */
function packageEntry(pkg: ResolvedPackageDto): Line[] | null {
  const hashed = pkg.files.map((file) => ({ file, hashes: fileHashes(file) })).filter((f) => f.hashes.length > 0);
  const wheels = hashed.filter((f) => f.file.kind === "wheel").sort((a, b) => byFilename(a.file, b.file));
  // One sdist per package: prefer .tar.gz (the standard format), then the first by name.
  const sdists = hashed.filter((f) => f.file.kind === "sdist").sort((a, b) => byFilename(a.file, b.file));
  const sdist = sdists.find((f) => f.file.filename.endsWith(".tar.gz")) ?? sdists[0];
  if (wheels.length === 0 && sdist === undefined) return null;

  const lines: Line[] = ["[[packages]]", keyValue("name", pkg.name), keyValue("version", pkg.version)];
  if (pkg.marker !== undefined) lines.push(keyValue("marker", pkg.marker));
  if (pkg.requiresPython !== null && pkg.requiresPython.trim() !== "") lines.push(keyValue("requires-python", pkg.requiresPython.trim()));
  if (pkg.index !== "") lines.push(keyValue("index", redactUrl(pkg.index)));
  const dependencies = dependencyTables(pkg);
  if (dependencies.length > 0) lines.push(`dependencies = [${dependencies.join(", ")}]`);
  if (sdist) lines.push("", "[packages.sdist]", ...fileTable(sdist.file, sdist.hashes));
  for (const wheel of wheels) lines.push("", "[[packages.wheels]]", ...fileTable(wheel.file, wheel.hashes));
  return lines;
}

function toolTable(resolution: ResolvedResolution, request: ResolveRequest): Line[] {
  const resolvedAt = tomlUtcDatetime(resolution.resolvedAt);
  const target = request.target;
  const lines = [
    "[tool.tangle]",
    keyValue("command", equivalentCommand(request, "pylock")),
    keyValue("resolved-at", resolvedAt ?? resolution.resolvedAt),
    resolution.universal
      ? `universal = ${tomlInlineTable([["python", resolution.universal.python], ["platforms", resolution.universal.platforms.join(",")], ["forks", resolution.universal.forks.length]])}`
      : `target = ${tomlInlineTable([["implementation", target.implementation], ["python-version", target.pythonVersion], ["os", target.os], ["arch", target.arch]])}`,
    keyValue("index-url", redactUrl(request.indexUrl === "" ? DEFAULT_INDEX_URL : request.indexUrl)),
  ];
  if (request.extraIndexUrls.length > 0) lines.push(`extra-index-urls = ${tomlArray(request.extraIndexUrls.map(redactUrl))}`);
  lines.push(keyValue("resolution", request.resolution), keyValue("prerelease", request.prerelease));
  if (request.excludeNewer !== null) lines.push(keyValue("exclude-newer", tomlUtcDatetime(request.excludeNewer) ?? request.excludeNewer));
  const direct = resolution.packages.filter((p) => p.direct).map((p) => p.name).sort();
  lines.push(`direct = ${tomlArray(direct)}`);
  return lines;
}

/** The whole file; keys in the spec's order, packages sorted by name, wheels by file name; requirements skipped for the target as comments under the header. */
export function formatPylockToml(resolution: ResolvedResolution, request: ResolveRequest): string {
  const lines: Line[] = headerLines(request, resolution.resolvedAt, "pylock");
  const skipped = skippedComments(resolution);
  if (skipped.length > 0) lines.push(...skipped, "#");
  const sorted = [...resolution.packages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries: Line[][] = [];
  const universal = resolution.universal;
  for (const pkg of sorted) {
    const entry = packageEntry(pkg);
    if (entry) entries.push(entry);
    else lines.push(`# WARNING: ${pkg.name}==${pkg.version} is not locked: the index gave no hash for any of its files.`);
  }
  lines.push(
    keyValue("lock-version", PYLOCK_VERSION),
    universal ? `environments = [${universal.environments.map(tomlString).join(", ")}]` : `environments = [${tomlString(environmentMarker(request))}]`,
    keyValue("requires-python", universal ? universal.python : lockRequiresPython(request)),
    keyValue("created-by", CREATED_BY),
  );
  if (entries.length === 0) lines.push("packages = []");
  for (const entry of entries) lines.push("", ...entry);
  lines.push("", ...toolTable(resolution, request));
  return `${lines.join("\n")}\n`;
}
