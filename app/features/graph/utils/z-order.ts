// Cytoscape's drawing order (which element lies on top of which), with each element's sort keys read once instead of at every comparison.

/** What the order reads of an element (Cytoscape's element). */
export interface ZOrderable {
  isNode(): boolean;
  pstyle(name: string): { value?: unknown };
  poolIndex(): number;
}

/** Where `z-compound-depth` puts an element in a graph without compound nodes (Cytoscape's `zIndexSort`). */
function compoundDepth(value: unknown): number {
  if (value === "bottom") return -1;
  if (value === "top") return Number.MAX_SAFE_INTEGER;
  return 0;
}

/**
 * Sorts `elements` in place into the order Cytoscape's `zIndexSort` gives a graph without compound nodes: by
 * `z-compound-depth`, then nodes above edges (`z-index-compare: auto`), then `z-index`, then the order added. Its
 * comparator reads four style values per element at each of the ~n log n comparisons: ~45,000 comparisons and 15–35
 * ms for the ~4,000 elements of a 1,000-package graph, redone whenever a hover or a selection changes a `z-index`.
 * Read once per element, the same order takes a few milliseconds.
 */
export function sortInZOrder<E extends ZOrderable>(elements: E[]): E[] {
  const n = elements.length;
  const depth = new Float64Array(n);
  const kind = new Float64Array(n);
  const z = new Float64Array(n);
  const pool = new Float64Array(n);
  elements.forEach((ele, i) => {
    depth[i] = compoundDepth(ele.pstyle("z-compound-depth").value);
    kind[i] = ele.pstyle("z-index-compare").value === "auto" && ele.isNode() ? 1 : 0;
    z[i] = Number(ele.pstyle("z-index").value);
    pool[i] = ele.poolIndex();
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => depth[a] - depth[b] || kind[a] - kind[b] || z[a] - z[b] || pool[a] - pool[b]);
  const sorted = order.map((i) => elements[i]);
  for (let i = 0; i < n; i++) elements[i] = sorted[i];
  return elements;
}
