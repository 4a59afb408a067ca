// The picture of a comparison: the new side's packages plus the removed ones (with the edges that held them), each marked with how it moved.
import type { ResolvedPackageDto } from "../../../workers/api";
import type { PackageDiffDto } from "../../../workers/api-locks";
import type { DiffMark } from "../../stores/comparison";

/** Package -> how it moved, from a diff (a change without a direction is "changed"). */
export function diffMarks(diff: PackageDiffDto): Record<string, DiffMark> {
  const marks: Record<string, DiffMark> = {};
  for (const a of diff.json.added) marks[a.name] = "added";
  for (const r of diff.json.removed) marks[r.name] = "removed";
  for (const c of diff.json.changed) marks[c.name] = diff.directions[c.name] ?? "changed";
  return marks;
}

/**
 * The packages to draw: every package of the new side, and every removed one as it was in the old side, linked from
 * the packages that required it there (when they are still drawn), so a removal is seen where it happened.
 */
export function comparisonPackages(before: readonly ResolvedPackageDto[], after: readonly ResolvedPackageDto[], marks: Record<string, DiffMark>): ResolvedPackageDto[] {
  const removed = before.filter((p) => marks[p.name] === "removed");
  const drawn = new Set([...after.map((p) => p.name), ...removed.map((p) => p.name)]);
  const oldEdgesTo = new Map<string, { from: string; edge: ResolvedPackageDto["dependencies"][number] }[]>();
  for (const pkg of before) {
    for (const edge of pkg.dependencies) {
      if (marks[edge.name] !== "removed") continue;
      oldEdgesTo.set(edge.name, [...(oldEdgesTo.get(edge.name) ?? []), { from: pkg.name, edge }]);
    }
  }
  const extraEdges = new Map<string, ResolvedPackageDto["dependencies"]>();
  for (const [, list] of oldEdgesTo) {
    for (const { from, edge } of list) if (drawn.has(from)) extraEdges.set(from, [...(extraEdges.get(from) ?? []), edge]);
  }
  // A removed package stays linked to what it required: those packages list it among their dependents.
  const removedParents = new Map<string, string[]>();
  for (const pkg of removed) for (const d of pkg.dependencies) if (drawn.has(d.name)) removedParents.set(d.name, [...(removedParents.get(d.name) ?? []), pkg.name]);
  const withRemovedEdges = (pkg: ResolvedPackageDto): ResolvedPackageDto => {
    const extra = (extraEdges.get(pkg.name) ?? []).filter((e) => !pkg.dependencies.some((d) => d.name === e.name));
    const parents = (removedParents.get(pkg.name) ?? []).filter((n) => !pkg.dependents.includes(n));
    if (extra.length === 0 && parents.length === 0) return pkg;
    return { ...pkg, dependencies: [...pkg.dependencies, ...extra], dependents: [...pkg.dependents, ...parents] };
  };
  const removedEntries = removed.map((pkg) => ({
    ...withRemovedEdges(pkg),
    dependents: pkg.dependents.filter((d) => d === "<root>" || drawn.has(d)),
  }));
  return [...after.map(withRemovedEdges), ...removedEntries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
