// The abstract set-of-versions interface the PubGrub core works with (a concrete range type satisfies it structurally).

/**
 * A set of versions of one package. Implementations are immutable: every operation returns a new set.
 * `S` is the implementing type itself (F-bounded), so operations take and return the concrete type.
 */
export interface VersionSet<V, S> {
  intersect(o: S): S;
  union(o: S): S;
  complement(): S;
  contains(v: V): boolean;
  isEmpty(): boolean;
  /** True when the set contains every version. */
  isAny(): boolean;
  equals(o: S): boolean;
  isSubsetOf(o: S): boolean;
  isDisjoint(o: S): boolean;
  toString(): string;
}

/** Constructors for the version-set type `S`. */
export interface VersionSetFactory<V, S extends VersionSet<V, S>> {
  full(): S;
  empty(): S;
  singleton(v: V): S;
}
