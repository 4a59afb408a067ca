// An incompatibility: a set of terms (at most one per package) that must never all be true, with the reason it holds.
import { Term } from "../term";
import type { VersionSet } from "../version-set";

/** Facts that come from outside the solver (the leaves of a derivation tree). */
export type ExternalCause<V, S, R> =
  /** The root package must be selected at its one version. */
  | { readonly kind: "root"; readonly package: string; readonly version: V }
  /** Every version of `package` in `versions` depends on `dependency` in `dependencyRange`. */
  | {
      readonly kind: "dependency";
      readonly package: string;
      readonly versions: S;
      readonly dependency: string;
      readonly dependencyRange: S;
    }
  /** The provider has no version of `package` in `versions`. */
  | { readonly kind: "no-versions"; readonly package: string; readonly versions: S }
  /** The provider says the versions of `package` in `versions` can't be used, for `reason`. */
  | { readonly kind: "unavailable"; readonly package: string; readonly versions: S; readonly reason: R };

/** Why an incompatibility holds: an external fact, or resolution of two earlier incompatibilities. */
export type IncompatibilityCause<V, S extends VersionSet<V, S>, R> =
  | ExternalCause<V, S, R>
  | {
      readonly kind: "derived";
      readonly cause1: Incompatibility<V, S, R>;
      readonly cause2: Incompatibility<V, S, R>;
    };

export class Incompatibility<V, S extends VersionSet<V, S>, R> {
  constructor(
    /** Unique within one solve; the order of creation. */
    readonly id: number,
    /** Package names, parallel to `terms`, each at most once. */
    readonly packages: readonly string[],
    readonly terms: readonly Term<V, S>[],
    readonly cause: IncompatibilityCause<V, S, R>,
  ) {}

  /** The term about `pkg`, if any. */
  get(pkg: string): Term<V, S> | undefined {
    const i = this.packages.indexOf(pkg);
    return i < 0 ? undefined : this.terms[i];
  }

  /** The failure incompatibility: no terms, or only a positive term on the root containing its version. */
  isTerminal(rootPackage: string, rootVersion: V): boolean {
    if (this.packages.length === 0) return true;
    if (this.packages.length > 1) return false;
    return this.packages[0] === rootPackage && this.terms[0].positive && this.terms[0].contains(rootVersion);
  }

  toString(): string {
    return `{${this.packages.map((p, i) => `${p} ${this.terms[i].toString()}`).join(", ")}}`;
  }
}

/** `{not root ==version}`: the root must be selected. */
export function notRootIncompatibility<V, S extends VersionSet<V, S>, R>(
  id: number,
  pkg: string,
  version: V,
  single: S,
): Incompatibility<V, S, R> {
  return new Incompatibility<V, S, R>(id, [pkg], [new Term<V, S>(false, single)], {
    kind: "root",
    package: pkg,
    version,
  });
}

/** `{pkg versions, not dependency range}`, normalised when the package depends on itself or on nothing. */
export function dependencyIncompatibility<V, S extends VersionSet<V, S>, R>(
  id: number,
  pkg: string,
  versions: S,
  dependency: string,
  range: S,
): Incompatibility<V, S, R> {
  const cause: ExternalCause<V, S, R> = {
    kind: "dependency",
    package: pkg,
    versions,
    dependency,
    dependencyRange: range,
  };
  const depender = new Term<V, S>(true, versions);
  if (dependency === pkg) {
    return new Incompatibility<V, S, R>(id, [pkg], [depender.intersect(new Term<V, S>(false, range))], cause);
  }
  if (range.isEmpty()) return new Incompatibility<V, S, R>(id, [pkg], [depender], cause);
  return new Incompatibility<V, S, R>(id, [pkg, dependency], [depender, new Term<V, S>(false, range)], cause);
}

/** `{pkg versions}` because the provider has no version there. */
export function noVersionsIncompatibility<V, S extends VersionSet<V, S>, R>(
  id: number,
  pkg: string,
  versions: S,
): Incompatibility<V, S, R> {
  return new Incompatibility<V, S, R>(id, [pkg], [new Term<V, S>(true, versions)], {
    kind: "no-versions",
    package: pkg,
    versions,
  });
}

/** `{pkg versions}` because the provider says those versions can't be used. */
export function unavailableIncompatibility<V, S extends VersionSet<V, S>, R>(
  id: number,
  pkg: string,
  versions: S,
  reason: R,
): Incompatibility<V, S, R> {
  return new Incompatibility<V, S, R>(id, [pkg], [new Term<V, S>(true, versions)], {
    kind: "unavailable",
    package: pkg,
    versions,
    reason,
  });
}

/**
 * The prior cause of `incompat` through `satisfierCause` on `pkg` (generalised resolution):
 * `{t1, q}` and `{t2, r}` give `{q, r, t1 ∪ t2}`, dropping `t1 ∪ t2` when it is "any" and
 * intersecting terms on the same package. Positive root terms are dropped from results with
 * more than one term, since the root is always selected.
 */
export function priorCause<V, S extends VersionSet<V, S>, R>(
  id: number,
  incompat: Incompatibility<V, S, R>,
  satisfierCause: Incompatibility<V, S, R>,
  pkg: string,
  rootPackage: string,
): Incompatibility<V, S, R> {
  const packages: string[] = [];
  const terms: Term<V, S>[] = [];
  const add = (p: string, t: Term<V, S>): void => {
    const i = packages.indexOf(p);
    if (i < 0) {
      packages.push(p);
      terms.push(t);
    } else {
      terms[i] = terms[i].intersect(t);
    }
  };
  for (let i = 0; i < incompat.packages.length; i++) {
    if (incompat.packages[i] !== pkg) add(incompat.packages[i], incompat.terms[i]);
  }
  for (let i = 0; i < satisfierCause.packages.length; i++) {
    if (satisfierCause.packages[i] !== pkg) add(satisfierCause.packages[i], satisfierCause.terms[i]);
  }
  const t1 = incompat.get(pkg);
  const t2 = satisfierCause.get(pkg);
  const joined = t1 && t2 ? t1.union(t2) : (t1 ?? t2);
  if (joined && !joined.isAny()) {
    packages.push(pkg);
    terms.push(joined);
  }
  if (packages.length > 1) {
    const r = packages.indexOf(rootPackage);
    if (r >= 0 && terms[r].positive) {
      packages.splice(r, 1);
      terms.splice(r, 1);
    }
  }
  return new Incompatibility<V, S, R>(id, packages, terms, {
    kind: "derived",
    cause1: incompat,
    cause2: satisfierCause,
  });
}
