// The PubGrub solver: unit propagation, conflict resolution with backjumping, and decision making.
import type { Dependencies, DependencyProvider } from "./dependency-provider";
import { buildDerivationTree } from "./derivation-tree";
import type { DerivationTree } from "./derivation-tree";
import {
  dependencyIncompatibility,
  noVersionsIncompatibility,
  notRootIncompatibility,
  priorCause,
  unavailableIncompatibility,
} from "./internal/incompatibility";
import type { Incompatibility } from "./internal/incompatibility";
import { CONTRADICTED, PartialSolution, SATISFIED } from "./internal/partial-solution";
import type { VersionSet, VersionSetFactory } from "./version-set";

/** Counters describing the work done by one solve. */
export interface SolveStats {
  /** Main-loop iterations (one unit propagation and one decision attempt each). */
  readonly iterations: number;
  readonly decisions: number;
  /** Conflicts found (each followed by conflict resolution). */
  readonly conflicts: number;
  /** Derivations added by unit propagation. */
  readonly propagations: number;
  /** Backjumps performed by conflict resolution. */
  readonly backtracks: number;
  /** Incompatibilities known to the solver (external and learned). */
  readonly incompatibilities: number;
  readonly chooseVersionCalls: number;
  readonly getDependenciesCalls: number;
}

export interface SolveOptions<V, S extends VersionSet<V, S>, R> {
  readonly rootPackage: string;
  readonly rootVersion: V;
  readonly provider: DependencyProvider<V, S, R>;
  readonly versionSets: VersionSetFactory<V, S>;
  /** Checked at every iteration and after every awaited provider answer. */
  readonly signal?: { readonly aborted: boolean };
  /**
   * Called every `progressInterval` iterations with the counters so far. A returned promise is
   * awaited, which lets the caller yield to its event loop during long synchronous solves.
   */
  readonly onProgress?: (stats: SolveStats) => void | Promise<void>;
  /** Iterations between `onProgress` calls (default 100). */
  readonly progressInterval?: number;
  /** Identity of a version, to ask each package version's dependencies once (default `String`). */
  readonly versionKey?: (v: V) => string;
}

export type SolveResult<V, S, R> =
  /** Decided versions in decision order, the root first. */
  | { readonly kind: "solved"; readonly solution: Map<string, V>; readonly stats: SolveStats }
  /** No solution; `tree` proves it. */
  | { readonly kind: "unsolvable"; readonly tree: DerivationTree<V, S, R>; readonly stats: SolveStats }
  /** The signal was aborted. */
  | { readonly kind: "cancelled"; readonly stats: SolveStats };

interface MutableStats {
  iterations: number;
  decisions: number;
  conflicts: number;
  propagations: number;
  backtracks: number;
  incompatibilities: number;
  chooseVersionCalls: number;
  getDependenciesCalls: number;
}

interface MutablePackageStats {
  conflicts: number;
  unitPropagationAffected: number;
  unitPropagationCulprit: number;
  dependenciesAffected: number;
  dependenciesCulprit: number;
  backtracked: number;
}

type Counter = "unitPropagationAffected" | "unitPropagationCulprit" | "dependenciesAffected" | "dependenciesCulprit";

function isPromise<T>(x: T | Promise<T>): x is Promise<T> {
  return x instanceof Promise;
}

/** The solver's state: the incompatibility index, the partial solution and the statistics. */
class State<V, S extends VersionSet<V, S>, R> {
  readonly ps: PartialSolution<V, S, R>;
  readonly stats: MutableStats = {
    iterations: 0,
    decisions: 0,
    conflicts: 0,
    propagations: 0,
    backtracks: 0,
    incompatibilities: 0,
    chooseVersionCalls: 0,
    getDependenciesCalls: 0,
  };
  private readonly byPackage = new Map<string, Incompatibility<V, S, R>[]>();
  /** Dependency incompatibilities by "depender\0dependency", for merging equal dependencies of several versions. */
  private readonly dependencyIndex = new Map<string, Incompatibility<V, S, R>[]>();
  /** Per incompatibility id: the level (and that level's serial) at which it became contradicted. */
  private readonly contradictedLevel: number[] = [];
  private readonly contradictedSerial: number[] = [];
  private readonly packageStats = new Map<string, MutablePackageStats>();
  private nextId = 0;

  constructor(
    readonly rootPackage: string,
    readonly rootVersion: V,
    readonly sets: VersionSetFactory<V, S>,
  ) {
    this.ps = new PartialSolution<V, S, R>(sets);
    this.ps.register(rootPackage);
  }

  newId(): number {
    this.contradictedLevel.push(-1);
    this.contradictedSerial.push(-1);
    return this.nextId++;
  }

  statsFor(pkg: string): MutablePackageStats {
    let s = this.packageStats.get(pkg);
    if (!s) {
      s = {
        conflicts: 0,
        unitPropagationAffected: 0,
        unitPropagationCulprit: 0,
        dependenciesAffected: 0,
        dependenciesCulprit: 0,
        backtracked: 0,
      };
      this.packageStats.set(pkg, s);
    }
    return s;
  }

  private bump(pkg: string, counter: Counter): void {
    const s = this.statsFor(pkg);
    s[counter]++;
    s.conflicts++;
    this.ps.markDirty(pkg);
  }

  /** Counts a conflict: `affected` lost a version because of the other packages of `incompat`. */
  recordConflict(affected: string, incompat: Incompatibility<V, S, R>, kind: "unitPropagation" | "dependencies"): void {
    this.bump(affected, kind === "unitPropagation" ? "unitPropagationAffected" : "dependenciesAffected");
    for (const p of incompat.packages) {
      if (p !== affected) this.bump(p, kind === "unitPropagation" ? "unitPropagationCulprit" : "dependenciesCulprit");
    }
  }

  addIncompatibility(inc: Incompatibility<V, S, R>): void {
    this.stats.incompatibilities++;
    for (const p of inc.packages) {
      const list = this.byPackage.get(p);
      if (list) list.push(inc);
      else this.byPackage.set(p, [inc]);
    }
  }

  private unindex(inc: Incompatibility<V, S, R>): void {
    for (const p of inc.packages) {
      const list = this.byPackage.get(p);
      const i = list ? list.lastIndexOf(inc) : -1;
      if (list && i >= 0) list.splice(i, 1);
    }
  }

  /**
   * Adds `pkg version`'s dependencies. A dependency equal to one of another version of `pkg` is
   * merged into it (`{pkg a ∪ b, not dep r}`), so the solver reasons about many versions at once.
   * Returns the incompatibilities now standing for these dependencies.
   */
  addDependencies(pkg: string, version: V, deps: Iterable<readonly [string, S]>, span?: S): Incompatibility<V, S, R>[] {
    const single = span ?? this.sets.singleton(version);
    const out: Incompatibility<V, S, R>[] = [];
    for (const [dep, range] of deps) {
      this.ps.register(dep);
      let inc = dependencyIncompatibility<V, S, R>(this.newId(), pkg, single, dep, range);
      if (inc.packages.length === 2) {
        const key = `${pkg}\u0000${dep}`;
        const same = this.dependencyIndex.get(key);
        if (!same) {
          this.dependencyIndex.set(key, [inc]);
        } else {
          const i = same.findIndex(
            (o) => o.cause.kind === "dependency" && o.cause.dependencyRange.equals(range),
          );
          if (i < 0) {
            same.push(inc);
          } else {
            const old = same[i];
            if (old.cause.kind !== "dependency") throw new Error("pubgrub: bad dependency index");
            inc = dependencyIncompatibility<V, S, R>(this.newId(), pkg, old.cause.versions.union(single), dep, range);
            this.unindex(old);
            same[i] = inc;
          }
        }
      }
      this.addIncompatibility(inc);
      out.push(inc);
    }
    return out;
  }

  private markContradicted(inc: Incompatibility<V, S, R>): void {
    const level = this.ps.decisionLevel;
    this.contradictedLevel[inc.id] = level;
    this.contradictedSerial[inc.id] = this.ps.serialOf(level);
  }

  private isContradicted(inc: Incompatibility<V, S, R>): boolean {
    const level = this.contradictedLevel[inc.id];
    return level >= 0 && this.ps.serialOf(level) === this.contradictedSerial[inc.id];
  }

  /** Unit propagation from `pkg`. Returns the terminal incompatibility if solving has failed. */
  unitPropagation(pkg: string): Incompatibility<V, S, R> | null {
    const buffer: string[] = [pkg];
    while (buffer.length > 0) {
      const current = buffer.pop() as string;
      const list = this.byPackage.get(current);
      if (!list) continue;
      let conflict: Incompatibility<V, S, R> | null = null;
      // Newest first: learned incompatibilities tend to be the most general.
      for (let i = list.length - 1; i >= 0; i--) {
        const inc = list[i];
        if (this.isContradicted(inc)) continue;
        const r = this.ps.relation(inc);
        if (r === SATISFIED) {
          conflict = inc;
          break;
        }
        if (r >= 0) {
          const open = inc.packages[r];
          this.ps.addDerivation(open, inc.terms[r].negate(), inc);
          this.stats.propagations++;
          this.markContradicted(inc);
          buffer.push(open);
        } else if (r === CONTRADICTED) {
          this.markContradicted(inc);
        }
      }
      if (conflict) {
        const resolved = this.conflictResolution(conflict);
        if ("terminal" in resolved) return resolved.terminal;
        const { pkg: open, incompat } = resolved;
        const index = incompat.packages.indexOf(open);
        if (this.ps.relation(incompat) !== index) {
          throw new Error(`pubgrub: learned ${incompat.toString()} is not almost satisfied after backjumping`);
        }
        this.ps.addDerivation(open, incompat.terms[index].negate(), incompat);
        this.stats.propagations++;
        this.markContradicted(incompat);
        this.recordConflict(open, incompat, "unitPropagation");
        buffer.length = 0;
        buffer.push(open);
      }
    }
    return null;
  }

  /**
   * Finds the root cause of the conflict `incompat` and backjumps to where it becomes almost
   * satisfied; returns it and its open package, or the terminal incompatibility on failure.
   */
  private conflictResolution(
    incompat: Incompatibility<V, S, R>,
  ): { terminal: Incompatibility<V, S, R> } | { pkg: string; incompat: Incompatibility<V, S, R> } {
    this.stats.conflicts++;
    let current = incompat;
    let learned = false;
    for (;;) {
      if (current.isTerminal(this.rootPackage, this.rootVersion)) return { terminal: current };
      const { pkg, satisfier, previousLevel } = this.ps.satisfierSearch(current);
      if (satisfier.cause === null || previousLevel < satisfier.level) {
        this.stats.backtracks++;
        for (const p of this.ps.backtrack(previousLevel)) this.statsFor(p).backtracked++;
        if (learned) this.addIncompatibility(current);
        return { pkg, incompat: current };
      }
      current = priorCause(this.newId(), current, satisfier.cause, pkg, this.rootPackage);
      learned = true;
    }
  }
}

/** Solves the dependencies of `rootPackage` at `rootVersion`. */
export async function solve<V, S extends VersionSet<V, S>, R>(
  options: SolveOptions<V, S, R>,
): Promise<SolveResult<V, S, R>> {
  const { rootPackage, rootVersion, provider, versionSets, signal, onProgress } = options;
  const interval = Math.max(1, options.progressInterval ?? 100);
  const versionKey = options.versionKey ?? ((v: V) => String(v));
  const state = new State<V, S, R>(rootPackage, rootVersion, versionSets);
  const { ps, stats } = state;
  const snapshot = (): SolveStats => ({ ...stats });
  const cancelled = (): SolveResult<V, S, R> => ({ kind: "cancelled", stats: snapshot() });
  const asked = new Set<string>();
  const priority = (pkg: string, range: S): number =>
    pkg === rootPackage ? Infinity : provider.prioritize(pkg, range, state.statsFor(pkg));

  state.addIncompatibility(notRootIncompatibility<V, S, R>(state.newId(), rootPackage, rootVersion, versionSets.singleton(rootVersion)));
  let next = rootPackage;
  for (;;) {
    if (signal?.aborted) return cancelled();
    stats.iterations++;
    if (onProgress && stats.iterations % interval === 0) {
      const r = onProgress(snapshot());
      if (r) await r;
      if (signal?.aborted) return cancelled();
    }

    const terminal = state.unitPropagation(next);
    if (terminal) {
      return { kind: "unsolvable", tree: buildDerivationTree(terminal, rootPackage, rootVersion), stats: snapshot() };
    }

    if (provider.beforePrioritize) {
      const ready = provider.beforePrioritize(ps.toPrioritize());
      if (ready) await ready;
      if (signal?.aborted) return cancelled();
    }
    const pick = ps.pickHighestPriority(priority);
    if (!pick) return { kind: "solved", solution: ps.extractSolution(), stats: snapshot() };
    const { pkg, range } = pick;
    next = pkg;

    let version: V | null;
    if (pkg === rootPackage) {
      version = rootVersion;
    } else {
      stats.chooseVersionCalls++;
      const chosen = provider.chooseVersion(pkg, range);
      version = isPromise(chosen) ? await chosen : chosen;
      if (signal?.aborted) return cancelled();
    }
    if (version === null) {
      state.addIncompatibility(noVersionsIncompatibility<V, S, R>(state.newId(), pkg, range));
      ps.markDirty(pkg);
      continue;
    }
    const v: V = version;
    if (!range.contains(v)) {
      throw new Error(`pubgrub: chooseVersion(${pkg}) returned ${String(v)}, which is not in ${range.toString()}`);
    }

    const key = `${pkg}\u0000${versionKey(v)}`;
    if (!asked.has(key)) {
      asked.add(key);
      stats.getDependenciesCalls++;
      const answer = provider.getDependencies(pkg, v);
      const deps: Dependencies<S, R> = isPromise(answer) ? await answer : answer;
      if (signal?.aborted) return cancelled();
      const span = provider.versionSpan?.(pkg, v);
      if (deps.kind === "unavailable") {
        state.addIncompatibility(
          unavailableIncompatibility<V, S, R>(state.newId(), pkg, span ?? versionSets.singleton(v), deps.reason),
        );
        ps.markDirty(pkg);
        continue;
      }
      const added = state.addDependencies(pkg, v, deps.dependencies, span);
      // Deciding would satisfy one of the new incompatibilities: leave it to unit propagation.
      const conflict = added.find((inc) => ps.satisfiedIfDecided(inc, pkg, v));
      if (conflict) {
        state.recordConflict(pkg, conflict, "dependencies");
        ps.markDirty(pkg);
        continue;
      }
    }
    ps.addDecision(pkg, v);
    stats.decisions++;
  }
}
