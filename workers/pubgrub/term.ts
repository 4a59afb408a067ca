// A PubGrub term: a positive ("pkg is selected at a version in S") or negative ("pkg is not selected at a version in S") statement.
import type { VersionSet, VersionSetFactory } from "./version-set";

/** How a set of assigned terms relates to one term of an incompatibility. */
export type TermRelation = "satisfied" | "contradicted" | "inconclusive";

/**
 * A term about one package (the package name is kept by the owner of the term).
 *
 * - positive `S`: the package is selected, at a version in `S`;
 * - negative `S`: the package is either not selected, or selected at a version outside `S`.
 *
 * Seen as sets of "states" of a package (unselected, or one version), `negative S` is the
 * complement of `positive S`. `negative ∅` is therefore "anything" and `positive ∅` is "nothing".
 */
export class Term<V, S extends VersionSet<V, S>> {
  constructor(
    readonly positive: boolean,
    readonly set: S,
  ) {}

  static any<V, S extends VersionSet<V, S>>(f: VersionSetFactory<V, S>): Term<V, S> {
    return new Term<V, S>(false, f.empty());
  }

  static exact<V, S extends VersionSet<V, S>>(f: VersionSetFactory<V, S>, v: V): Term<V, S> {
    return new Term<V, S>(true, f.singleton(v));
  }

  /** The term allowing every state of the package (never stored in an incompatibility). */
  isAny(): boolean {
    return !this.positive && this.set.isEmpty();
  }

  /** The term allowing no state at all. */
  isEmpty(): boolean {
    return this.positive && this.set.isEmpty();
  }

  negate(): Term<V, S> {
    return new Term<V, S>(!this.positive, this.set);
  }

  /** Whether selecting version `v` makes this term true. */
  contains(v: V): boolean {
    return this.positive === this.set.contains(v);
  }

  intersect(o: Term<V, S>): Term<V, S> {
    if (this.positive) {
      return o.positive
        ? new Term<V, S>(true, this.set.intersect(o.set))
        : new Term<V, S>(true, this.set.intersect(o.set.complement()));
    }
    return o.positive
      ? new Term<V, S>(true, o.set.intersect(this.set.complement()))
      : new Term<V, S>(false, this.set.union(o.set));
  }

  union(o: Term<V, S>): Term<V, S> {
    if (this.positive) {
      return o.positive
        ? new Term<V, S>(true, this.set.union(o.set))
        : new Term<V, S>(false, o.set.intersect(this.set.complement()));
    }
    return o.positive
      ? new Term<V, S>(false, this.set.intersect(o.set.complement()))
      : new Term<V, S>(false, this.set.intersect(o.set));
  }

  /** `this ⊆ o`: whenever this term is true, `o` is true. */
  isSubsetOf(o: Term<V, S>): boolean {
    if (this.positive) return o.positive ? this.set.isSubsetOf(o.set) : this.set.isDisjoint(o.set);
    // A negative term allows "unselected", which no positive term allows.
    return o.positive ? false : o.set.isSubsetOf(this.set);
  }

  /** `this ∩ o = ∅`: the two terms can never both be true. */
  isDisjoint(o: Term<V, S>): boolean {
    if (this.positive) return o.positive ? this.set.isDisjoint(o.set) : this.set.isSubsetOf(o.set);
    // Two negative terms are both true when the package is unselected.
    return o.positive ? o.set.isSubsetOf(this.set) : false;
  }

  /** How the (intersection of the) assigned term `assigned` relates to this term. */
  relation(assigned: Term<V, S>): TermRelation {
    if (assigned.isSubsetOf(this)) return "satisfied";
    if (assigned.isDisjoint(this)) return "contradicted";
    return "inconclusive";
  }

  equals(o: Term<V, S>): boolean {
    return this.positive === o.positive && this.set.equals(o.set);
  }

  toString(): string {
    return this.positive ? this.set.toString() : `not ${this.set.toString()}`;
  }
}
