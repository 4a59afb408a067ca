// Remembers the last two layouts by key, so switching back (force ↔ hierarchical, folding and unfolding) redraws without laying out again.
import type { LayoutRequest } from "./layout-input";
import type { LayoutPositions } from "../../../lib/layout/layout-types";
import { layoutInWorker } from "./layout-worker-client";

const KEEP = 2;
const recent = new Map<string, Promise<LayoutPositions>>();
const drawn = new Set<string>();

/** Records that a picture with this key was drawn (benchmarks tell layouts computed for a result from ones reused). */
export function markDrawn(key: string): void {
  drawn.add(key);
  if (drawn.size > 50) drawn.delete(drawn.values().next().value ?? key);
}

/** Whether a picture with this key was drawn before. */
export function wasDrawnBefore(key: string): boolean {
  return drawn.has(key) && recent.has(key);
}

/** The positions for `request` (whose key is `key`): remembered, or computed in the layout worker. */
export function cachedLayout(key: string, request: LayoutRequest): Promise<LayoutPositions> {
  const known = recent.get(key);
  if (known) {
    recent.delete(key);
    recent.set(key, known);
    return known;
  }
  const computed = layoutInWorker(request);
  recent.set(key, computed);
  computed.catch(() => {
    if (recent.get(key) === computed) recent.delete(key);
  });
  while (recent.size > KEEP) {
    const oldest = recent.keys().next().value;
    if (oldest === undefined) break;
    recent.delete(oldest);
  }
  return computed;
}
