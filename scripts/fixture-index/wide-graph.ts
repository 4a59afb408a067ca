// A synthetic dependency graph of any size shaped like real resolutions (a few dozen requirements, 0-8 dependencies each, a handful of hubs everyone needs), seeded and deterministic.

export interface WideGraphProject {
  name: string;
  /** PEP 508 requirements on other projects of the graph. */
  dependencies: string[];
}

export interface WideGraph {
  projects: WideGraphProject[];
  /** The projects the user requires (all others are reachable from them). */
  roots: string[];
}

const SYLLABLES = ["py", "flask", "json", "http", "core", "async", "lib", "test", "data", "auth", "yaml", "cli", "io", "net", "util", "sql", "doc", "web", "ml", "tool"];
/** How many dependencies a release declares, drawn uniformly from this list (median 2, a long tail, as on PyPI). */
const DEPENDENCY_COUNTS = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8];
const SPECIFIERS = ["", ">=1.0", ">=0.9,<2", "~=1.0", "!=0.5"];

/** A small linear congruential generator: the same seed gives the same graph on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `size` projects named `wg-<syllables>-<n>` (lengths like real names), each at version 1.0.0 in the index. Project i
 * depends only on projects after it, so the graph has no cycle; a fifth of the edges go to the last 2% (the hubs, as
 * six and setuptools are); every project is reachable from the first `roots` ones.
 */
export function wideGraph(size: number, { roots = Math.max(1, Math.round(size / 25)), seed = 1 }: { roots?: number; seed?: number } = {}): WideGraph {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const names = Array.from({ length: size }, (_, i) => {
    const words = 1 + Math.floor(next() * 3);
    return `wg-${Array.from({ length: words }, () => pick(SYLLABLES)).join("")}-${i}`;
  });
  const hubs = Math.max(1, Math.round(size * 0.02));
  const deps: Set<number>[] = names.map(() => new Set<number>());
  const hasDependent = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const count = pick(DEPENDENCY_COUNTS);
    for (let k = 0; k < count && i + 1 < size; k++) {
      const hub = next() < 0.2 && i < size - hubs;
      const j = hub ? size - hubs + Math.floor(next() * hubs) : i + 1 + Math.floor(next() * Math.min(size - i - 1, 120));
      if (j <= i || j >= size) continue;
      deps[i].add(j);
      hasDependent[j] = 1;
    }
  }
  for (let j = roots; j < size; j++) {
    if (hasDependent[j]) continue;
    const from = Math.floor(next() * j);
    deps[from].add(j);
    hasDependent[j] = 1;
  }
  const projects = names.map((name, i) => ({
    name,
    dependencies: [...deps[i]].sort((a, b) => a - b).map((j) => names[j] + pick(SPECIFIERS)),
  }));
  return { projects, roots: names.slice(0, roots) };
}
