// Builds the dependency graph's nodes and edges (plain data, ready for Cytoscape) from a resolution's packages.
import type { ResolvedPackageDto } from "../../../../workers/api";
import { ROOT_ID, edgeId } from "../../../stores/view";
import { canonicalName } from "../../../lib/canonical-name";
import { packageKey } from "../../../lib/package-key";

/** `partial`: a universal result installs the package only in some environments (it has a marker). */
export type NodeTrait = "direct" | "extras" | "prerelease" | "yanked" | "unknown" | "partial";

export interface GraphNode {
  id: string;
  /** "name version", as shown on the node. */
  label: string;
  displayName: string;
  version: string;
  extras: string[];
  traits: NodeTrait[];
  /** Steps from the user's requirements (direct requirements are 1, the root is 0). */
  depth: number;
  /** Universal results: the marker of the environments the package is installed in (absent: everywhere). */
  marker?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** The specifier the source required the target with ("any" when it took any version). */
  label: string;
  /** Universal results: where the edge exists, when that is narrower than where its source is installed. */
  marker?: string;
}

export interface DependencyGraph {
  root: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Children of each node id (root included), in edge order. */
  children: Map<string, string[]>;
}

/** The label of an edge: the extras asked for, the specifier, or "any". */
export function edgeLabel(specifier: string, extras: readonly string[] = []): string {
  const spec = specifier.trim() || "any";
  return extras.length ? `[${extras.join(",")}] ${spec}` : spec;
}

export function nodeTraits(pkg: ResolvedPackageDto): NodeTrait[] {
  const traits: NodeTrait[] = [];
  if (pkg.direct) traits.push("direct");
  if (pkg.extras.length) traits.push("extras");
  if (pkg.prerelease) traits.push("prerelease");
  if (pkg.yanked !== null) traits.push("yanked");
  if (pkg.unknownDependencies) traits.push("unknown");
  if (pkg.marker) traits.push("partial");
  return traits;
}

/**
 * Nodes are the resolved packages plus a root for the user's requirements; an edge runs from each dependent
 * (as the worker lists it) to the package, labelled with the specifier the dependent asked for.
 * `rootSpecifiers` gives the user's own specifier per canonical name, when known.
 */
export function buildDependencyGraph(packages: readonly ResolvedPackageDto[], rootSpecifiers: ReadonlyMap<string, string> = new Map()): DependencyGraph {
  const byKey = new Map(packages.map((p) => [packageKey(p), p]));
  const root: GraphNode = { id: ROOT_ID, label: "Your requirements", displayName: "Your requirements", version: "", extras: [], traits: [], depth: 0 };
  const edges: GraphEdge[] = [];
  const children = new Map<string, string[]>([[ROOT_ID, []]]);
  for (const pkg of packages) children.set(packageKey(pkg), []);

  const addEdge = (source: string, target: string, label: string, marker?: string) => {
    const list = children.get(source);
    if (!list || list.includes(target)) return;
    list.push(target);
    edges.push({ id: edgeId(source, target), source, target, label, ...(marker ? { marker } : {}) });
  };

  for (const pkg of packages) {
    const key = packageKey(pkg);
    const dependents = pkg.direct && !pkg.dependents.includes(ROOT_ID) ? [ROOT_ID, ...pkg.dependents] : pkg.dependents;
    for (const dependent of dependents) {
      if (dependent === ROOT_ID) {
        addEdge(ROOT_ID, key, edgeLabel(rootSpecifiers.get(pkg.name) ?? "", pkg.direct ? pkg.extras : []), pkg.marker);
        continue;
      }
      const parent = byKey.get(dependent);
      if (!parent) continue;
      const entry = parent.dependencies.find((d) => canonicalName(d.name) === pkg.name && (!d.targets || d.targets.includes(key)));
      addEdge(dependent, key, entry ? edgeLabel(entry.specifier, entry.extras) : "any", entry?.environmentMarker);
    }
  }
  // A package nobody depends on (the worker should not produce one) still hangs from the root.
  for (const pkg of packages) {
    const key = packageKey(pkg);
    if (!edges.some((e) => e.target === key)) addEdge(ROOT_ID, key, edgeLabel(rootSpecifiers.get(pkg.name) ?? ""));
  }

  const depth = new Map<string, number>([[ROOT_ID, 0]]);
  const queue = [ROOT_ID];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const child of children.get(id) ?? []) {
      if (depth.has(child)) continue;
      depth.set(child, (depth.get(id) ?? 0) + 1);
      queue.push(child);
    }
  }

  const nodes = packages.map<GraphNode>((pkg) => ({
    id: packageKey(pkg),
    label: `${pkg.displayName} ${pkg.version}`,
    displayName: pkg.displayName,
    version: pkg.version,
    extras: pkg.extras,
    traits: nodeTraits(pkg),
    depth: depth.get(packageKey(pkg)) ?? 1,
    ...(pkg.marker ? { marker: pkg.marker } : {}),
  }));
  return { root, nodes, edges, children };
}
