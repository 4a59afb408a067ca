// The graph's legend: what the node borders and fills mean, with a count of each kind in this result; a strip below the drawing, never over it.
import { useMemo, type CSSProperties } from "react";
import type { ResolvedPackageDto } from "../../../../workers/api";
import type { GraphPalette } from "../../../lib/graph-palette";
import { DIFF_MARKS, type DiffMark } from "../../../stores/comparison";
import { diffColour } from "../utils/graph-style";

const DIFF_LABELS: Record<DiffMark, string> = { added: "Added", removed: "Removed", upgraded: "Upgraded", downgraded: "Downgraded", changed: "Changed" };

interface Entry {
  label: string;
  style: CSSProperties;
  count: number;
  /** Shown even when no package is of this kind (the two kinds every graph has). */
  always?: boolean;
}

/** How many packages of the result are of each kind the legend names. */
function countKinds(packages: readonly ResolvedPackageDto[]) {
  const kinds = { direct: 0, dependency: 0, extras: 0, prerelease: 0, yanked: 0, marker: 0, unknown: 0 };
  for (const x of packages) {
    if (x.direct) kinds.direct++;
    else kinds.dependency++;
    if (x.extras.length > 0) kinds.extras++;
    if (x.prerelease) kinds.prerelease++;
    if (x.yanked !== null) kinds.yanked++;
    if (x.marker !== undefined) kinds.marker++;
    if (x.unknownDependencies) kinds.unknown++;
  }
  return kinds;
}

export function GraphLegend({
  palette: p,
  packages,
  vulnerable,
  checking,
  diff,
}: {
  palette: GraphPalette;
  packages: ResolvedPackageDto[];
  /** The audit's vulnerable packages, once known. */
  vulnerable?: readonly string[];
  /** While the audit runs: "3/12". */
  checking?: string;
  /** The comparison on show: package -> how it moved (its counts include packages not drawn, such as an upgrade's additions). */
  diff?: Record<string, DiffMark> | null;
}) {
  // Counted once per result: the legend re-renders on every audit progress tick.
  const kinds = useMemo(() => countKinds(packages), [packages]);
  const vulnerableCount = useMemo(() => {
    const names = new Set(vulnerable ?? []);
    return packages.filter((x) => names.has(x.name)).length;
  }, [packages, vulnerable]);
  const entries: Entry[] = [
    { label: "Direct requirement", style: { background: p.directFill, border: `2.5px solid ${p.directBorder}` }, count: kinds.direct, always: true },
    { label: "Dependency", style: { background: p.nodeFill, border: `1.5px solid ${p.nodeBorder}` }, count: kinds.dependency, always: true },
    { label: "With extras", style: { background: p.nodeFill, border: `1.5px solid ${p.nodeBorder}`, outline: `2px solid ${p.extras}`, outlineOffset: 1 }, count: kinds.extras },
    { label: "Pre-release", style: { background: p.nodeFill, border: `2.5px dashed ${p.prerelease}` }, count: kinds.prerelease },
    { label: "Yanked", style: { background: p.yankedFill, border: `2.5px solid ${p.yankedBorder}` }, count: kinds.yanked },
    {
      label: "Only on some platforms (dashed edges)",
      style: { background: p.nodeFill, border: `1.5px dashed ${p.nodeBorder}` },
      count: kinds.marker,
    },
    { label: "Dependencies unknown", style: { background: p.unknownFill, border: `2.5px dotted ${p.unknownBorder}` }, count: kinds.unknown },
    ...(vulnerable || checking
      ? [
          {
            label: checking ? `Known vulnerability (checking ${checking})` : "Known vulnerability",
            style: { background: p.vulnerableFill, border: `3px double ${p.vulnerableBorder}` },
            count: vulnerableCount,
            // Shown once the audit has run, with 0 too: "none found" is news.
            always: true,
          },
        ]
      : []),
    ...(diff
      ? DIFF_MARKS.map((mark) => ({
          label: DIFF_LABELS[mark],
          style: { background: p.nodeFill, border: `3px ${mark === "removed" ? "dashed" : "solid"} ${diffColour(p, mark)}`, boxShadow: `0 0 0 3px ${diffColour(p, mark)}38` },
          count: Object.values(diff).filter((m) => m === mark).length,
          // The four ways a lock moves are always named during a comparison, with 0 too; "changed" only when it occurs.
          always: mark !== "changed",
        }))
      : []),
  ];
  return (
    <ul
      aria-label="Legend"
      data-testid="graph-legend"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-200 px-3 py-1.5 text-xs dark:border-slate-800"
    >
      {entries
        .filter((e) => e.always || e.count > 0)
        .map((e) => (
          <li key={e.label} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-5 rounded-[3px]" style={e.style} />
            <span className="text-slate-700 dark:text-slate-200">{e.label}</span>
            <span className="text-slate-400 tabular-nums">{e.count}</span>
          </li>
        ))}
      <li className="ml-auto hidden text-slate-400 sm:block">Hover or select a package to read its specifiers</li>
    </ul>
  );
}
