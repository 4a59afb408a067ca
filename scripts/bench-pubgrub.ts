// Micro-benchmark of the PubGrub core on synthetic registries (npx tsx scripts/bench-pubgrub.ts); prints numbers only.
import type { Dependencies, DependencyProvider, PackageStats } from "../workers/pubgrub/dependency-provider";
import { collapseNoVersions } from "../workers/pubgrub/report/collapse-no-versions";
import { reportText } from "../workers/pubgrub/report/text-report";
import { solve } from "../workers/pubgrub/solver";
import type { VersionSet, VersionSetFactory } from "../workers/pubgrub/version-set";

/** Integers in a union of half-open intervals; bounds `[lo0, hi0, lo1, hi1, ...]`, merged linearly. */
class Ints implements VersionSet<number, Ints> {
  static readonly FULL = new Ints([-Infinity, Infinity]);
  static readonly EMPTY = new Ints([]);
  constructor(readonly b: readonly number[]) {}

  private static combine(x: readonly number[], y: readonly number[], both: boolean): Ints {
    // Sweep the cut points; membership toggles at each bound of each operand.
    const out: number[] = [];
    let i = 0;
    let j = 0;
    let inX = false;
    let inY = false;
    let inside = false;
    while (i < x.length || j < y.length) {
      const next = Math.min(i < x.length ? x[i] : Infinity, j < y.length ? y[j] : Infinity);
      while (i < x.length && x[i] === next) {
        inX = !inX;
        i++;
      }
      while (j < y.length && y[j] === next) {
        inY = !inY;
        j++;
      }
      const now = both ? inX && inY : inX || inY;
      if (now !== inside) {
        out.push(next);
        inside = now;
      }
    }
    return new Ints(out);
  }

  intersect(o: Ints): Ints {
    return Ints.combine(this.b, o.b, true);
  }
  union(o: Ints): Ints {
    return Ints.combine(this.b, o.b, false);
  }
  complement(): Ints {
    const out = [...this.b];
    if (out[0] === -Infinity) out.shift();
    else out.unshift(-Infinity);
    if (out[out.length - 1] === Infinity) out.pop();
    else out.push(Infinity);
    return new Ints(out);
  }
  contains(v: number): boolean {
    for (let i = 0; i < this.b.length; i += 2) if (this.b[i] <= v && v < this.b[i + 1]) return true;
    return false;
  }
  isEmpty(): boolean {
    return this.b.length === 0;
  }
  isAny(): boolean {
    return this.b.length === 2 && this.b[0] === -Infinity && this.b[1] === Infinity;
  }
  equals(o: Ints): boolean {
    return this.b.length === o.b.length && this.b.every((x, i) => x === o.b[i]);
  }
  isSubsetOf(o: Ints): boolean {
    return this.intersect(o).equals(this);
  }
  isDisjoint(o: Ints): boolean {
    return this.intersect(o).isEmpty();
  }
  toString(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.b.length; i += 2) parts.push(`[${this.b[i]},${this.b[i + 1]})`);
    return parts.join("|") || "{}";
  }
}

const ints: VersionSetFactory<number, Ints> = {
  full: () => Ints.FULL,
  empty: () => Ints.EMPTY,
  singleton: (v) => new Ints([v, v + 1]),
};

/** Seeded PRNG (mulberry32), so every run benchmarks the same registries. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Registry = Map<string, Map<number, [string, Ints][]>>;

interface Shape {
  packages: number;
  versions: number;
  /** Dependencies per version (max). */
  deps: number;
  /** Chance that a dependency's range excludes the newest versions of its target (forces backtracking). */
  narrow: number;
  rootDeps: number;
}

/**
 * Packages p0..pN-1 depend on higher-numbered packages (a DAG, like real layered ecosystems);
 * dependencies change every few versions, so many versions share them.
 */
function makeRegistry(shape: Shape, seed: number): Registry {
  const rand = prng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const registry: Registry = new Map();
  for (let p = 0; p < shape.packages; p++) {
    const versions = new Map<number, [string, Ints][]>();
    let deps: [string, Ints][] = [];
    for (let v = 1; v <= shape.versions; v++) {
      if (v === 1 || rand() < 0.2) {
        deps = [];
        const count = p + 1 < shape.packages ? pick(shape.deps + 1) : 0;
        const seen = new Set<number>();
        for (let k = 0; k < count; k++) {
          const target = p + 1 + pick(Math.min(60, shape.packages - p - 1));
          if (seen.has(target)) continue;
          seen.add(target);
          const lo = 1 + pick(Math.ceil(shape.versions / 2));
          const hi = rand() < shape.narrow ? lo + 1 + pick(4) : Infinity;
          deps.push([`p${target}`, new Ints([lo, hi])]);
        }
      }
      versions.set(v, deps);
    }
    registry.set(`p${p}`, versions);
  }
  const root: [string, Ints][] = [];
  for (let k = 0; k < shape.rootDeps; k++) root.push([`p${pick(Math.min(200, shape.packages))}`, Ints.FULL]);
  registry.set("root", new Map([[0, [...new Map(root)]]]));
  return registry;
}

class Provider implements DependencyProvider<number, Ints, string> {
  constructor(private readonly registry: Registry) {}
  prioritize(_pkg: string, _range: Ints, stats: PackageStats): number {
    return stats.conflicts;
  }
  chooseVersion(pkg: string, range: Ints): number | null {
    const versions = this.registry.get(pkg);
    if (!versions) return null;
    for (let v = versions.size; v >= 1; v--) if (range.contains(v)) return v;
    return null;
  }
  getDependencies(pkg: string, version: number): Dependencies<Ints, string> {
    return { kind: "available", dependencies: this.registry.get(pkg)?.get(version) ?? [] };
  }
}

async function bench(name: string, shape: Shape, seed: number): Promise<void> {
  const registry = makeRegistry(shape, seed);
  const runs = 10;
  let best = Infinity;
  let first = 0;
  let line = "";
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const result = await solve({ rootPackage: "root", rootVersion: 0, provider: new Provider(registry), versionSets: ints });
    const solveMs = performance.now() - start;
    if (r === 0) first = solveMs;
    let reportMs = 0;
    let lines = 0;
    if (result.kind === "unsolvable") {
      const t = performance.now();
      lines = reportText(collapseNoVersions(result.tree)).lines.length;
      reportMs = performance.now() - t;
    }
    if (solveMs < best) {
      best = solveMs;
      const s = result.stats;
      const size = result.kind === "solved" ? `${result.solution.size} packages` : `${lines} report lines in ${reportMs.toFixed(1)} ms`;
      line =
        `${name.padEnd(10)} ${result.kind.padEnd(10)} best ${solveMs.toFixed(1).padStart(6)} ms (first ${first.toFixed(1)} ms); ${size}; ` +
        `iterations ${s.iterations}, decisions ${s.decisions}, conflicts ${s.conflicts}, propagations ${s.propagations}, ` +
        `incompatibilities ${s.incompatibilities}, ${Math.round(s.iterations / (solveMs / 1000))} iterations/s`;
    }
  }
  console.log(line);
}

await bench("wide", { packages: 2000, versions: 30, deps: 3, narrow: 0, rootDeps: 60 }, 1);
await bench("backtrack", { packages: 2000, versions: 30, deps: 3, narrow: 0.15, rootDeps: 60 }, 2);
await bench("deep", { packages: 600, versions: 40, deps: 4, narrow: 0.3, rootDeps: 20 }, 3);
await bench("hard", { packages: 300, versions: 20, deps: 4, narrow: 0.5, rootDeps: 30 }, 4);
await bench("unsolvable", { packages: 300, versions: 20, deps: 4, narrow: 0.7, rootDeps: 30 }, 11);
