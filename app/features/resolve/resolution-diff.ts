// Compares two resolutions package by package: what was added, removed, upgraded, downgraded (or changed, direction unknown).
import type { ResolvedPackageDto } from "../../../workers/api";

export interface PackageChange {
  name: string;
  displayName: string;
  from: string | null;
  to: string | null;
}

export interface ResolutionDiff {
  added: PackageChange[];
  removed: PackageChange[];
  upgraded: PackageChange[];
  downgraded: PackageChange[];
  /** Version changed but neither resolution tells which way (see `versionDirection`). */
  changed: PackageChange[];
  unchanged: number;
}

/**
 * Which way a version moved, from what the worker reported rather than by parsing versions here:
 * a resolution lists, per package, the newer versions it did not take (`rejectedNewer`). If the new version
 * is among the old resolution's newer versions it went up; if the old one is among the new's, it went down.
 * `compare` (a PEP 440 comparison, when one is at hand) decides the rest.
 */
export function versionDirection(before: ResolvedPackageDto, after: ResolvedPackageDto, compare?: (a: string, b: string) => number): "up" | "down" | "same" | "unknown" {
  if (before.version === after.version) return "same";
  if (before.rejectedNewer.some((r) => r.version === after.version)) return "up";
  if (after.rejectedNewer.some((r) => r.version === before.version)) return "down";
  if (compare) {
    const order = compare(before.version, after.version);
    return order < 0 ? "up" : order > 0 ? "down" : "same";
  }
  return "unknown";
}

export function diffResolutions(before: readonly ResolvedPackageDto[], after: readonly ResolvedPackageDto[], compare?: (a: string, b: string) => number): ResolutionDiff {
  const old = new Map(before.map((p) => [p.name, p]));
  const next = new Map(after.map((p) => [p.name, p]));
  const diff: ResolutionDiff = { added: [], removed: [], upgraded: [], downgraded: [], changed: [], unchanged: 0 };
  for (const pkg of after) {
    const prev = old.get(pkg.name);
    if (!prev) {
      diff.added.push({ name: pkg.name, displayName: pkg.displayName, from: null, to: pkg.version });
      continue;
    }
    const change = { name: pkg.name, displayName: pkg.displayName, from: prev.version, to: pkg.version };
    const direction = versionDirection(prev, pkg, compare);
    if (direction === "same") diff.unchanged += 1;
    else if (direction === "up") diff.upgraded.push(change);
    else if (direction === "down") diff.downgraded.push(change);
    else diff.changed.push(change);
  }
  for (const pkg of before) {
    if (!next.has(pkg.name)) diff.removed.push({ name: pkg.name, displayName: pkg.displayName, from: pkg.version, to: null });
  }
  const byName = (a: PackageChange, b: PackageChange) => a.name.localeCompare(b.name);
  for (const list of [diff.added, diff.removed, diff.upgraded, diff.downgraded, diff.changed]) list.sort(byName);
  return diff;
}

/** True when the two resolutions chose exactly the same packages at the same versions. */
export function isEmptyDiff(diff: ResolutionDiff): boolean {
  return diff.added.length + diff.removed.length + diff.upgraded.length + diff.downgraded.length + diff.changed.length === 0;
}
