// Test support: a small, obviously correct version set over integers (a sorted list of half-open intervals).
import type { VersionSet, VersionSetFactory } from "../version-set";

/** How ranges print; tests choose plain integers or semver-like text. */
export interface IntRangeFormat {
  /** Text of one interval [lo, hi), lo/hi possibly infinite. */
  interval(lo: number, hi: number): string;
}

export const plainFormat: IntRangeFormat = {
  interval(lo, hi) {
    if (lo === -Infinity && hi === Infinity) return "any";
    if (hi === lo + 1) return `==${lo}`;
    if (lo === -Infinity) return `<${hi}`;
    if (hi === Infinity) return `>=${lo}`;
    return `>=${lo},<${hi}`;
  },
};

/**
 * Integers in a union of intervals `[lo, hi)`; `bounds` is `[lo0, hi0, lo1, hi1, ...]`, sorted,
 * non-empty, non-overlapping and non-adjacent (so equal sets have equal bounds).
 */
export class IntRange implements VersionSet<number, IntRange> {
  constructor(
    readonly bounds: readonly number[],
    readonly format: IntRangeFormat = plainFormat,
  ) {}

  /** Builds a canonical range from arbitrary intervals. */
  static of(intervals: readonly (readonly [number, number])[], format: IntRangeFormat = plainFormat): IntRange {
    const sorted = intervals.filter(([lo, hi]) => lo < hi).sort((a, b) => a[0] - b[0]);
    const out: number[] = [];
    for (const [lo, hi] of sorted) {
      if (out.length > 0 && lo <= out[out.length - 1]) {
        out[out.length - 1] = Math.max(out[out.length - 1], hi);
      } else {
        out.push(lo, hi);
      }
    }
    return new IntRange(out, format);
  }

  private intervals(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.bounds.length; i += 2) out.push([this.bounds[i], this.bounds[i + 1]]);
    return out;
  }

  contains(v: number): boolean {
    for (let i = 0; i < this.bounds.length; i += 2) {
      if (this.bounds[i] <= v && v < this.bounds[i + 1]) return true;
    }
    return false;
  }

  complement(): IntRange {
    const out: [number, number][] = [];
    let from = -Infinity;
    for (const [lo, hi] of this.intervals()) {
      out.push([from, lo]);
      from = hi;
    }
    out.push([from, Infinity]);
    return IntRange.of(out, this.format);
  }

  union(o: IntRange): IntRange {
    return IntRange.of([...this.intervals(), ...o.intervals()], this.format);
  }

  intersect(o: IntRange): IntRange {
    const out: [number, number][] = [];
    for (const [a, b] of this.intervals()) {
      for (const [c, d] of o.intervals()) out.push([Math.max(a, c), Math.min(b, d)]);
    }
    return IntRange.of(out, this.format);
  }

  isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  isAny(): boolean {
    return this.bounds.length === 2 && this.bounds[0] === -Infinity && this.bounds[1] === Infinity;
  }

  equals(o: IntRange): boolean {
    return this.bounds.length === o.bounds.length && this.bounds.every((b, i) => b === o.bounds[i]);
  }

  isSubsetOf(o: IntRange): boolean {
    return this.intersect(o).equals(this);
  }

  isDisjoint(o: IntRange): boolean {
    return this.intersect(o).isEmpty();
  }

  toString(): string {
    if (this.isEmpty()) return "<empty>";
    return this.intervals()
      .map(([lo, hi]) => this.format.interval(lo, hi))
      .join(" or ");
  }
}

export class IntRangeFactory implements VersionSetFactory<number, IntRange> {
  constructor(readonly format: IntRangeFormat = plainFormat) {}

  full(): IntRange {
    return new IntRange([-Infinity, Infinity], this.format);
  }

  empty(): IntRange {
    return new IntRange([], this.format);
  }

  singleton(v: number): IntRange {
    return new IntRange([v, v + 1], this.format);
  }

  /** `[lo, hi)`; use ±Infinity for open ends. */
  between(lo: number, hi: number): IntRange {
    return IntRange.of([[lo, hi]], this.format);
  }

  atLeast(v: number): IntRange {
    return this.between(v, Infinity);
  }

  lessThan(v: number): IntRange {
    return this.between(-Infinity, v);
  }
}
