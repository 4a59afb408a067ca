// Test support: semver-like versions ("1.2.3") encoded as integers, with pub-style range parsing and printing.
import { IntRange, IntRangeFactory } from "./int-range";
import type { IntRangeFormat } from "./int-range";

const MAJOR = 1_000_000;
const MINOR = 1_000;

/** "1.2.3" -> 1002003 (components below 1000). */
export function ver(text: string): number {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`bad version ${text}`);
  return Number(m[1]) * MAJOR + Number(m[2]) * MINOR + Number(m[3]);
}

export function verText(v: number): string {
  return `${Math.floor(v / MAJOR)}.${Math.floor((v % MAJOR) / MINOR)}.${v % MINOR}`;
}

/** The exclusive upper bound of `^v` (next major, or next minor for 0.x). */
function caretEnd(v: number): number {
  const major = Math.floor(v / MAJOR);
  return major > 0 ? (major + 1) * MAJOR : (Math.floor(v / MINOR) + 1) * MINOR;
}

/** Pub-style printing: "any", "1.0.0", "^1.0.0", ">=1.1.0", "<1.1.0", ">=1.0.0 <1.5.0". */
export const semverFormat: IntRangeFormat = {
  interval(lo, hi) {
    if (lo === -Infinity && hi === Infinity) return "any";
    if (hi === lo + 1) return verText(lo);
    if (lo === -Infinity) return `<${verText(hi)}`;
    if (hi === Infinity) return `>=${verText(lo)}`;
    if (hi === caretEnd(lo)) return `^${verText(lo)}`;
    return `>=${verText(lo)} <${verText(hi)}`;
  },
};

export const semverSets = new IntRangeFactory(semverFormat);

/**
 * Parses "any", "1.0.0", "^1.0.0", ">=1.0.0", "<2.0.0", ">=1.0.0 <2.0.0" (space-separated parts
 * intersect) and unions of those joined by " or ".
 */
export function range(text: string): IntRange {
  const alternatives = text.split(" or ");
  if (alternatives.length > 1) return alternatives.map(range).reduce((a, b) => a.union(b));
  let out = semverSets.full();
  for (const part of text.trim().split(/\s+/)) {
    if (part === "any") continue;
    let r: IntRange;
    if (part.startsWith("^")) {
      const v = ver(part.slice(1));
      r = semverSets.between(v, caretEnd(v));
    } else if (part.startsWith(">=")) r = semverSets.atLeast(ver(part.slice(2)));
    else if (part.startsWith("<")) r = semverSets.lessThan(ver(part.slice(1)));
    else r = semverSets.singleton(ver(part));
    out = out.intersect(r);
  }
  return out;
}

export { IntRange };
