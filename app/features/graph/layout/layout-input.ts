// What a graph layout works on and gives back: node boxes and edges in, one centre point per node out (plain data, sent to the layout worker).
import type { ElementDefinition } from "cytoscape";
import type { GraphLayout } from "../../../stores/view";

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface LayoutRequest {
  kind: GraphLayout;
  input: LayoutInput;
}

/** Node centres in input node order: x of node i at [2i], y at [2i + 1]. A typed array, so the worker can transfer it. */
export type LayoutPositions = Float64Array;

/** The boxes and edges of Cytoscape element definitions whose data carries `w` and `h`, as `cytoscapeElements` makes them. */
export function layoutInputOf(elements: readonly ElementDefinition[]): LayoutInput {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  for (const element of elements) {
    const data = element.data;
    if (element.group === "edges") edges.push({ source: String(data.source), target: String(data.target) });
    else nodes.push({ id: String(data.id), width: Number(data.w) || 0, height: Number(data.h) || 0 });
  }
  return { nodes, edges };
}

/** A key that is equal for two requests exactly when their layouts are equal (same kind, node boxes in order, edges). */
export function layoutKey(request: LayoutRequest): string {
  const parts: string[] = [request.kind];
  for (const n of request.input.nodes) parts.push(`${n.id}\u0001${n.width}\u0001${n.height}`);
  parts.push("\u0002");
  for (const e of request.input.edges) parts.push(`${e.source}\u0001${e.target}`);
  return parts.join("\u0000");
}
