// The graph's legend: what the node borders and fills mean, with a count of each kind in this result.
import { useState } from "react";
import type { CSSProperties } from "react";
import type { ResolvedPackageDto } from "../../../workers/api";
import type { GraphPalette } from "../../components/graph-palette";

interface Entry {
  label: string;
  style: CSSProperties;
  count: number;
}

export function GraphLegend({ palette: p, packages }: { palette: GraphPalette; packages: ResolvedPackageDto[] }) {
  const [open, setOpen] = useState(true);
  const count = (test: (pkg: ResolvedPackageDto) => boolean) => packages.filter(test).length;
  const entries: Entry[] = [
    { label: "Direct requirement", style: { background: p.directFill, border: `2.5px solid ${p.directBorder}` }, count: count((x) => x.direct) },
    { label: "Dependency", style: { background: p.nodeFill, border: `1.5px solid ${p.nodeBorder}` }, count: count((x) => !x.direct) },
    { label: "With extras", style: { background: p.nodeFill, border: `1.5px solid ${p.nodeBorder}`, outline: `2px solid ${p.extras}`, outlineOffset: 1 }, count: count((x) => x.extras.length > 0) },
    { label: "Pre-release", style: { background: p.nodeFill, border: `2.5px dashed ${p.prerelease}` }, count: count((x) => x.prerelease) },
    { label: "Yanked", style: { background: p.yankedFill, border: `2.5px solid ${p.yankedBorder}` }, count: count((x) => x.yanked !== null) },
    { label: "Dependencies unknown", style: { background: p.unknownFill, border: `2.5px dotted ${p.unknownBorder}` }, count: count((x) => x.unknownDependencies) },
  ];
  return (
    <div className="absolute bottom-3 left-3 rounded-lg border border-slate-200 bg-white/95 text-xs shadow-md backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between gap-3 px-2.5 py-1.5 font-semibold text-slate-700 dark:text-slate-200"
      >
        Legend <span aria-hidden="true">{open ? "▾" : "▸"}</span>
      </button>
      {open && (
        <ul aria-label="Legend" className="flex flex-col gap-1 px-2.5 pb-2">
          {entries.map((e) => (
            <li key={e.label} className={`flex items-center gap-2 ${e.count === 0 ? "opacity-45" : ""}`}>
              <span aria-hidden="true" className="inline-block h-3 w-5 rounded-[3px]" style={e.style} />
              <span className="text-slate-700 dark:text-slate-200">{e.label}</span>
              <span className="ml-auto pl-2 text-slate-400 tabular-nums">{e.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
