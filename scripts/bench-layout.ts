// Benchmark of the graph's layout engines on the same 300- and 1,000-package graphs, same run: the hand-written layered and force layouts against @dagrejs/dagre and elkjs (layered), time and edge crossings.
//
// Each graph is what the page lays out for a resolution of that size: the synthetic graphs of
// scripts/fixture-index/wide-graph.ts (the explorer benchmark's 1,000-package scenario and its 300-package sibling)
// turned into node boxes and edges by the graph feature's own code (buildDependencyGraph, cytoscapeElements,
// layoutInputOf). Every engine runs in a worker thread, as the page's layout worker does, one engine and graph at a
// time, after one warm-up run, `--runs` times; the median is reported. Crossings are counted the way the picture draws
// the edges: straight segments between node centres, each pair that properly intersects counted once.
//
// Usage: npx tsx scripts/bench-layout.ts [--runs 5] [--sizes 300,1000]
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { parseArgs } from "node:util";
import { loadavg } from "node:os";
import type { ResolvedPackageDto } from "../workers/api";
import { wideGraph } from "./fixture-index/wide-graph";
import { buildDependencyGraph } from "../app/features/graph/utils/graph-elements";
import { visibleNodes } from "../app/features/graph/utils/graph-filter";
import { cytoscapeElements } from "../app/features/graph/utils/cytoscape-elements";
import { layoutInputOf } from "../app/lib/layout/cytoscape-layout";
import type { LayoutInput } from "../app/lib/layout/layout-types";
import { layeredLayout, HIERARCHICAL } from "../app/lib/layout/layered-layout";
import { computeLayout } from "../app/features/graph/layout/compute-layout";
import dagre from "@dagrejs/dagre";
import ELK from "elkjs/lib/elk.bundled.js";

/** Each engine with the page's hierarchical settings (left to right, the same gaps), returning node centres in input order. */
const ENGINES = {
  "hand-written layered": (input: LayoutInput) => Promise.resolve(layeredLayout(input)),
  "hand-written force": (input: LayoutInput) => Promise.resolve(computeLayout({ kind: "force", input })),
  "@dagrejs/dagre": (input: LayoutInput) => {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: "LR", nodesep: HIERARCHICAL.nodeSep, ranksep: HIERARCHICAL.rankSep, edgesep: HIERARCHICAL.edgeSep });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of input.nodes) g.setNode(n.id, { width: n.width, height: n.height });
    for (const e of input.edges) g.setEdge(e.source, e.target);
    dagre.layout(g);
    const out = new Float64Array(2 * input.nodes.length);
    input.nodes.forEach((n, i) => {
      const placed = g.node(n.id);
      out[2 * i] = placed.x;
      out[2 * i + 1] = placed.y;
    });
    return Promise.resolve(out);
  },
  "elkjs layered": async (input: LayoutInput) => {
    const elk = new ELK();
    const graph = await elk.layout({
      id: "root",
      layoutOptions: {
        "elk.algorithm": "layered",
        "elk.direction": "RIGHT",
        "elk.spacing.nodeNode": String(HIERARCHICAL.nodeSep),
        "elk.layered.spacing.nodeNodeBetweenLayers": String(HIERARCHICAL.rankSep),
        "elk.spacing.edgeEdge": String(HIERARCHICAL.edgeSep),
      },
      children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
      edges: input.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
    });
    const placed = new Map((graph.children ?? []).map((c) => [c.id, c]));
    const out = new Float64Array(2 * input.nodes.length);
    input.nodes.forEach((n, i) => {
      const c = placed.get(n.id);
      out[2 * i] = (c?.x ?? 0) + n.width / 2;
      out[2 * i + 1] = (c?.y ?? 0) + n.height / 2;
    });
    return out;
  },
} satisfies Record<string, (input: LayoutInput) => Promise<Float64Array>>;

type EngineName = keyof typeof ENGINES;


/** The resolved packages of a synthetic graph, as the resolver would report them (one version each). */
export function syntheticPackages(size: number): ResolvedPackageDto[] {
  const graph = wideGraph(size);
  const roots = new Set(graph.roots);
  const dependents = new Map<string, string[]>();
  const nameOf = (requirement: string) => /^[a-z0-9-]+/.exec(requirement)?.[0] ?? requirement;
  for (const p of graph.projects) for (const d of p.dependencies) dependents.set(nameOf(d), [...(dependents.get(nameOf(d)) ?? []), p.name]);
  return graph.projects.map((p) => ({
    name: p.name,
    displayName: p.name,
    version: "1.0.0",
    extras: [],
    direct: roots.has(p.name),
    dependencies: p.dependencies.map((d) => ({ name: nameOf(d), specifier: d.slice(nameOf(d).length), marker: null, extras: [] })),
    dependents: [...(roots.has(p.name) ? ["<root>"] : []), ...(dependents.get(p.name) ?? [])],
    warnings: [],
    yanked: null,
    prerelease: false,
    unknownDependencies: false,
    requiresPython: null,
    index: "",
    files: [],
    rejectedNewer: [],
  }));
}

function layoutInputFor(size: number): LayoutInput {
  const graph = buildDependencyGraph(syntheticPackages(size));
  return layoutInputOf(cytoscapeElements(graph, visibleNodes(graph.children, [], null)));
}

/** Pairs of straight edges (centre to centre) that cross; edges sharing an end do not count. */
export function edgeCrossings(input: LayoutInput, positions: Float64Array): number {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const segs: [number, number, number, number, number, number][] = [];
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    segs.push([positions[2 * s], positions[2 * s + 1], positions[2 * t], positions[2 * t + 1], s, t]);
  }
  const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  // Sweep by x: only segments whose x-extents meet can cross.
  const order = segs.map((_, i) => i).sort((a, b) => Math.min(segs[a][0], segs[a][2]) - Math.min(segs[b][0], segs[b][2]));
  let crossings = 0;
  for (let oi = 0; oi < order.length; oi++) {
    const [ax, ay, bx, by, as, at] = segs[order[oi]];
    const right = Math.max(ax, bx);
    for (let oj = oi + 1; oj < order.length; oj++) {
      const [cx, cy, dx, dy, cs, ct] = segs[order[oj]];
      if (Math.min(cx, dx) > right) break;
      if (as === cs || as === ct || at === cs || at === ct) continue;
      const o1 = orient(ax, ay, bx, by, cx, cy);
      const o2 = orient(ax, ay, bx, by, dx, dy);
      const o3 = orient(cx, cy, dx, dy, ax, ay);
      const o4 = orient(cx, cy, dx, dy, bx, by);
      if (o1 * o2 < 0 && o3 * o4 < 0) crossings++;
    }
  }
  return crossings;
}

/** Boxes that overlap (a layout that piles nodes on each other has few crossings for the wrong reason). */
function overlaps(input: LayoutInput, positions: Float64Array): number {
  let count = 0;
  const n = input.nodes.length;
  const order = input.nodes.map((_, i) => i).sort((a, b) => positions[2 * a] - input.nodes[a].width / 2 - (positions[2 * b] - input.nodes[b].width / 2));
  for (let i = 0; i < n; i++) {
    const a = order[i];
    const right = positions[2 * a] + input.nodes[a].width / 2;
    for (let j = i + 1; j < n; j++) {
      const b = order[j];
      if (positions[2 * b] - input.nodes[b].width / 2 >= right) break;
      if (Math.abs(positions[2 * a + 1] - positions[2 * b + 1]) * 2 < input.nodes[a].height + input.nodes[b].height) count++;
    }
  }
  return count;
}

interface Job {
  engine: EngineName;
  size: number;
  runs: number;
}

interface Result {
  times: number[];
  crossings: number;
  overlaps: number;
  nodes: number;
  edges: number;
  area: number;
}

async function runJob({ engine, size, runs: asked }: Job): Promise<Result> {
  let runs = asked;
  const input = layoutInputFor(size);
  const layout = ENGINES[engine];
  // Warm-up (JIT, lazy module loading); an engine that takes seconds is timed once, on the warm-up run's heels.
  const warmStart = performance.now();
  await layout(input);
  const warmMs = performance.now() - warmStart;
  if (warmMs > 2000) runs = 1;
  const times: number[] = [];
  let positions: Float64Array = new Float64Array(0);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    positions = await layout(input);
    times.push(performance.now() - start);
  }
  const xs = input.nodes.map((n, i) => [positions[2 * i] - n.width / 2, positions[2 * i] + n.width / 2]);
  const ys = input.nodes.map((n, i) => [positions[2 * i + 1] - n.height / 2, positions[2 * i + 1] + n.height / 2]);
  const w = Math.max(...xs.map((x) => x[1])) - Math.min(...xs.map((x) => x[0]));
  const h = Math.max(...ys.map((y) => y[1])) - Math.min(...ys.map((y) => y[0]));
  return { times, crossings: edgeCrossings(input, positions), overlaps: overlaps(input, positions), nodes: input.nodes.length, edges: input.edges.length, area: w * h };
}

function inWorker(job: Job): Promise<Result> {
  return new Promise((resolve, reject) => {
    // The worker registers tsx itself, then loads this file (its `isMainThread` branch runs the job).
    const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: job });
    worker.once("message", (result: Result) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, sizes: { type: "string", default: "300,1000" } } });
  const runs = Math.max(1, Number(values.runs));
  const sizes = values.sizes.split(",").map(Number);
  console.log(`load average (1/5/15 min) before: ${loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
  for (const size of sizes) {
    const results = new Map<EngineName, Result>();
    for (const engine of Object.keys(ENGINES) as EngineName[]) results.set(engine, await inWorker({ engine, size, runs }));
    const first = [...results.values()][0];
    console.log(`\n${size} packages (${first.nodes} nodes with the root, ${first.edges} edges), median of ${runs} runs in a worker thread:`);
    const reference = results.get("hand-written layered");
    for (const [engine, r] of results) {
      const t = median(r.times);
      const vs = reference && engine !== "hand-written layered" ? ` (hand-written layered: ${(median(reference.times) / t).toFixed(2)}x the time, ${(reference.crossings / Math.max(1, r.crossings)).toFixed(2)}x the crossings)` : "";
      console.log(
        `  ${engine.padEnd(22)} ${t.toFixed(1).padStart(8)} ms   ${String(r.crossings).padStart(6)} crossings   ${String(r.overlaps).padStart(4)} overlapping boxes   ${(r.area / 1e6).toFixed(1)} Mpx² area${vs}`,
      );
    }
  }
  console.log(`\nload average (1/5/15 min) after: ${loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  void runJob(workerData as Job).then((result) => parentPort?.postMessage(result));
}
