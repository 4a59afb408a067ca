// A range-shortening hook built from the list of versions that exist: the simplest set with the same existing versions.
import type { VersionSet, VersionSetFactory } from "../version-set";

export interface VersionListShortenerOptions<V, S extends VersionSet<V, S>> {
  /** Every version of `pkg` that exists (any order), or undefined to leave its sets alone. */
  readonly versions: (pkg: string) => readonly V[] | undefined;
  readonly compare: (a: V, b: V) => number;
  readonly sets: VersionSetFactory<V, S>;
  /** The set of versions `>= v`, or null when no simple bound exists at `v` (the run is then listed version by version). */
  readonly atLeast: (v: V) => S | null;
  /** The set of versions `< v`, or null when no simple bound exists at `v` (the run is then listed version by version). */
  readonly lessThan: (v: V) => S | null;
}

/**
 * Returns `(pkg, set) => set'` where `set'` contains exactly the same existing versions as `set`,
 * written as simply as pub writes version ranges: each run of consecutive existing versions in
 * `set` becomes `>=first <next` (the next existing version after the run), dropping the lower
 * bound when the run starts at the oldest version and the upper bound when it ends at the newest;
 * a single version inside the list stays a single version. A run whose bound cannot be written
 * simply (the hooks return null, e.g. at a local version `2.0.0+foo`, which no `<` or `>=` may name)
 * is written as its versions. A set containing every existing version becomes the full set; one
 * containing none is returned unchanged.
 */
export function versionListShortener<V, S extends VersionSet<V, S>>(
  options: VersionListShortenerOptions<V, S>,
): (pkg: string, set: S) => S {
  const sorted = new Map<string, readonly V[] | undefined>();
  const known = (pkg: string): readonly V[] | undefined => {
    if (!sorted.has(pkg)) {
      const list = options.versions(pkg);
      sorted.set(
        pkg,
        list && [...list].sort(options.compare).filter((v, i, a) => i === 0 || options.compare(a[i - 1], v) !== 0),
      );
    }
    return sorted.get(pkg);
  };
  return (pkg, set) => {
    const list = known(pkg);
    if (!list || list.length === 0) return set;
    const inside = list.map((v) => set.contains(v));
    if (!inside.includes(true)) return set;
    if (!inside.includes(false)) return options.sets.full();
    const last = list.length - 1;
    let out = options.sets.empty();
    for (let i = 0; i <= last; i++) {
      if (!inside[i]) continue;
      let j = i;
      while (j < last && inside[j + 1]) j++;
      let piece: S | null = null;
      if (!(i === j && i > 0 && j < last)) {
        const lower = i > 0 ? options.atLeast(list[i]) : options.sets.full();
        const upper = j < last ? options.lessThan(list[j + 1]) : options.sets.full();
        if (lower !== null && upper !== null) piece = lower.intersect(upper);
      }
      if (piece === null) {
        piece = options.sets.empty();
        for (let k = i; k <= j; k++) piece = piece.union(options.sets.singleton(list[k]));
      }
      out = out.union(piece);
      i = j;
    }
    return out;
  };
}
