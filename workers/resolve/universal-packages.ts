// Merges the forks of a universal resolution into one package list: each package with the marker of the environments where it is installed, edges with theirs, a name at several versions keyed by id.
import type { DependencyEdgeDto, ResolvedPackageDto } from "../api";
import type { MarkerSet, MarkerSpace } from "../packaging/marker-space";
import { compareVersions, parseVersion, type Version } from "../packaging/version";
import type { ForkScope } from "./fork-scope";
import { ROOT_KEY, parseKey, projectKey } from "./package-keys";
import type { ParsedDependency } from "./parsed-dependency";
import type { PythonProvider } from "./python-provider";
import { dependenciesFor } from "./release-dependencies";
import { ROOT_DEPENDENT, resolvedPackages } from "./resolved-packages";
import type { ResolveOptions } from "./resolve-options";

/** One solved fork: its solution and what produced it. */
export interface SolvedFork {
  scope: ForkScope;
  solution: ReadonlyMap<string, Version>;
  provider: PythonProvider;
  options: ResolveOptions;
  roots: readonly ParsedDependency[];
}

function edgeKey(e: { name: string; specifier: string; marker: string | null; extras: readonly string[] }): string {
  return `${e.name}\u0000${e.specifier}\u0000${e.marker ?? ""}\u0000${[...e.extras].join(",")}`;
}

interface ForkGraph {
  /** Solver package key (`name`, `name[extra]`) -> where it is reached in the fork. */
  reach: Map<string, MarkerSet>;
  /** Per depending project, per declared edge: where the edge is followed. */
  edges: Map<string, Map<string, MarkerSet>>;
  /** Project name -> where the user's own requirements ask for it in the fork. */
  direct: Map<string, MarkerSet>;
}

/**
 * Where each chosen package is needed inside one fork: the root holds everywhere in the fork; a requirement carries
 * its parent's environments narrowed by its own marker (an extra's requirements where the extra is selected), to a
 * fixed point. A package the fork chose but no environment needs is left out.
 */
function forkGraph(fork: SolvedFork): ForkGraph {
  const { scope, solution, provider, options } = fork;
  const reach = new Map<string, MarkerSet>([[ROOT_KEY, scope.fork]]);
  const edges = new Map<string, Map<string, MarkerSet>>();
  const outgoing = new Map<string, { dep: ParsedDependency; where: MarkerSet }[]>();
  const add = (from: string, dep: ParsedDependency, where: MarkerSet) => outgoing.set(from, [...(outgoing.get(from) ?? []), { dep, where }]);
  const direct = new Map<string, MarkerSet>();
  for (const dep of fork.roots) {
    add(ROOT_KEY, dep, scope.whereSelected(dep, null));
    const name = (options.overrides.get(dep.name) ?? dep).name;
    widen(direct, name, scope.fork.and(scope.whereSelected(dep, null)));
  }
  for (const [key, version] of solution) {
    const parsed = parseKey(key);
    if (parsed.kind !== "project" && parsed.kind !== "extra") continue;
    const release = provider.releaseOf(parsed.name, version);
    if (release?.kind !== "known") continue;
    const extra = parsed.kind === "extra" ? parsed.extra : null;
    for (const dep of dependenciesFor(release.deps, options, extra)) add(key, dep, scope.whereSelected(dep, extra));
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [from, list] of outgoing) {
      const at = reach.get(from);
      if (!at || at.isEmpty()) continue;
      const project = from === ROOT_KEY ? ROOT_DEPENDENT : (parseKey(from) as { name: string }).name;
      if (from !== ROOT_KEY && parseKey(from).kind === "extra") {
        // `name[extra]` stands for `name` with the extra: wherever it is reached, so is `name`.
        changed = widen(reach, project, at) || changed;
      }
      for (const { dep, where } of list) {
        const req = options.overrides.get(dep.name) ?? dep;
        const along = at.and(where);
        if (along.isEmpty()) continue;
        const perEdge = edges.get(project) ?? new Map<string, MarkerSet>();
        const k = edgeKey({ name: req.name, specifier: req.specifier, marker: dep.marker ? dep.marker.toString() : null, extras: req.extras });
        perEdge.set(k, perEdge.get(k)?.or(along) ?? along);
        edges.set(project, perEdge);
        for (const target of [req.name, ...req.extras.map((e) => projectKey(req.name, e))]) {
          if (solution.has(target)) changed = widen(reach, target, along) || changed;
        }
      }
    }
  }
  return { reach, edges, direct };
}

function widen(reach: Map<string, MarkerSet>, key: string, more: MarkerSet): boolean {
  const before = reach.get(key);
  const after = before ? before.or(more) : more;
  if (before && after.equals(before)) return false;
  reach.set(key, after);
  return true;
}

interface Merged {
  dto: ResolvedPackageDto;
  where: MarkerSet;
  /** Where the root asks for it (undefined: nowhere yet). */
  directWhere: MarkerSet | undefined;
  edges: Map<string, { where: MarkerSet; targets: Set<string> }>;
  dependents: Set<string>;
}

/** The merged package list of every solved fork, sorted by name then version. */
export function universalPackages(forks: readonly SolvedFork[], space: MarkerSpace): ResolvedPackageDto[] {
  const perFork = forks.map((fork) => {
    const graph = forkGraph(fork);
    const packages = resolvedPackages(fork.solution, fork.provider, fork.options, fork.roots).filter((p) => !(graph.reach.get(p.name)?.isEmpty() ?? true));
    return { fork, graph, packages };
  });
  const versions = new Map<string, Set<string>>();
  for (const { packages } of perFork) for (const p of packages) versions.set(p.name, (versions.get(p.name) ?? new Set()).add(p.version));
  const idOf = (name: string, version: string) => ((versions.get(name)?.size ?? 0) > 1 ? `${name}==${version}` : name);

  const merged = new Map<string, Merged>();
  for (const { graph, packages } of perFork) {
    const versionIn = new Map(packages.map((p) => [p.name, p.version]));
    const keyIn = (name: string) => (name === ROOT_DEPENDENT ? name : idOf(name, versionIn.get(name) ?? ""));
    for (const p of packages) {
      const id = idOf(p.name, p.version);
      const where = graph.reach.get(p.name) as MarkerSet;
      const directHere = graph.direct.get(p.name)?.and(where);
      let entry = merged.get(id);
      if (!entry) {
        entry = { dto: { ...p, dependencies: [], dependents: [] }, where, directWhere: directHere, edges: new Map(), dependents: new Set() };
        merged.set(id, entry);
      } else {
        entry.where = entry.where.or(where);
        if (directHere) entry.directWhere = entry.directWhere ? entry.directWhere.or(directHere) : directHere;
        entry.dto.extras = [...new Set([...entry.dto.extras, ...p.extras])].sort();
        entry.dto.direct ||= p.direct;
        entry.dto.warnings = [...new Set([...entry.dto.warnings, ...p.warnings])];
      }
      for (const d of p.dependents) if (d === ROOT_DEPENDENT || versionIn.has(d)) entry.dependents.add(keyIn(d));
      const followed = graph.edges.get(p.name) ?? new Map<string, MarkerSet>();
      for (const e of p.dependencies) {
        const k = edgeKey(e);
        const along = followed.get(k);
        if (!along || !versionIn.has(e.name)) continue;
        const existing = entry.edges.get(k);
        const target = keyIn(e.name);
        if (existing) {
          existing.where = existing.where.or(along);
          existing.targets.add(target);
        } else {
          entry.edges.set(k, { where: along, targets: new Set([target]) });
          entry.dto.dependencies.push(e);
        }
      }
    }
  }

  const out: ResolvedPackageDto[] = [];
  for (const [id, entry] of merged) {
    const many = (versions.get(entry.dto.name)?.size ?? 0) > 1;
    const dependencies: DependencyEdgeDto[] = entry.dto.dependencies.map((e) => {
      const info = entry.edges.get(edgeKey(e)) as { where: MarkerSet; targets: Set<string> };
      const edge: DependencyEdgeDto = { ...e };
      if (!info.where.equals(entry.where)) edge.environmentMarker = space.toMarker(info.where);
      if ((versions.get(e.name)?.size ?? 0) > 1) edge.targets = [...info.targets].sort();
      return edge;
    });
    const dto: ResolvedPackageDto = { ...entry.dto, dependencies, dependents: [...entry.dependents].sort() };
    if (many) dto.id = id;
    const marker = space.toMarker(entry.where);
    if (marker !== "") dto.marker = marker;
    if (dto.direct && entry.directWhere && !entry.directWhere.isEmpty() && !entry.directWhere.equals(entry.where)) dto.directMarker = space.toMarker(entry.directWhere);
    out.push(dto);
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || compareVersions(parseVersion(a.version), parseVersion(b.version)));
  return out;
}


