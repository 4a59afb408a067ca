// What changed between two resolved package lists, in PEP 440 order (the worker-side diff a "Fix" reports).
import type { ResolvedPackageDto } from "../api";
import type { ResolutionDiffDto } from "../api-audit";
import { compareVersions, tryParseVersion } from "../packaging/version";

/** Added, removed, upgraded and downgraded packages, each list sorted by name. */
export function diffPackages(before: readonly ResolvedPackageDto[], after: readonly ResolvedPackageDto[]): ResolutionDiffDto {
  const old = new Map(before.map((p) => [p.name, p.version]));
  const next = new Map(after.map((p) => [p.name, p.version]));
  const diff: ResolutionDiffDto = { added: [], removed: [], upgraded: [], downgraded: [] };
  for (const [name, to] of next) {
    const from = old.get(name);
    if (from === undefined) diff.added.push({ name, to });
    else if (from !== to) {
      const a = tryParseVersion(from);
      const b = tryParseVersion(to);
      const order = a !== null && b !== null ? compareVersions(a, b) : from.localeCompare(to);
      if (order < 0) diff.upgraded.push({ name, from, to });
      else if (order > 0) diff.downgraded.push({ name, from, to });
    }
  }
  for (const [name, from] of old) if (!next.has(name)) diff.removed.push({ name, from });
  const byName = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name);
  for (const list of [diff.added, diff.removed, diff.upgraded, diff.downgraded]) list.sort(byName);
  return diff;
}
