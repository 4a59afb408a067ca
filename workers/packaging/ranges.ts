// VersionRange: an immutable, normalised union of disjoint intervals over PEP 440 versions (the solver's version sets).
import {
  type Version,
  MIN_VERSION,
  SentinelKind,
  afterLocals,
  compareVersions,
  incrementNumber,
  publicVersion,
  versionFromParts,
  versionParts,
} from "./version";

/**
 * A cut of the version line: just below (`after: false`) or just above (`after: true`) every version
 * equal to `v`. Cuts are normalised so that two cuts with no real version between them are identical:
 * sentinels that have a real successor become "before successor", and the one kind without one (the
 * "largest version of a release", afterPosts of a final release) is always stored with `after: false`.
 */
export interface Cut {
  readonly v: Version;
  readonly after: boolean;
}

function compareCuts(a: Cut, b: Cut): number {
  const c = compareVersions(a.v, b.v);
  if (c !== 0) return c;
  return a.after === b.after ? 0 : a.after ? 1 : -1;
}

/**
 * Whether two cut lists (with their membership below the first cut) share a segment: the walk of `merge` for an
 * intersection, stopping at the first common segment instead of building the result. The solver asks this for
 * every incompatibility it propagates, so it must not allocate.
 */
function overlaps(a: readonly Cut[], inA: boolean, b: readonly Cut[], inB: boolean): boolean {
  if (inA && inB) return true;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length) {
      inA = !inA;
      i++;
    } else if (i >= a.length) {
      inB = !inB;
      j++;
    } else {
      const c = compareCuts(a[i], b[j]);
      if (c <= 0) {
        inA = !inA;
        i++;
      }
      if (c >= 0) {
        inB = !inB;
        j++;
      }
    }
    if (inA && inB) return true;
  }
  return false;
}

/** Whether real version x lies above the cut. */
function isAbove(x: Version, cut: Cut): boolean {
  const c = compareVersions(x, cut.v);
  return c > 0 || (c === 0 && !cut.after);
}

/** The first real version after every version equal to v and all of v's local versions. */
function successorOfLocals(v: Version): Version {
  const p = versionParts(publicVersion(v));
  if (p.dev !== null) return versionFromParts({ ...p, local: null, dev: incrementNumber(p.dev) });
  if (p.post !== null) return versionFromParts({ ...p, local: null, post: incrementNumber(p.post), dev: 0 });
  return versionFromParts({ ...p, local: null, post: 0, dev: 0 });
}

function makeCut(v: Version, after: boolean): Cut {
  if (v.sentinel === SentinelKind.AfterLocals) return { v: successorOfLocals(v), after: false };
  if (v.sentinel === SentinelKind.AfterPosts) {
    if (v.pre !== null) {
      // After every X.aN.postM comes X.a(N+1).dev0.
      const p = versionParts(v);
      const pre = p.pre as readonly ["a" | "b" | "rc", string | number];
      return { v: versionFromParts({ epoch: p.epoch, release: p.release, pre: [pre[0], incrementNumber(pre[1])], dev: 0 }), after: false };
    }
    return { v, after: false };
  }
  return { v, after };
}

function isBeforeMin(cut: Cut): boolean {
  return !cut.after && compareVersions(cut.v, MIN_VERSION) === 0;
}

/**
 * An immutable set of versions: a union of disjoint intervals whose bounds may be sentinels
 * (see version.ts). Structurally a `VersionSet<Version, VersionRange>` for the PubGrub solver.
 * Normalised: equal sets have equal representations, so `equals` is exact.
 */
export class VersionRange {
  /** Whether versions below the first cut (towards -infinity) are in the set. */
  private readonly startsInside: boolean;
  /** Strictly increasing cuts; each one toggles membership. */
  private readonly cuts: readonly Cut[];

  private constructor(startsInside: boolean, cuts: readonly Cut[]) {
    // A cut just below the smallest version (0.dev0) is the same as -infinity.
    if (cuts.length > 0 && isBeforeMin(cuts[0])) {
      this.startsInside = !startsInside;
      this.cuts = cuts.slice(1);
    } else {
      this.startsInside = startsInside;
      this.cuts = cuts;
    }
  }

  private static readonly FULL = new VersionRange(true, []);
  private static readonly EMPTY = new VersionRange(false, []);

  /** Every version. */
  static full(): VersionRange {
    return VersionRange.FULL;
  }

  /** No version. */
  static empty(): VersionRange {
    return VersionRange.EMPTY;
  }

  /** Exactly v (and versions equal to it such as 1.0.0 for 1.0), not its local versions; a sentinel gives the empty set. */
  static singleton(v: Version): VersionRange {
    if (v.sentinel !== SentinelKind.None) return VersionRange.EMPTY;
    return new VersionRange(false, [
      { v, after: false },
      { v, after: true },
    ]);
  }

  /** Versions >= v (inclusive) or > v (exclusive), in packaging's order; v may be a sentinel. */
  static lowerBounded(v: Version, inclusive: boolean): VersionRange {
    return new VersionRange(false, [makeCut(v, !inclusive)]);
  }

  /** Versions <= v (inclusive) or < v (exclusive), in packaging's order; v may be a sentinel. */
  static upperBounded(v: Version, inclusive: boolean): VersionRange {
    return new VersionRange(true, [makeCut(v, inclusive)]);
  }

  /** Versions between lo and hi with the given inclusivity (empty when lo is above hi). */
  static between(lo: Version, loInclusive: boolean, hi: Version, hiInclusive: boolean): VersionRange {
    return VersionRange.lowerBounded(lo, loInclusive).intersect(VersionRange.upperBounded(hi, hiInclusive));
  }

  /** Every version from this set's lowest one upwards: its upper bounds and holes dropped (full when unbounded below). */
  withoutUpperBound(): VersionRange {
    if (this.startsInside) return VersionRange.FULL;
    if (this.cuts.length === 0) return VersionRange.EMPTY;
    return new VersionRange(false, [this.cuts[0]]);
  }

  /** Versions in this set or in o. */
  union(o: VersionRange): VersionRange {
    return this.merge(o, true);
  }

  /** Versions in both sets. */
  intersect(o: VersionRange): VersionRange {
    return this.merge(o, false);
  }

  /** Versions not in this set. */
  complement(): VersionRange {
    if (this.cuts.length === 0) return this.startsInside ? VersionRange.EMPTY : VersionRange.FULL;
    return new VersionRange(!this.startsInside, this.cuts);
  }

  private merge(o: VersionRange, union: boolean): VersionRange {
    const a = this.cuts;
    const b = o.cuts;
    if (a.length === 0) {
      if (this.startsInside === union) return this;
      return o;
    }
    if (b.length === 0) {
      if (o.startsInside === union) return o;
      return this;
    }
    let inA = this.startsInside;
    let inB = o.startsInside;
    const start = union ? inA || inB : inA && inB;
    let cur = start;
    const out: Cut[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      let cut: Cut;
      if (j >= b.length) {
        cut = a[i++];
        inA = !inA;
      } else if (i >= a.length) {
        cut = b[j++];
        inB = !inB;
      } else {
        const c = compareCuts(a[i], b[j]);
        if (c < 0) {
          cut = a[i++];
          inA = !inA;
        } else if (c > 0) {
          cut = b[j++];
          inB = !inB;
        } else {
          cut = a[i++];
          j++;
          inA = !inA;
          inB = !inB;
        }
      }
      const now = union ? inA || inB : inA && inB;
      if (now !== cur) {
        out.push(cut);
        cur = now;
      }
    }
    if (out.length === 0) return start ? VersionRange.FULL : VersionRange.EMPTY;
    return new VersionRange(start, out);
  }

  /** Whether the (real) version v is in the set. */
  contains(v: Version): boolean {
    const cuts = this.cuts;
    let lo = 0;
    let hi = cuts.length;
    // Number of cuts that v lies above (they form a prefix of the list).
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAbove(v, cuts[mid])) lo = mid + 1;
      else hi = mid;
    }
    return (lo & 1) === 0 ? this.startsInside : !this.startsInside;
  }

  isEmpty(): boolean {
    return !this.startsInside && this.cuts.length === 0;
  }

  isAny(): boolean {
    return this.startsInside && this.cuts.length === 0;
  }

  /** Same set of versions (representations are normalised, so this is exact). */
  equals(o: VersionRange): boolean {
    if (this === o) return true;
    if (this.startsInside !== o.startsInside || this.cuts.length !== o.cuts.length) return false;
    for (let i = 0; i < this.cuts.length; i++) if (compareCuts(this.cuts[i], o.cuts[i]) !== 0) return false;
    return true;
  }

  isSubsetOf(o: VersionRange): boolean {
    // this ⊆ o exactly when this and ¬o share nothing; ¬o is o's cuts with the start flipped (no allocation).
    return !overlaps(this.cuts, this.startsInside, o.cuts, !o.startsInside);
  }

  isDisjoint(o: VersionRange): boolean {
    return !overlaps(this.cuts, this.startsInside, o.cuts, o.startsInside);
  }

  /** The disjoint intervals in increasing order; a null bound is unbounded. */
  intervals(): { lower: Cut | null; upper: Cut | null }[] {
    const out: { lower: Cut | null; upper: Cut | null }[] = [];
    let i = 0;
    if (this.startsInside) {
      out.push({ lower: null, upper: this.cuts.length > 0 ? this.cuts[0] : null });
      i = 1;
    }
    for (; i < this.cuts.length; i += 2) out.push({ lower: this.cuts[i], upper: i + 1 < this.cuts.length ? this.cuts[i + 1] : null });
    return out;
  }

  /**
   * PEP 440-style text: "any", "none", ">=1.0, <2.0", "==1.4.2", ">=1.0, !=1.5, <2.0", "<1.0 || >=1.2".
   * Bounds are written in the PEP 440 spelling that means the same set where one exists (`<2.0` is
   * "below 2.0.dev0", `<=1.0` includes 1.0's local versions, `>1.0` excludes its post-releases).
   * Where none exists: `<V (incl. pre-releases)` (below V itself), `<=V.post*` (up to every
   * post-release of V). Local labels are not distinguished: an exact version and that version with
   * any local label both read "==V".
   */
  toString(): string {
    if (this.isAny()) return "any";
    if (this.isEmpty()) return "none";
    const iv = this.intervals();
    const groups: string[] = [];
    for (let k = 0; k < iv.length; k++) {
      const first = iv[k];
      const exact = first.lower !== null && first.upper !== null ? exactVersion(first.lower, first.upper) : null;
      if (exact !== null) {
        groups.push(`==${exact}`);
        continue;
      }
      const parts: string[] = [];
      if (first.lower !== null) parts.push(lowerText(first.lower));
      let cur = first;
      // Fold single-version holes into the clause: ">=1.0, !=1.5, <2.0".
      while (k + 1 < iv.length && cur.upper !== null) {
        const next = iv[k + 1];
        const hole = next.lower !== null ? exactVersion(cur.upper, next.lower) : null;
        if (hole === null || (next.lower !== null && next.upper !== null && exactVersion(next.lower, next.upper) !== null)) break;
        parts.push(`!=${hole}`);
        cur = next;
        k++;
      }
      if (cur.upper !== null) parts.push(upperText(cur.upper));
      groups.push(parts.join(", "));
    }
    return groups.join(" || ");
  }
}

/** When [lower, upper) holds exactly one version V (with or without its local versions), V's text. */
function exactVersion(lower: Cut, upper: Cut): string | null {
  if (lower.after || lower.v.sentinel !== SentinelKind.None) return null;
  const v = lower.v;
  if (upper.after) return compareVersions(upper.v, v) === 0 ? v.toString() : null;
  if (v.local !== null) return null;
  return compareCuts(upper, makeCut(afterLocals(v), false)) === 0 ? v.toString() : null;
}

function lowerText(cut: Cut): string {
  if (cut.v.sentinel === SentinelKind.AfterPosts) return `>${cut.v.baseVersion}`;
  return cut.after ? `>${cut.v}` : `>=${cut.v}`;
}

function upperText(cut: Cut): string {
  const v = cut.v;
  if (v.sentinel === SentinelKind.AfterPosts) return `<=${v.baseVersion}.post*`;
  if (cut.after) return `<=${v}`;
  if (v.local === null && v.dev === 0) {
    const p = versionParts(v);
    if (p.post === 0) return `<=${versionFromParts({ ...p, post: null, dev: null })}`;
    if (p.pre === null) return `<${versionFromParts({ ...p, dev: null })}`;
  }
  if (v.isPrerelease) return `<${v}`;
  return `<${v} (incl. pre-releases)`;
}
