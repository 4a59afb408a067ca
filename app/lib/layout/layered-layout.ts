// A fast layered (Sugiyama-style) graph layout: cycles broken, longest-path layers, barycentric ordering, least-squares placement.
import type { LayoutInput, LayoutPositions } from "./layout-types";

export interface LayeredOptions {
  /** "LR": layers run left to right (dependencies to the right of what needs them); "TB": top to bottom. */
  direction: "LR" | "TB";
  /** Gap between neighbouring layers. */
  rankSep: number;
  /** Gap between neighbouring nodes of a layer. */
  nodeSep: number;
  /** Gap beside an edge that passes through a layer. */
  edgeSep: number;
}

export const HIERARCHICAL: LayeredOptions = { direction: "LR", rankSep: 110, nodeSep: 10, edgeSep: 6 };

/** The proper layered graph: real nodes first, then one dummy per layer an edge passes through; edges join adjacent layers only. */
interface Layered {
  count: number;
  real: number;
  layer: Int32Array;
  preds: number[][];
  succs: number[][];
  layers: number[][];
}

/** Edges oriented so the graph has no cycle: a depth-first search from the nodes in input order reverses each back edge. */
export function acyclicEdges(count: number, edges: readonly (readonly [number, number])[]): [number, number][] {
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const [s, t] of edges) out[s].push(t);
  const state = new Uint8Array(count); // 0 unseen, 1 on the stack, 2 done
  const back = new Set<number>(); // s * count + t of each back edge
  const stack: number[] = [];
  const next: number[] = [];
  for (let start = 0; start < count; start++) {
    if (state[start]) continue;
    state[start] = 1;
    stack.push(start);
    next.push(0);
    while (stack.length) {
      const top = stack.length - 1;
      const v = stack[top];
      if (next[top] < out[v].length) {
        const w = out[v][next[top]++];
        if (state[w] === 0) {
          state[w] = 1;
          stack.push(w);
          next.push(0);
        } else if (state[w] === 1) back.add(v * count + w);
      } else {
        state[v] = 2;
        stack.pop();
        next.pop();
      }
    }
  }
  return edges.map(([s, t]) => (back.has(s * count + t) ? [t, s] : [s, t]));
}

/** Longest-path layers: every edge of the acyclic graph goes from a lower layer to a higher one; sources are layer 0. */
export function longestPathLayers(count: number, edges: readonly (readonly [number, number])[]): Int32Array {
  const out: number[][] = Array.from({ length: count }, () => []);
  const indegree = new Int32Array(count);
  for (const [s, t] of edges) {
    out[s].push(t);
    indegree[t]++;
  }
  const layer = new Int32Array(count);
  const queue: number[] = [];
  for (let v = 0; v < count; v++) if (indegree[v] === 0) queue.push(v);
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    for (const w of out[v]) {
      if (layer[v] + 1 > layer[w]) layer[w] = layer[v] + 1;
      if (--indegree[w] === 0) queue.push(w);
    }
  }
  return layer;
}

function buildLayered(count: number, edges: readonly (readonly [number, number])[], layer: Int32Array): Layered {
  const layerOf: number[] = Array.from(layer);
  const preds: number[][] = Array.from({ length: count }, () => []);
  const succs: number[][] = Array.from({ length: count }, () => []);
  let total = count;
  for (const [s, t] of edges) {
    let from = s;
    for (let l = layer[s] + 1; l < layer[t]; l++) {
      const dummy = total++;
      layerOf.push(l);
      preds.push([from]);
      succs.push([]);
      succs[from].push(dummy);
      from = dummy;
    }
    succs[from].push(t);
    preds[t].push(from);
  }
  const depth = count ? Math.max(...layer) + 1 : 0;
  const layers: number[][] = Array.from({ length: depth }, () => []);
  // First order: layer 0 in input order, then each layer in the order the previous one reaches it.
  const placed = new Uint8Array(total);
  for (let v = 0; v < count; v++) {
    if (layerOf[v] === 0) {
      layers[0].push(v);
      placed[v] = 1;
    }
  }
  for (let l = 1; l < depth; l++) {
    for (const u of layers[l - 1]) {
      for (const w of succs[u]) {
        if (!placed[w]) {
          placed[w] = 1;
          layers[l].push(w);
        }
      }
    }
    for (let v = 0; v < total; v++) {
      if (!placed[v] && layerOf[v] === l) {
        placed[v] = 1;
        layers[l].push(v);
      }
    }
  }
  return { count: total, real: count, layer: Int32Array.from(layerOf), preds, succs, layers };
}

/** Crossings between two neighbouring layers (Barth, Jünger and Mutzel's accumulator tree), given each node's index in its layer. */
function crossingsBetween(upper: readonly number[], succs: readonly number[][], pos: Int32Array, lowerSize: number): number {
  const targets: number[] = [];
  for (const u of upper) {
    const ends = succs[u].map((w) => pos[w]).sort((a, b) => a - b);
    for (const e of ends) targets.push(e);
  }
  let size = 1;
  while (size < lowerSize) size *= 2;
  const tree = new Int32Array(2 * size);
  let crossings = 0;
  for (const t of targets) {
    let index = t + size;
    tree[index]++;
    while (index > 1) {
      if (index % 2 === 0) crossings += tree[index + 1];
      index = Math.floor(index / 2);
      tree[index]++;
    }
  }
  return crossings;
}

export function countCrossings(g: Pick<Layered, "layers" | "succs">, pos: Int32Array): number {
  let total = 0;
  for (let l = 0; l + 1 < g.layers.length; l++) total += crossingsBetween(g.layers[l], g.succs, pos, g.layers[l + 1].length);
  return total;
}

function indexPositions(layers: readonly number[][], pos: Int32Array): void {
  for (const nodes of layers) nodes.forEach((v, i) => (pos[v] = i));
}

/** Reorders one layer by the mean relative position of each node's neighbours in the layer before it in the sweep. */
function sortByBarycentre(nodes: number[], neighbours: readonly number[][], pos: Int32Array, neighbourLayerSize: number): void {
  const size = nodes.length;
  const key = new Map<number, number>();
  for (const v of nodes) {
    const ns = neighbours[v];
    if (ns.length === 0) key.set(v, (pos[v] + 0.5) / size);
    else {
      let sum = 0;
      for (const w of ns) sum += pos[w] + 0.5;
      key.set(v, sum / ns.length / neighbourLayerSize);
    }
  }
  nodes.sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0) || pos[a] - pos[b]);
  nodes.forEach((v, i) => (pos[v] = i));
}

/** Alternating down and up barycentre sweeps; keeps the order with the fewest crossings. */
function orderLayers(g: Layered): void {
  const pos = new Int32Array(g.count);
  indexPositions(g.layers, pos);
  let best = g.layers.map((l) => l.slice());
  let bestCrossings = countCrossings(g, pos);
  let sinceBest = 0;
  for (let sweep = 0; sweep < 24 && sinceBest < 4 && bestCrossings > 0; sweep++) {
    if (sweep % 2 === 0) for (let l = 1; l < g.layers.length; l++) sortByBarycentre(g.layers[l], g.preds, pos, g.layers[l - 1].length);
    else for (let l = g.layers.length - 2; l >= 0; l--) sortByBarycentre(g.layers[l], g.succs, pos, g.layers[l + 1].length);
    const crossings = countCrossings(g, pos);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = g.layers.map((l) => l.slice());
      sinceBest = 0;
    } else sinceBest++;
  }
  best.forEach((nodes, l) => (g.layers[l] = nodes));
}

/**
 * Least-squares placement of a row in its order: minimises Σ weight·(coord − desired)² subject to each node keeping at
 * least `gap[i]` from the one before it (pool-adjacent-violators on the shifted problem). Writes into `coord`.
 */
export function placeRow(desired: readonly number[], weight: readonly number[], gap: readonly number[], coord: Float64Array, nodes: readonly number[]): void {
  const n = desired.length;
  const offset = new Float64Array(n);
  for (let i = 1; i < n; i++) offset[i] = offset[i - 1] + gap[i];
  // Blocks of merged nodes: their weighted mean of (desired - offset), their total weight and their extent.
  const mean: number[] = [];
  const total: number[] = [];
  const start: number[] = [];
  for (let i = 0; i < n; i++) {
    let m = desired[i] - offset[i];
    let w = weight[i];
    let s = i;
    while (mean.length && mean[mean.length - 1] > m) {
      const pm = mean.pop() ?? 0;
      const pw = total.pop() ?? 0;
      s = start.pop() ?? s;
      m = (pm * pw + m * w) / (pw + w);
      w += pw;
    }
    mean.push(m);
    total.push(w);
    start.push(s);
  }
  for (let b = 0; b < mean.length; b++) {
    const end = b + 1 < mean.length ? start[b + 1] : n;
    for (let i = start[b]; i < end; i++) coord[nodes[i]] = mean[b] + offset[i];
  }
}

/** Positions along the layer axis (centres of each layer's widest box) and across it (least-squares towards neighbours). */
function placeNodes(g: Layered, major: Float64Array, minor: Float64Array, options: LayeredOptions): LayoutPositions {
  const size = (v: number, sizes: Float64Array) => (v < g.real ? sizes[v] : 0);
  const sep = (v: number) => (v < g.real ? options.nodeSep : options.edgeSep);
  const across = new Float64Array(g.count);
  for (const nodes of g.layers) {
    let at = 0;
    nodes.forEach((v, i) => {
      if (i > 0) at += (size(nodes[i - 1], minor) + size(v, minor)) / 2 + (sep(nodes[i - 1]) + sep(v)) / 2;
      across[v] = at;
    });
    for (const v of nodes) across[v] -= at / 2;
  }
  const row = (nodes: readonly number[], neighbours: (v: number) => readonly number[]) => {
    const desired: number[] = [];
    const weight: number[] = [];
    const gap: number[] = [];
    nodes.forEach((v, i) => {
      const ns = neighbours(v);
      let sum = 0;
      for (const w of ns) sum += across[w];
      desired.push(ns.length ? sum / ns.length : across[v]);
      // Dummies pull harder, so long edges run straight; a node with no neighbour on this side barely moves.
      weight.push(ns.length === 0 ? 0.05 : v < g.real ? 1 : 2);
      gap.push(i === 0 ? 0 : (size(nodes[i - 1], minor) + size(v, minor)) / 2 + (sep(nodes[i - 1]) + sep(v)) / 2);
    });
    placeRow(desired, weight, gap, across, nodes);
  };
  for (let pass = 0; pass < 8; pass++) {
    if (pass % 2 === 0) for (let l = 1; l < g.layers.length; l++) row(g.layers[l], (v) => g.preds[v]);
    else for (let l = g.layers.length - 2; l >= 0; l--) row(g.layers[l], (v) => g.succs[v]);
  }
  for (const nodes of g.layers) row(nodes, (v) => [...g.preds[v], ...g.succs[v]]);

  const thickness = g.layers.map((nodes) => Math.max(0, ...nodes.map((v) => size(v, major))));
  const layerCentre: number[] = [];
  let at = 0;
  thickness.forEach((t) => {
    layerCentre.push(at + t / 2);
    at += t + options.rankSep;
  });
  const out = new Float64Array(2 * g.real);
  let low = Infinity;
  for (let v = 0; v < g.real; v++) low = Math.min(low, across[v] - size(v, minor) / 2);
  for (let v = 0; v < g.real; v++) {
    const a = layerCentre[g.layer[v]];
    const b = across[v] - (Number.isFinite(low) ? low : 0);
    out[2 * v] = options.direction === "LR" ? a : b;
    out[2 * v + 1] = options.direction === "LR" ? b : a;
  }
  return out;
}

/** Lays out a graph in layers; every edge that is not part of a cycle points along `options.direction`. */
export function layeredLayout(input: LayoutInput, options: LayeredOptions = HIERARCHICAL): LayoutPositions {
  const count = input.nodes.length;
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const seen = new Set<number>();
  const edges: [number, number][] = [];
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t || seen.has(s * count + t)) continue;
    seen.add(s * count + t);
    edges.push([s, t]);
  }
  const dag = acyclicEdges(count, edges);
  const layer = longestPathLayers(count, dag);
  const g = buildLayered(count, dag, layer);
  orderLayers(g);
  const widths = Float64Array.from(input.nodes, (n) => n.width);
  const heights = Float64Array.from(input.nodes, (n) => n.height);
  return options.direction === "LR" ? placeNodes(g, widths, heights, options) : placeNodes(g, heights, widths, options);
}
