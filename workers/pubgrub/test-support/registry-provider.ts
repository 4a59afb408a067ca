// Test support: a dependency provider over an in-memory registry of integer versions.
import type { Dependencies, DependencyProvider, PackageStats } from "../dependency-provider";
import { IntRange } from "./int-range";

/** package -> version -> dependency package -> accepted range. */
export type Registry = ReadonlyMap<string, ReadonlyMap<number, ReadonlyMap<string, IntRange>>>;

export interface RegistryProviderOptions {
  /** Versions whose dependencies are "unavailable", with the reason. */
  readonly unavailable?: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /** Answer chooseVersion/getDependencies with promises (every call, or by a deterministic pattern). */
  readonly async?: boolean | ((call: number) => boolean);
  /** Priority policy: pub's "fewest matching versions first" (default) or conflicts first. */
  readonly policy?: "fewest-versions" | "conflicts-first";
  /** Answer versionSpan: facts about a version cover the gap up to the next existing version. */
  readonly spans?: boolean;
  /** Called on every chooseVersion/getDependencies call (for counting and aborting). */
  readonly onCall?: (kind: "choose" | "deps", pkg: string) => void;
}

/** Builds a registry from `{ pkg: { version: { dep: range } } }` with `parse` for versions and ranges. */
export function registryOf(
  spec: Record<string, Record<string, Record<string, string>>>,
  parseVersion: (v: string) => number,
  parseRange: (r: string) => IntRange,
): Registry {
  const out = new Map<string, Map<number, Map<string, IntRange>>>();
  for (const [pkg, versions] of Object.entries(spec)) {
    const vs = new Map<number, Map<string, IntRange>>();
    for (const [v, deps] of Object.entries(versions)) {
      vs.set(parseVersion(v), new Map(Object.entries(deps).map(([d, r]) => [d, parseRange(r)])));
    }
    out.set(pkg, vs);
  }
  return out;
}

export class RegistryProvider implements DependencyProvider<number, IntRange, string> {
  calls = 0;

  constructor(
    readonly registry: Registry,
    readonly options: RegistryProviderOptions = {},
  ) {
    if (options.spans) {
      this.versionSpan = (pkg, version) => {
        const next = this.versionsOf(pkg)
          .filter((v) => v > version)
          .sort((a, b) => a - b)[0];
        return IntRange.of([[version, next ?? Infinity]]);
      };
    }
  }

  private versionsOf(pkg: string): number[] {
    return [...(this.registry.get(pkg)?.keys() ?? [])];
  }

  private wrap<T>(value: T): T | Promise<T> {
    const call = this.calls++;
    const a = this.options.async;
    const useAsync = typeof a === "function" ? a(call) : (a ?? false);
    return useAsync ? Promise.resolve(value) : value;
  }

  prioritize(pkg: string, range: IntRange, stats: PackageStats): number {
    const matching = this.versionsOf(pkg).filter((v) => range.contains(v)).length;
    if (this.options.policy === "conflicts-first") return stats.conflicts * 1000 - matching;
    return -matching;
  }

  chooseVersion(pkg: string, range: IntRange): number | null | Promise<number | null> {
    this.options.onCall?.("choose", pkg);
    const best = this.versionsOf(pkg)
      .filter((v) => range.contains(v))
      .sort((a, b) => b - a)[0];
    return this.wrap(best ?? null);
  }

  /** Only with `spans`: otherwise the solver uses singletons, as for providers without the method. */
  readonly versionSpan?: (pkg: string, version: number) => IntRange;

  getDependencies(pkg: string, version: number): Dependencies<IntRange, string> | Promise<Dependencies<IntRange, string>> {
    this.options.onCall?.("deps", pkg);
    const reason = this.options.unavailable?.get(pkg)?.get(version);
    if (reason !== undefined) return this.wrap({ kind: "unavailable", reason });
    const deps = this.registry.get(pkg)?.get(version);
    if (!deps) throw new Error(`no ${pkg} ${version} in the registry`);
    // Listed by name, as pub does, so that runs are reproducible whatever the registry's key order.
    const sorted = [...deps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return this.wrap({ kind: "available", dependencies: sorted });
  }
}
