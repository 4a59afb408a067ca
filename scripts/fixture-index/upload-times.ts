// Deterministic synthetic upload times: in version order, spread from a fixed base date to before the recording.

import { hashUnit } from "./stable-hash";

/** Every synthesised upload time lies after this instant. */
export const UPLOAD_BASE = Date.parse("2005-01-01T00:00:00Z");

/** Seconds between consecutive files of one release (wheel, then sdist, ...). */
export const FILE_SPACING_MS = 7_000;

/**
 * Upload instants (ms) for a project's releases, given in ascending version order, each with the instant it must
 * precede. Times increase with the version and each lies before its own bound and every later release's bound.
 */
export function spreadUploadTimes(project: string, versions: readonly string[], bounds: readonly number[]): number[] {
  const n = versions.length;
  const limit: number[] = new Array<number>(n);
  let min = Number.POSITIVE_INFINITY;
  for (let i = n - 1; i >= 0; i--) {
    min = Math.min(min, bounds[i] ?? min);
    limit[i] = min;
  }
  const out: number[] = new Array<number>(n);
  let start = UPLOAD_BASE;
  let i = 0;
  while (i < n) {
    const end = limit[i] ?? start;
    let j = i;
    while (j < n && limit[j] === end) j++;
    const k = j - i;
    const from = Math.min(start, end - 1);
    const step = (end - from) / (k + 1);
    for (let g = 0; g < k; g++) {
      const jitter = hashUnit("upload", project, versions[i + g] ?? "") * 0.5;
      out[i + g] = Math.floor(from + step * (g + 1 - jitter));
    }
    start = end;
    i = j;
  }
  return out;
}

/** `2019-10-28T23:53:54.000711Z`: PyPI's microsecond ISO form (microseconds derived from the milliseconds). */
export function isoMicros(ms: number): string {
  const d = new Date(ms);
  const base = d.toISOString().slice(0, 19);
  const micros = String(d.getUTCMilliseconds() * 1000 + (Math.floor(ms / 1000) % 997)).padStart(6, "0");
  return `${base}.${micros}Z`;
}
