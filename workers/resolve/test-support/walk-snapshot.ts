// Test support: a snapshot where only `a` 1.0 works (every newer one needs a `c` that needs something missing), so the solver walks down all of `a`.
import type { SnapshotData } from "../snapshot-source";

export function walk(n: number): SnapshotData {
  const a: SnapshotData[string] = {};
  const c: SnapshotData[string] = {};
  for (let i = 1; i <= n; i++) {
    a[`${i}.0`] = { dependencies: [`c==${i}.0`] };
    c[`${i}.0`] = { dependencies: i === 1 ? [] : [`missing-${i}`] };
  }
  return { a, c };
}
