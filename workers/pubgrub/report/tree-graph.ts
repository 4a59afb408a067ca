// The derivation tree as plain-data nodes and edges, for drawing.
import { nodesBottomUp, parentCounts } from "../derivation-tree";
import type { DerivationNode, DerivationTree, NodeKind } from "../derivation-tree";
import type { VersionSet } from "../version-set";
import { DefaultReportFormatter } from "./default-report-formatter";
import type { ReportFormatter } from "./report-formatter";
import type { ReportLine } from "./text-report";

export interface GraphTerm {
  readonly package: string;
  readonly positive: boolean;
  readonly range: string;
}

export interface GraphNode {
  /** "n" + the tree node's id. */
  readonly id: string;
  readonly kind: NodeKind;
  /** The formatter's statement of the node. */
  readonly label: string;
  /** The package the fact is about (the depending package for dependencies; the only term's package for derived nodes with one term). */
  readonly package?: string;
  readonly range?: string;
  /** For dependency facts: the required package and range. */
  readonly dependency?: string;
  readonly dependencyRange?: string;
  readonly terms: readonly GraphTerm[];
  /** The final conclusion (solving failed). */
  readonly isRoot: boolean;
  /** Used by more than one derivation. */
  readonly shared: boolean;
  /** The number of the text report line explaining it, when that line is numbered. */
  readonly line?: number;
}

export interface GraphEdge {
  /** The cause. */
  readonly from: string;
  /** The node derived from it. */
  readonly to: string;
  /** "conflict" for the incompatibility being resolved, "cause" for the satisfier's cause. */
  readonly label?: string;
}

export interface TreeGraph {
  /** Causes before the nodes derived from them. */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

const nodeId = (id: number): string => `n${id}`;

/** Lays the tree out as nodes (one per distinct tree node) and cause -> derived edges. */
export function treeToGraph<V, S extends VersionSet<V, S>, R>(
  tree: DerivationTree<V, S, R>,
  formatter: ReportFormatter<V, S, R> = new DefaultReportFormatter<V, S, R>(),
  lines: readonly ReportLine[] = [],
): TreeGraph {
  const lineOf = new Map<number, number>();
  for (const l of lines) if (l.nodeId !== null && l.number !== null) lineOf.set(l.nodeId, l.number);
  const parents = parentCounts(tree.root);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const node of nodesBottomUp(tree.root)) {
    const terms = node.terms.map((t) => ({ package: t.package, positive: t.positive, range: t.set.toString() }));
    const line = lineOf.get(node.id);
    nodes.push({
      id: nodeId(node.id),
      kind: node.kind,
      label: formatter.describe(node, tree),
      ...subject(node),
      terms,
      isRoot: node === tree.root,
      shared: (parents.get(node) ?? 0) > 1,
      ...(line !== undefined ? { line } : {}),
    });
    if (node.kind === "derived") {
      edges.push({ from: nodeId(node.cause1.id), to: nodeId(node.id), label: "conflict" });
      edges.push({ from: nodeId(node.cause2.id), to: nodeId(node.id), label: "cause" });
    }
  }
  return { nodes, edges };
}

function subject<V, S extends VersionSet<V, S>, R>(
  node: DerivationNode<V, S, R>,
): Pick<GraphNode, "package" | "range" | "dependency" | "dependencyRange"> {
  switch (node.kind) {
    case "root":
      return { package: node.package, range: String(node.version) };
    case "dependency":
      return {
        package: node.package,
        range: node.versions.toString(),
        dependency: node.dependency,
        dependencyRange: node.dependencyRange.toString(),
      };
    case "no-versions":
    case "unavailable":
      return { package: node.package, range: node.versions.toString() };
    case "derived":
      return node.terms.length === 1 ? { package: node.terms[0].package, range: node.terms[0].set.toString() } : {};
  }
}
