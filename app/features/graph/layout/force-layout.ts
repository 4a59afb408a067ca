// A deterministic force-directed layout (spring-electrical, Fruchterman–Reingold style) with box overlap removal, started from given positions.
import type { LayoutInput, LayoutPositions } from "../../../lib/layout/layout-types";

export interface ForceOptions {
  /** Length an edge settles at, between box borders. */
  idealEdgeLength: number;
  /** Upper bound on iterations; large graphs get fewer so the work stays about the same. */
  maxIterations: number;
  /** Gap kept between boxes after overlap removal. */
  padding: number;
}

export const FORCE: ForceOptions = { idealEdgeLength: 90, maxIterations: 300, padding: 8 };

/** Pair interactions per layout: iterations × n²/2 stays near this, so a 1,000-node graph costs what a 300-node one does. */
const PAIR_BUDGET = 15_000_000;
/** The natural spacing, as a share of (ideal edge length + a typical box diameter): smaller packs the picture tighter. */
const SPACING = 0.35;
/** Pull towards the centre, per unit of distance: keeps leaves of busy hubs from drifting far out. */
const GRAVITY = 0.15;

/**
 * Pushes overlapping boxes apart along the axis where they overlap least, up to `passes` sweeps over the pairs whose
 * x-extents meet. Returns how many pairs still overlapped in the last sweep (0: none left).
 */
export function removeOverlaps(input: LayoutInput, pos: Float64Array, padding: number, passes = 20): number {
  const n = input.nodes.length;
  const halfW = Float64Array.from(input.nodes, (node) => node.width / 2 + padding / 2);
  const halfH = Float64Array.from(input.nodes, (node) => node.height / 2 + padding / 2);
  let overlapping = 0;
  for (let pass = 0; pass < passes; pass++) {
    overlapping = 0;
    // Sweep along x: only boxes whose x-extents overlap can collide.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => pos[2 * a] - halfW[a] - (pos[2 * b] - halfW[b]));
    for (let a = 0; a < n; a++) {
      const i = order[a];
      for (let b = a + 1; b < n; b++) {
        const j = order[b];
        if (pos[2 * j] - halfW[j] >= pos[2 * i] + halfW[i]) break;
        const dx = pos[2 * j] - pos[2 * i];
        const dy = pos[2 * j + 1] - pos[2 * i + 1];
        const ox = halfW[i] + halfW[j] - Math.abs(dx);
        const oy = halfH[i] + halfH[j] - Math.abs(dy);
        if (ox <= 0 || oy <= 0) continue;
        overlapping++;
        if (ox < oy) {
          const push = (ox / 2) * (dx < 0 ? -1 : 1) || ox / 2;
          pos[2 * i] -= push;
          pos[2 * j] += push;
        } else {
          const push = (oy / 2) * (dy < 0 ? -1 : 1) || oy / 2;
          pos[2 * i + 1] -= push;
          pos[2 * j + 1] += push;
        }
      }
    }
    if (overlapping === 0) return 0;
  }
  return overlapping;
}

/** Moves nodes from `start` (for example a layered layout) towards a force equilibrium; returns new positions, `start` stays. */
export function forceLayout(input: LayoutInput, start: LayoutPositions, options: ForceOptions = FORCE): LayoutPositions {
  const n = input.nodes.length;
  const pos = Float64Array.from(start);
  if (n < 2) return pos;
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const edges: [number, number][] = [];
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) edges.push([s, t]);
  }
  const radius = Float64Array.from(input.nodes, (node) => Math.hypot(node.width, node.height) / 2);
  const meanRadius = radius.reduce((a, b) => a + b, 0) / n;
  const k = (options.idealEdgeLength + 2 * meanRadius) * SPACING;

  // Start from the given picture shrunk to about the area the equilibrium needs, centred on the origin.
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += pos[2 * i] / n;
    cy += pos[2 * i + 1] / n;
  }
  let spread = 0;
  for (let i = 0; i < n; i++) spread = Math.max(spread, Math.hypot(pos[2 * i] - cx, pos[2 * i + 1] - cy));
  const target = k * Math.sqrt(n) * 0.6;
  const scale = spread > 0 ? Math.min(1, target / spread) : 1;
  for (let i = 0; i < n; i++) {
    pos[2 * i] = (pos[2 * i] - cx) * scale;
    pos[2 * i + 1] = (pos[2 * i + 1] - cy) * scale;
    // Nodes that start on the same spot are told apart deterministically.
    pos[2 * i] += Math.cos(i * 2.399963) * 0.5;
    pos[2 * i + 1] += Math.sin(i * 2.399963) * 0.5;
  }

  const iterations = Math.max(30, Math.min(options.maxIterations, Math.round(PAIR_BUDGET / ((n * n) / 2))));
  const dispX = new Float64Array(n);
  const dispY = new Float64Array(n);
  const k2 = k * k;
  const gravity = GRAVITY;
  let temperature = target / 4;
  const cooling = temperature / iterations;
  for (let it = 0; it < iterations; it++) {
    dispX.fill(0);
    dispY.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = pos[2 * i];
      const yi = pos[2 * i + 1];
      for (let j = i + 1; j < n; j++) {
        const dx = xi - pos[2 * j];
        const dy = yi - pos[2 * j + 1];
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const f = k2 / d2; // (k² / d) along the unit vector (dx, dy) / d
        dispX[i] += dx * f;
        dispY[i] += dy * f;
        dispX[j] -= dx * f;
        dispY[j] -= dy * f;
      }
    }
    for (const [s, t] of edges) {
      const dx = pos[2 * s] - pos[2 * t];
      const dy = pos[2 * s + 1] - pos[2 * t + 1];
      const d = Math.max(Math.hypot(dx, dy), 1);
      const f = d / k; // (d² / k) along the unit vector
      dispX[s] -= dx * f;
      dispY[s] -= dy * f;
      dispX[t] += dx * f;
      dispY[t] += dy * f;
    }
    for (let i = 0; i < n; i++) {
      dispX[i] -= gravity * pos[2 * i];
      dispY[i] -= gravity * pos[2 * i + 1];
      const d = Math.hypot(dispX[i], dispY[i]);
      if (d === 0) continue;
      const step = Math.min(d, temperature) / d;
      pos[2 * i] += dispX[i] * step;
      pos[2 * i + 1] += dispY[i] * step;
    }
    temperature = Math.max(temperature - cooling, 1);
  }
  // A crowded centre can jam: spread the picture a little and try again.
  for (let attempt = 0; attempt < 12 && removeOverlaps(input, pos, options.padding) > 0; attempt++) {
    for (let i = 0; i < 2 * n; i++) pos[i] *= 1.08;
  }
  return pos;
}
