// "Did you mean requests?": the closest project names on the index to a name it does not have.
import { canonicalizeName } from "../packaging/names";

/** Edit distance with adjacent transpositions (optimal string alignment), giving up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * Up to `max` names from `names` close to `name` (canonical forms compared; one edit for short names, two from
 * six characters on; nothing for names under four), nearest first, then in list order. The name itself is never suggested.
 */
export function similarNames(name: string, names: readonly string[], max = 3): string[] {
  const wanted = canonicalizeName(name);
  // One letter off a one-, two- or three-letter name is any other short name: no useful guess.
  if (wanted.length < 4) return [];
  const limit = wanted.length >= 6 ? 2 : 1;
  const scored: { name: string; distance: number; at: number }[] = [];
  names.forEach((candidate, at) => {
    if (candidate === wanted) return;
    const distance = editDistance(wanted, candidate, limit);
    if (distance <= limit) scored.push({ name: candidate, distance, at });
  });
  scored.sort((x, y) => x.distance - y.distance || x.at - y.at);
  return scored.slice(0, max).map((s) => s.name);
}
