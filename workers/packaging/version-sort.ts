// Stable sorting of many versions in packaging's order, several times faster than Array.prototype.sort(compareVersions).
import { type Version, compareVersions } from "./version";

// Index of the low and high 32-bit words of a float64 in a Uint32Array view (platform byte order).
const LOW = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 0 : 1;
const HIGH = 1 - LOW;
const RADIX = 1 << 16;

/**
 * The versions in ascending packaging order, equal versions in their input order (like Python's
 * `sorted`). Versions carry two order-preserving numbers (release prefix, suffix); for non-negative
 * doubles the IEEE bit patterns order like unsigned integers, so a stable LSD radix sort over their
 * 16-bit digits orders everything they decide. Runs of one public version with different local
 * labels, and the rare versions without packed numbers (very long or huge releases), go through
 * compareVersions.
 */
export function sortVersions<T extends Version>(versions: readonly T[]): T[] {
  const n = versions.length;
  if (n < 512) return versions.slice().sort(compareVersions);
  const fast: T[] = [];
  const slow: T[] = [];
  for (let i = 0; i < n; i++) {
    const v = versions[i];
    if (v._p === v._p && v._q === v._q) fast.push(v);
    else slow.push(v);
  }
  const m = fast.length;
  const p = new Float64Array(m);
  const q = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    p[k] = fast[k]._p;
    q[k] = fast[k]._q;
  }
  const pWords = new Uint32Array(p.buffer);
  const qWords = new Uint32Array(q.buffer);
  let order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  let spare = new Int32Array(m);
  const count = new Int32Array(RADIX);
  // Least significant digit first: q's low word, q's high word, then p's.
  for (const [words, word] of [
    [qWords, LOW],
    [qWords, HIGH],
    [pWords, LOW],
    [pWords, HIGH],
  ] as const) {
    for (const shift of [0, 16]) {
      count.fill(0);
      for (let k = 0; k < m; k++) count[(words[2 * k + word] >>> shift) & 0xffff]++;
      if (count[(words[2 * order[0] + word] >>> shift) & 0xffff] === m) continue; // one digit value: nothing to do
      let sum = 0;
      for (let d = 0; d < RADIX; d++) {
        const c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (let k = 0; k < m; k++) {
        const idx = order[k];
        spare[count[(words[2 * idx + word] >>> shift) & 0xffff]++] = idx;
      }
      const t = order;
      order = spare;
      spare = t;
    }
  }

  const out: T[] = new Array<T>(m);
  for (let k = 0; k < m; ) {
    const a = order[k];
    let end = k + 1;
    if (q[a] % 4 === 1) {
      // Equal public version, each with a local label: order the labels (Array.prototype.sort is stable).
      while (end < m && p[order[end]] === p[a] && q[order[end]] === q[a]) end++;
      if (end - k > 1) {
        const run: T[] = [];
        for (let j = k; j < end; j++) run.push(fast[order[j]]);
        run.sort(compareVersions);
        for (let j = 0; j < run.length; j++) out[k + j] = run[j];
        k = end;
        continue;
      }
    }
    out[k] = fast[a];
    k = end;
  }
  if (slow.length === 0) return out;

  // Insert the rest by binary search; equal versions are either all fast or all slow, so no tie crosses.
  slow.sort(compareVersions);
  const merged: T[] = [];
  let from = 0;
  for (const v of slow) {
    let lo = from;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareVersions(out[mid], v) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = from; k < lo; k++) merged.push(out[k]);
    merged.push(v);
    from = lo;
  }
  for (let k = from; k < m; k++) merged.push(out[k]);
  return merged;
}
