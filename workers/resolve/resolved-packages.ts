// Turns the solver's solution into the plain-data package list: versions, extras, edges both ways, files, and why newer versions were not taken.
import type { DependencyEdgeDto, ResolvedPackageDto } from "../api";
import { compareVersions, type Version } from "../packaging/version";
import { PYTHON_KEY, ROOT_KEY, parseKey } from "./package-keys";
import type { ParsedDependency } from "./parsed-dependency";
import type { PythonProvider } from "./python-provider";
import { dependenciesFor } from "./release-dependencies";
import type { ResolveOptions } from "./resolve-options";

/** Shown as a dependent for the user's own requirements. */
export const ROOT_DEPENDENT = "<root>";

interface Chosen {
  version: Version;
  extras: Set<string>;
}

function edge(dep: ParsedDependency): DependencyEdgeDto {
  return { name: dep.name, specifier: dep.specifier, marker: dep.marker ? dep.marker.toString() : null, extras: [...dep.extras] };
}

export function resolvedPackages(
  solution: ReadonlyMap<string, Version>,
  provider: PythonProvider,
  options: ResolveOptions,
  rootRequirements: readonly ParsedDependency[],
): ResolvedPackageDto[] {
  const chosen = new Map<string, Chosen>();
  for (const [key, version] of solution) {
    if (key === ROOT_KEY || key === PYTHON_KEY) continue;
    const parsed = parseKey(key);
    if (parsed.kind !== "project" && parsed.kind !== "extra") continue;
    const entry = chosen.get(parsed.name) ?? { version, extras: new Set<string>() };
    if (parsed.kind === "extra") entry.extras.add(parsed.extra);
    else entry.version = version;
    chosen.set(parsed.name, entry);
  }

  // Edges, keeping for each (from, to) the requirement that was declared.
  const edges = new Map<string, ParsedDependency[]>();
  const dependents = new Map<string, Set<string>>();
  const incoming = new Map<string, { from: string; dep: ParsedDependency }[]>();
  const link = (from: string, dep: ParsedDependency) => {
    if (!chosen.has(dep.name) || dep.name === from) return;
    const list = edges.get(from) ?? [];
    if (!list.some((d) => d.text === dep.text)) list.push(dep);
    edges.set(from, list);
    const set = dependents.get(dep.name) ?? new Set<string>();
    set.add(from);
    dependents.set(dep.name, set);
    const into = incoming.get(dep.name) ?? [];
    into.push({ from, dep });
    incoming.set(dep.name, into);
  };
  for (const req of rootRequirements) {
    const name = options.overrides.get(req.name)?.name ?? req.name;
    if (chosen.has(name)) {
      link(ROOT_DEPENDENT, options.overrides.get(req.name) ?? req);
    }
  }
  for (const [name, entry] of chosen) {
    const release = provider.releaseOf(name, entry.version);
    if (!release || release.kind !== "known") continue;
    const declared = dependenciesFor(release.deps, options, null);
    for (const extra of entry.extras) declared.push(...dependenciesFor(release.deps, options, extra));
    for (const dep of declared) link(name, options.overrides.get(dep.name) ?? dep);
  }

  const packages: ResolvedPackageDto[] = [];
  for (const [name, entry] of chosen) {
    const candidate = provider.candidate(name, entry.version);
    const release = provider.releaseOf(name, entry.version);
    const metadataName = release?.kind === "known" && release.metadata.kind === "known" ? release.metadata.name : null;
    const state = provider.projectState(name);
    packages.push({
      name,
      displayName: provider.displayNames.get(name) ?? metadataName ?? name,
      version: entry.version.toString(),
      extras: [...entry.extras].sort(),
      direct: dependents.get(name)?.has(ROOT_DEPENDENT) ?? provider.isDirect(name),
      dependencies: (edges.get(name) ?? []).map(edge),
      dependents: [...(dependents.get(name) ?? [])].sort(),
      warnings: provider.warnings.get(name) ?? [],
      yanked: candidate && candidate.yanked !== false ? candidate.yanked : null,
      prerelease: entry.version.isPrerelease,
      unknownDependencies: provider.unknownDependencies.has(name),
      requiresPython: candidate?.requiresPythonText ?? null,
      index: state?.kind === "found" ? state.listing.indexUrl : "",
      files: (candidate?.files ?? []).map((f) => ({
        filename: f.filename,
        url: f.url,
        hashes: f.hashes,
        size: f.size,
        uploadTime: f.uploadTime,
        kind: f.kind,
        requiresPython: f.requiresPython,
      })),
      rejectedNewer: rejectedNewer(name, entry.version, provider, options, incoming.get(name) ?? []),
    });
  }
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return packages;
}

/** For each version newer than the chosen one, the first reason it was not taken. */
function rejectedNewer(
  name: string,
  version: Version,
  provider: PythonProvider,
  options: ResolveOptions,
  incoming: readonly { from: string; dep: ParsedDependency }[],
): { version: string; reason: string }[] {
  const candidates = provider.candidatesOf(name);
  if (!candidates) return [];
  const out: { version: Version; reason: string }[] = [];
  for (const c of candidates.candidates) {
    if (compareVersions(c.version, version) <= 0) break;
    let reason: string;
    const blocker = incoming.find((i) => !i.dep.range.contains(c.version));
    const constraint = options.constraints.get(name);
    if (blocker) {
      reason = blocker.from === ROOT_DEPENDENT ? `excluded by your requirement ${blocker.dep.text}` : `excluded by ${blocker.from}'s requirement ${blocker.dep.text}`;
    } else if (constraint && !constraint.contains(c.version)) reason = `excluded by a constraint (${constraint.toString()})`;
    else if (c.yanked !== false) reason = `yanked${c.yanked ? `: ${c.yanked}` : ""}`;
    else if (!c.requiresPython.contains(options.python)) reason = `requires Python ${c.requiresPythonText ?? c.requiresPython.toString()}`;
    else if (c.version.isPrerelease && !version.isPrerelease) reason = "a pre-release (not allowed unless asked for)";
    else if (options.preferences?.has(name) && compareVersions(options.preferences.get(name) as Version, version) === 0) reason = "the locked version is kept (upgrade the package to move it)";
    else if (options.resolution === "lowest" || (options.resolution === "lowest-direct" && provider.isDirect(name))) reason = "the resolution strategy takes the lowest version that fits";
    else reason = "conflicts with other requirements of this resolution";
    out.push({ version: c.version, reason });
  }
  for (const r of candidates.rejected) {
    if (compareVersions(r.version, version) > 0) out.push({ version: r.version, reason: r.reason });
  }
  out.sort((a, b) => compareVersions(b.version, a.version));
  return out.map((r) => ({ version: r.version.toString(), reason: r.reason }));
}
