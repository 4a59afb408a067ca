// The partial solution: decisions and derivations per package, by decision level, with satisfier search and backjumping.
import type { Incompatibility } from "./incompatibility";
import { PackageHeap } from "./package-heap";
import { Term } from "../term";
import type { VersionSet, VersionSetFactory } from "../version-set";

/** Results of `PartialSolution.relation`; an index >= 0 means "almost satisfied, that term is open". */
export const SATISFIED = -1;
export const CONTRADICTED = -2;
export const INCONCLUSIVE = -3;

/** One decision (`cause` null, `term` exact) or derivation, with the running intersection for its package. */
export interface Assignment<V, S extends VersionSet<V, S>, R> {
  /** Position in the whole partial solution (only grows). */
  readonly globalIndex: number;
  readonly level: number;
  readonly cause: Incompatibility<V, S, R> | null;
  readonly term: Term<V, S>;
  /** Intersection of this package's assignments up to and including this one. */
  readonly accumulated: Term<V, S>;
}

interface PackageAssignments<V, S extends VersionSet<V, S>, R> {
  readonly list: Assignment<V, S, R>[];
  /** `list`'s last accumulated term. */
  current: Term<V, S>;
  decided: boolean;
  version: V | undefined;
}

/** What conflict resolution needs to know about the assignment that completed a conflict. */
export interface SatisfierSearch<V, S extends VersionSet<V, S>, R> {
  readonly pkg: string;
  readonly satisfier: Assignment<V, S, R>;
  /** Level of the previous satisfier, at least 1 (the root decision's level). */
  readonly previousLevel: number;
}

/** First index in [lo, hi) where `pred` holds, for a predicate that is false then true. */
function firstTrue(lo: number, hi: number, pred: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class PartialSolution<V, S extends VersionSet<V, S>, R> {
  private readonly packages = new Map<string, PackageAssignments<V, S, R>>();
  /** decisions[level] is the package decided at that level (index 0 unused). */
  private readonly decisions: string[] = [""];
  /** touched[level] lists packages that got an assignment at that level (with repeats). */
  private readonly touched: string[][] = [[]];
  /** serials[level] identifies the decision that opened the level, unique over the solve. */
  private readonly serials: number[] = [0];
  private nextSerial = 1;
  private nextGlobalIndex = 0;
  private level = 0;

  /** First-seen order, for deterministic tie-breaking between equal priorities. */
  private readonly order = new Map<string, number>();
  /** Packages whose priority must be (re)computed before the next pick. */
  private readonly pending = new Set<string>();
  private readonly stamps = new Map<string, number>();
  private readonly heap = new PackageHeap();

  constructor(private readonly sets: VersionSetFactory<V, S>) {}

  get decisionLevel(): number {
    return this.level;
  }

  /** Identifier of the decision that opened `level`, or -1 if that level is not current. */
  serialOf(level: number): number {
    return level <= this.level ? this.serials[level] : -1;
  }

  /** Records `pkg`'s first-seen position (for tie-breaking) if it has none. */
  register(pkg: string): void {
    if (!this.order.has(pkg)) this.order.set(pkg, this.order.size);
  }

  /** The intersection of all terms assigned to `pkg`, or undefined if none. */
  termFor(pkg: string): Term<V, S> | undefined {
    return this.packages.get(pkg)?.current;
  }

  addDecision(pkg: string, version: V): void {
    const pa = this.packages.get(pkg);
    if (!pa || pa.decided) throw new Error(`pubgrub: cannot decide ${pkg}: no pending positive derivation`);
    this.level++;
    this.decisions[this.level] = pkg;
    this.touched[this.level] = [pkg];
    this.serials[this.level] = this.nextSerial++;
    const term = Term.exact(this.sets, version);
    pa.list.push({ globalIndex: this.nextGlobalIndex++, level: this.level, cause: null, term, accumulated: term });
    pa.current = term;
    pa.decided = true;
    pa.version = version;
  }

  /** Adds `term` for `pkg` as derived from `cause`. */
  addDerivation(pkg: string, term: Term<V, S>, cause: Incompatibility<V, S, R>): void {
    let pa = this.packages.get(pkg);
    let accumulated = term;
    if (pa) {
      if (pa.decided) throw new Error(`pubgrub: derivation for decided package ${pkg}`);
      accumulated = pa.current.intersect(term);
    } else {
      this.register(pkg);
      pa = { list: [], current: term, decided: false, version: undefined };
      this.packages.set(pkg, pa);
    }
    pa.list.push({ globalIndex: this.nextGlobalIndex++, level: this.level, cause, term, accumulated });
    pa.current = accumulated;
    this.touched[this.level].push(pkg);
    if (accumulated.positive) this.pending.add(pkg);
  }

  /** Relation of `incompat` with the partial solution: SATISFIED, CONTRADICTED, INCONCLUSIVE or the open term's index. */
  relation(incompat: Incompatibility<V, S, R>): number {
    let open = SATISFIED;
    const pkgs = incompat.packages;
    const terms = incompat.terms;
    for (let i = 0; i < pkgs.length; i++) {
      const pa = this.packages.get(pkgs[i]);
      const t = terms[i];
      let r: number;
      if (pa === undefined) r = INCONCLUSIVE;
      else if (pa.decided) r = t.contains(pa.version as V) ? SATISFIED : CONTRADICTED;
      else if (pa.current.isSubsetOf(t)) r = SATISFIED;
      else if (pa.current.isDisjoint(t)) r = CONTRADICTED;
      else r = INCONCLUSIVE;
      if (r === SATISFIED) continue;
      if (r === CONTRADICTED) return CONTRADICTED;
      if (open !== SATISFIED) return INCONCLUSIVE;
      open = i;
    }
    return open;
  }

  /** Whether deciding `pkg` at `version` would make `incompat` satisfied. */
  satisfiedIfDecided(incompat: Incompatibility<V, S, R>, pkg: string, version: V): boolean {
    const pkgs = incompat.packages;
    for (let i = 0; i < pkgs.length; i++) {
      const t = incompat.terms[i];
      if (pkgs[i] === pkg) {
        if (!t.contains(version)) return false;
        continue;
      }
      const pa = this.packages.get(pkgs[i]);
      if (pa === undefined) return false;
      if (pa.decided ? !t.contains(pa.version as V) : !pa.current.isSubsetOf(t)) return false;
    }
    return true;
  }

  /**
   * Finds the satisfier of a satisfied incompatibility (the earliest assignment after which it is
   * satisfied) and the decision level of the previous satisfier (the earliest assignment such that
   * it and the satisfier together satisfy it).
   */
  satisfierSearch(incompat: Incompatibility<V, S, R>): SatisfierSearch<V, S, R> {
    const n = incompat.packages.length;
    const found: Assignment<V, S, R>[] = new Array<Assignment<V, S, R>>(n);
    const foundAt: number[] = new Array<number>(n);
    let sat = -1;
    for (let i = 0; i < n; i++) {
      const pa = this.packages.get(incompat.packages[i]);
      const t = incompat.terms[i];
      if (!pa) throw new Error(`pubgrub: satisfier search on unassigned package ${incompat.packages[i]}`);
      const list = pa.list;
      const idx = firstTrue(0, list.length, (j) => list[j].accumulated.isSubsetOf(t));
      if (idx === list.length) throw new Error(`pubgrub: ${incompat.toString()} is not satisfied`);
      found[i] = list[idx];
      foundAt[i] = idx;
      if (sat < 0 || list[idx].globalIndex > found[sat].globalIndex) sat = i;
    }
    let prevIndex = -1;
    let prevLevel = 0;
    for (let i = 0; i < n; i++) {
      if (i !== sat && found[i].globalIndex > prevIndex) {
        prevIndex = found[i].globalIndex;
        prevLevel = found[i].level;
      }
    }
    const pkg = incompat.packages[sat];
    const satisfier = found[sat];
    const t = incompat.terms[sat];
    if (!satisfier.term.isSubsetOf(t)) {
      // The satisfier needs earlier assignments of its own package to satisfy `t`.
      const list = (this.packages.get(pkg) as PackageAssignments<V, S, R>).list;
      const j = firstTrue(0, foundAt[sat], (k) => list[k].accumulated.intersect(satisfier.term).isSubsetOf(t));
      if (j < foundAt[sat] && list[j].globalIndex > prevIndex) prevLevel = list[j].level;
    }
    return { pkg, satisfier, previousLevel: Math.max(prevLevel, 1) };
  }

  /** Removes every assignment above `level`. Returns the packages whose decisions were undone. */
  backtrack(level: number): string[] {
    const undone: string[] = [];
    for (let lvl = this.level; lvl > level; lvl--) {
      for (const pkg of this.touched[lvl]) {
        const pa = this.packages.get(pkg);
        if (!pa) continue;
        const list = pa.list;
        while (list.length > 0 && list[list.length - 1].level > level) {
          if ((list.pop() as Assignment<V, S, R>).cause === null) {
            pa.decided = false;
            pa.version = undefined;
            undone.push(pkg);
          }
        }
        if (list.length === 0) {
          this.packages.delete(pkg);
        } else {
          pa.current = list[list.length - 1].accumulated;
          this.pending.add(pkg);
        }
      }
    }
    this.decisions.length = level + 1;
    this.touched.length = level + 1;
    this.serials.length = level + 1;
    this.level = level;
    return undone;
  }

  /** Asks for `pkg`'s priority to be recomputed before the next pick (its statistics changed). */
  markDirty(pkg: string): void {
    if (this.packages.has(pkg)) this.pending.add(pkg);
  }

  /** The undecided packages whose priority the next pick computes (new or changed since their last one). */
  toPrioritize(): string[] {
    return [...this.pending].filter((pkg) => this.isCandidate(pkg) !== undefined);
  }

  private isCandidate(pkg: string): PackageAssignments<V, S, R> | undefined {
    const pa = this.packages.get(pkg);
    return pa && !pa.decided && pa.current.positive ? pa : undefined;
  }

  /**
   * The undecided package with a positive derivation of highest priority, or null when every
   * such package is decided (the partial solution is then a total solution). The returned
   * package's cached priority is consumed: mark it dirty if it is not decided next.
   */
  pickHighestPriority(priority: (pkg: string, range: S) => number): { pkg: string; range: S } | null {
    for (const pkg of this.pending) {
      const pa = this.isCandidate(pkg);
      if (!pa) continue;
      const p = priority(pkg, pa.current.set);
      const stamp = (this.stamps.get(pkg) ?? 0) + 1;
      this.stamps.set(pkg, stamp);
      this.heap.push({ pkg, priority: Number.isNaN(p) ? -Infinity : p, order: this.order.get(pkg) ?? 0, stamp });
    }
    this.pending.clear();
    for (;;) {
      const top = this.heap.pop();
      if (!top) return null;
      if (this.stamps.get(top.pkg) !== top.stamp) continue;
      const pa = this.isCandidate(top.pkg);
      if (pa) return { pkg: top.pkg, range: pa.current.set };
    }
  }

  /** The decided versions, in decision order. */
  extractSolution(): Map<string, V> {
    const solution = new Map<string, V>();
    for (let lvl = 1; lvl <= this.level; lvl++) {
      const pkg = this.decisions[lvl];
      solution.set(pkg, (this.packages.get(pkg) as PackageAssignments<V, S, R>).version as V);
    }
    return solution;
  }
}
