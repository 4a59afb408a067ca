// What a layout works on and gives back: node boxes and edges in, one centre point per node out (plain data, sendable to a worker).

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

/** Node centres in input node order: x of node i at [2i], y at [2i + 1]. A typed array, so a worker can transfer it. */
export type LayoutPositions = Float64Array;
