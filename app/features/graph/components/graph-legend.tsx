// The graph's legend: what the node borders and fills mean, with a count of each kind in this result; a strip below the drawing, never over it.
import type { CSSProperties } from "react";
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
  const count = (test: (pkg: ResolvedPackageDto) => boolean) => packages.filter(test).length;
  const entries: Entry[] = [
    { label: "Direct requirement", style: { background: p.directFill, border: `2.5px solid ${p.directBorder}` }, count: count((x) => x.direct), always: true },
    { label: "Dependency", style: { background: p.nodeFill, border: `1.5px solid ${p.nodeBorder}` }, count: count((x) => !x.direct), always: true },
    { label: "With extras", style: { background: p.nodeFill, border: `1.5px solid ${p.nodeBorder}`, outline: `2px solid ${p.extras}`, outlineOffset: 1 }, count: count((x) => x.extras.length > 0) },
    { label: "Pre-release", style: { background: p.nodeFill, border: `2.5px dashed ${p.prerelease}` }, count: count((x) => x.prerelease) },
    { label: "Yanked", style: { background: p.yankedFill, border: `2.5px solid ${p.yankedBorder}` }, count: count((x) => x.yanked !== null) },
    {
      label: "Only on some platforms (dashed edges)",
      style: { background: p.nodeFill, border: `1.5px dashed ${p.nodeBorder}` },
      count: count((x) => x.marker !== undefined),
    },
    { label: "Dependencies unknown", style: { background: p.unknownFill, border: `2.5px dotted ${p.unknownBorder}` }, count: count((x) => x.unknownDependencies) },
    ...(vulnerable || checking
      ? [
          {
            label: checking ? `Known vulnerability (checking ${checking})` : "Known vulnerability",
            style: { background: p.vulnerableFill, border: `3px double ${p.vulnerableBorder}` },
            count: vulnerable ? count((x) => vulnerable.includes(x.name)) : 0,
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
