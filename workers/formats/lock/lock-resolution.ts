// A lock as the resolver's plain-data Resolution for one target (or every environment): packages reachable from the project's requirements, edges with their specifier and marker.
import type { DependencyEdgeDto, InputDiagnosticDto, ResolvedPackageDto, TargetDto } from "../../api";
import { markerEnvironment, parseTargetEnvironment } from "../../packaging/environment";
import { evaluateMarker, type MarkerEnvironment } from "../../packaging/markers";
import { tryParseVersion } from "../../packaging/version";
import type { ResolvedResolution } from "../output/resolved-resolution";
import type { LockedDependency, LockedGraph, LockedPackage, LockedRoot } from "./locked-graph";

/** Shown as a dependent for the project's own requirements (as the resolver does). */
const ROOT = "<root>";

export interface LockViewOptions {
  /** The environment to view; null shows every environment at once (markers are not evaluated). */
  target: TargetDto | null;
  /** Dependency groups to include besides the main requirements; null: every group. */
  groups?: string[] | null;
  /** The project's extras to include; null: every extra. */
  extras?: string[] | null;
  /** The time to stamp the result with (the lock's reading time; kept out of this pure module). */
  resolvedAt: string;
}

export interface LockView {
  resolution: ResolvedResolution;
  /** The lock's environments (forks) and, for the target, the one it falls in (null when none or no target). */
  environments: string[];
  environment: string | null;
}

/** A marker holds in `env` (with `extra` set); markers that cannot be evaluated count as holding, so nothing is hidden. */
function holds(marker: string | null, env: MarkerEnvironment | null, extra = ""): boolean {
  if (marker === null || env === null) return true;
  try {
    return evaluateMarker(marker, { ...env, extra });
  } catch {
    return true;
  }
}

function isMain(from: string): boolean {
  return from === "main" || from === "group:main" || from === "group:default";
}

function lockEnvironment(graph: LockedGraph, target: TargetDto | null, groups: string[] | null, extras: string[] | null): MarkerEnvironment | null {
  if (target === null) return null;
  const parsed = parseTargetEnvironment(target);
  if (!parsed.ok) return null;
  const env = markerEnvironment(parsed.target);
  // PEP 751's set-valued variables (lock-file context): the selected groups and extras, space-separated.
  const selectedGroups = groups === null ? graph.groups : groups;
  return { ...env, dependency_groups: ` ${["default", ...selectedGroups].join(" ")} `, extras: ` ${(extras === null ? graph.extras : extras).join(" ")} ` };
}

function edgeDto(dep: LockedDependency): DependencyEdgeDto {
  return { name: dep.name, specifier: dep.specifier, marker: dep.marker, extras: [...dep.extras] };
}

/** Reads a lock for one target: what would be installed there, and who requires what. */
export function lockResolution(graph: LockedGraph, options: LockViewOptions): LockView {
  const groups = options.groups === undefined ? null : options.groups;
  const extras = options.extras === undefined ? null : options.extras;
  const env = lockEnvironment(graph, options.target, groups, extras);
  const warnings: string[] = [];
  const applies = (pkg: LockedPackage) => holds(pkg.marker, env) && (pkg.forks.length === 0 || env === null || pkg.forks.some((f) => holds(f, env)));
  const rootSelected = (root: LockedRoot) => {
    if (isMain(root.from)) return true;
    const [kind, name] = root.from.split(":", 2);
    if (kind === "group") return groups === null || groups.includes(name);
    if (kind === "extra") return extras === null || extras.includes(name);
    return true;
  };
  const packageSelected = (pkg: LockedPackage) => pkg.groups.length === 0 || groups === null || pkg.groups.some((g) => g === "main" || g === "default" || groups.includes(g));

  const chosen = new Map<string, { pkg: LockedPackage; extras: Set<string> }>();
  const edges = new Map<string, DependencyEdgeDto[]>();
  const addEdge = (from: string, dep: LockedDependency) => {
    const list = edges.get(from) ?? [];
    if (!list.some((e) => e.name === dep.name && e.specifier === dep.specifier && e.marker === dep.marker)) list.push(edgeDto(dep));
    edges.set(from, list);
  };
  const entryFor = (dep: LockedDependency): LockedPackage | undefined => {
    const named = graph.packages.filter((p) => p.name === dep.name && (dep.version === null || p.version === dep.version));
    return named.find(applies) ?? (dep.version !== null ? named[0] : undefined);
  };
  const outgoing = (pkg: LockedPackage, active: Iterable<string>): { dep: LockedDependency; extra: string }[] => {
    const out = pkg.dependencies.map((dep) => ({ dep, extra: "" }));
    for (const extra of active) for (const dep of pkg.optionalDependencies[extra] ?? []) out.push({ dep, extra });
    return out;
  };

  const walk = graph.edges === "declared" && graph.rootsKnown;
  if (walk) {
    const queue: { pkg: LockedPackage; extras: string[] }[] = [];
    const visit = (from: string, dep: LockedDependency, extra: string) => {
      if (!holds(dep.marker, env, extra)) return;
      const entry = entryFor(dep);
      if (!entry) return;
      const seen = chosen.get(entry.name);
      if (seen && seen.pkg !== entry) {
        warnings.push(`${entry.displayName} is locked at ${seen.pkg.version} and ${entry.version} for different environments; showing ${seen.pkg.version} (pick a target to see one environment)`);
        addEdge(from, dep);
        return;
      }
      addEdge(from, dep);
      const fresh = dep.extras.filter((e) => !seen?.extras.has(e));
      if (!seen) chosen.set(entry.name, { pkg: entry, extras: new Set(dep.extras) });
      else for (const e of fresh) seen.extras.add(e);
      if (!seen) queue.push({ pkg: entry, extras: ["", ...dep.extras] });
      else if (fresh.length > 0) queue.push({ pkg: entry, extras: fresh });
    };
    for (const root of graph.roots) if (rootSelected(root)) visit(ROOT, root.dependency, "");
    while (queue.length > 0) {
      const { pkg, extras: active } = queue.shift() as { pkg: LockedPackage; extras: string[] };
      const deps = active.includes("") ? outgoing(pkg, active.filter((e) => e !== "")) : outgoing(pkg, active).filter((d) => d.extra !== "");
      for (const { dep, extra } of deps) visit(pkg.name, dep, extra);
    }
  } else {
    for (const pkg of graph.packages) {
      if (!applies(pkg) || !packageSelected(pkg)) continue;
      const seen = chosen.get(pkg.name);
      if (seen) {
        if (seen.pkg.version !== pkg.version) warnings.push(`${pkg.displayName} is locked at ${seen.pkg.version} and ${pkg.version}; showing ${seen.pkg.version}`);
        continue;
      }
      chosen.set(pkg.name, { pkg, extras: new Set() });
    }
    for (const root of graph.roots) {
      if (rootSelected(root) && chosen.has(root.dependency.name) && holds(root.dependency.marker, env)) addEdge(ROOT, root.dependency);
    }
    for (const { pkg, extras: active } of chosen.values()) {
      for (const { dep, extra } of outgoing(pkg, active)) if (chosen.has(dep.name) && dep.name !== pkg.name && holds(dep.marker, env, extra)) addEdge(pkg.name, dep);
    }
  }

  const dependents = new Map<string, Set<string>>();
  for (const [from, list] of edges) for (const e of list) (dependents.get(e.name) ?? dependents.set(e.name, new Set()).get(e.name))?.add(from);
  const packages: ResolvedPackageDto[] = [...chosen.values()].map(({ pkg, extras: active }) => ({
    name: pkg.name,
    displayName: pkg.displayName,
    version: pkg.version ?? "",
    extras: [...active].sort(),
    direct: dependents.get(pkg.name)?.has(ROOT) ?? false,
    dependencies: edges.get(pkg.name) ?? [],
    dependents: [...(dependents.get(pkg.name) ?? [])].sort(),
    warnings: pkg.version === null ? [`the lock gives no version for ${pkg.displayName} (${pkg.source.kind} ${pkg.source.kind === "registry" ? "" : pkg.source.url})`.trim()] : [],
    yanked: null,
    prerelease: pkg.version !== null && (tryParseVersion(pkg.version)?.isPrerelease ?? false),
    unknownDependencies: graph.edges === "none",
    requiresPython: pkg.requiresPython,
    index: pkg.source.kind === "registry" ? (pkg.source.url ?? "") : pkg.source.url,
    files: pkg.files.map((f) => ({ ...f, hashes: { ...f.hashes } })),
    rejectedNewer: [],
  }));
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  if (graph.edges === "none") warnings.unshift(`${graph.format} records no dependency edges: the packages are shown without who requires whom`);
  else if (graph.edges === "reverse") warnings.unshift(`${graph.format} records who asked for each package ("# via") but not with which specifier`);
  if (!graph.rootsKnown && graph.edges !== "none") warnings.unshift("the direct requirements are not recorded: they are taken to be the packages nothing else depends on");
  const diagnostics: InputDiagnosticDto[] = graph.diagnostics.map((d) => ({ severity: d.severity, message: d.message, line: d.line, column: d.column }));
  const environment = env === null ? null : (graph.environments.find((e) => holds(e, env)) ?? null);
  return {
    resolution: {
      status: "resolved",
      packages,
      warnings: [...new Set(warnings)],
      diagnostics,
      stats: { wallMs: 0, solveMs: 0, requests: 0, bytes: 0, cacheHits: 0, decisions: 0, conflicts: 0 },
      resolvedAt: options.resolvedAt,
    },
    environments: graph.environments,
    environment,
  };
}
