// The graph's reactions to resolutions starting and finishing: warm its lazy parts on the first start, mark each result's arrival for timing.
import { loadCytoscapeCore } from "../../../lib/load-cytoscape";
import { useResolution } from "../../../stores/resolution";
import { warmLayoutWorker } from "../layout/layout-worker-client";

/** The performance mark set when a resolution's result reaches the page (benchmarks split their timings with it). */
export const RESOLUTION_ARRIVED_MARK = "tangle:resolution-arrived";

let following = false;

/**
 * On the first resolution started, loads the Cytoscape chunk and starts the layout worker, so both are ready when
 * its result arrives instead of being fetched and compiled after it.
 */
export function followResolutions(): void {
  if (following) return;
  following = true;
  let warmed = false;
  useResolution.subscribe((state, previous) => {
    if (state.current !== previous.current && state.current) performance.mark(RESOLUTION_ARRIVED_MARK);
    if (warmed || !state.running) return;
    warmed = true;
    warmLayoutWorker();
    loadCytoscapeCore().catch(() => undefined);
  });
}
