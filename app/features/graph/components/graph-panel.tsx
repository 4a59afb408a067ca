// The graph feature: the resolved packages drawn with Cytoscape (lazy), laid out in a worker, with search, layouts, focus, folding, depth limit and export.
import { useRef } from "react";
import type { ResolvedPackageDto, ResolveRequest } from "../../../../workers/api";
import { useView } from "../../../stores/view";
import { useTheme } from "../../../stores/theme";
import { paletteFor } from "../../../lib/graph-palette";
import { LARGE_GRAPH } from "../utils/graph-style";
import { followResolutions } from "../utils/follow-resolutions";
import { useGraphCytoscape } from "../hooks/use-graph-cytoscape";
import { useGraphModel } from "../hooks/use-graph-model";
import { useGraphStyle } from "../hooks/use-graph-style";
import { useGraphDrawing } from "../hooks/use-graph-drawing";
import { useGraphHighlight } from "../hooks/use-graph-highlight";
import { useGraphPointer } from "../hooks/use-graph-pointer";
import { useKeepInView } from "../hooks/use-keep-in-view";
import { useCentreOnRequest } from "../hooks/use-centre-on-request";
import { useVulnerableMarks } from "../hooks/use-vulnerable-marks";
import { useDiffMarks } from "../hooks/use-diff-marks";
import { GraphToolbar } from "./graph-toolbar";
import { GraphFilterBar } from "./graph-filter-bar";
import { GraphLegend } from "./graph-legend";

followResolutions();

export function GraphPanel({ packages, request }: { packages: ResolvedPackageDto[]; request: ResolveRequest }) {
  const { graph, visibility, elements, focus } = useGraphModel(packages, request);
  const layout = useView((s) => s.layout);
  const palette = paletteFor(useTheme((s) => s.resolved));
  const container = useRef<HTMLDivElement>(null);
  const { cy, failure } = useGraphCytoscape(container);
  useGraphStyle(cy, palette);
  const { drawn, layoutFailure } = useGraphDrawing(cy, container, elements, layout);
  useGraphHighlight(cy, drawn, graph.nodes.length > LARGE_GRAPH);
  useGraphPointer(cy);
  useKeepInView(cy, container);
  useCentreOnRequest(cy);
  const audit = useVulnerableMarks(cy, drawn);
  const diff = useDiffMarks(cy, drawn);
  const problem = failure ?? layoutFailure;

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <GraphToolbar cy={cy} graph={graph} visibility={visibility} palette={palette} />
      <GraphFilterBar graph={graph} visibility={visibility} focus={focus} />
      <div className="relative min-h-0 flex-1">
        {/* Cytoscape makes its container position: relative, so the container fills an absolutely placed box, which
            clips a canvas that has not yet followed the box (useKeepInView). */}
        <div className="absolute inset-0 overflow-hidden" style={{ background: palette.background }}>
          <div
            ref={container}
            data-testid="graph-canvas"
            role="img"
            aria-label={`Dependency graph of ${packages.length} packages. The List and Tree tabs show the same result as text.`}
            className="h-full w-full"
          />
        </div>
        {drawn === 0 && !problem && <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-slate-500">Drawing the graph…</p>}
        {problem && (
          <p role="alert" className="absolute inset-0 flex items-center justify-center p-6 text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
      </div>
      <GraphLegend palette={palette} packages={packages} vulnerable={audit.vulnerable} checking={audit.checking} diff={diff} />
    </div>
  );
}
