// The graph feature: the resolved packages drawn with Cytoscape (lazy), laid out in a worker, with search, layouts, folding, depth limit and export.
import { useEffect, useMemo, useRef, useState } from "react";
import type { EventObject } from "cytoscape";
import type { ResolvedPackageDto, ResolveRequest } from "../../../workers/api";
import { useView, ROOT_ID } from "../../stores/view";
import { useTheme } from "../../stores/theme";
import { paletteFor } from "../../components/graph-palette";
import { buildDependencyGraph } from "./graph-elements";
import { visibleNodes } from "./graph-filter";
import { cytoscapeElements } from "./cytoscape-elements";
import { graphStylesheet, LARGE_GRAPH } from "./graph-style";
import { useRootSpecifiers } from "./use-root-specifiers";
import { GraphToolbar } from "./graph-toolbar";
import { GraphLegend } from "./graph-legend";
import { Button } from "../../components/button";
import { useGraphCytoscape } from "./use-graph-cytoscape";
import { layoutInputOf, layoutKey, type LayoutRequest } from "./layout-input";
import { cachedLayout, markDrawn, wasDrawnBefore } from "./layout-cache";
import { afterNextPaint, replaceElements, updateElements, withPositions } from "./draw-elements";
import { followResolutions } from "./follow-resolutions";

followResolutions();

/** Performance marks of each new picture: layout asked for, positions in hand, picture painted (benchmarks wait for these). */
export const GRAPH_MARKS = { layoutStart: "tangle:graph-layout-start", layoutDone: "tangle:graph-layout-done", drawn: "tangle:graph-drawn" } as const;

export function GraphPanel({ packages, request }: { packages: ResolvedPackageDto[]; request: ResolveRequest }) {
  const rootSpecifiers = useRootSpecifiers(request);
  const graph = useMemo(() => buildDependencyGraph(packages, rootSpecifiers), [packages, rootSpecifiers]);
  const collapsed = useView((s) => s.collapsed);
  const maxDepth = useView((s) => s.maxDepth);
  const layout = useView((s) => s.layout);
  const selected = useView((s) => s.selected);
  const highlight = useView((s) => s.highlight);
  const focusRequest = useView((s) => s.focusRequest);
  const theme = useTheme((s) => s.resolved);
  const palette = paletteFor(theme);
  const visibility = useMemo(() => visibleNodes(graph.children, collapsed, maxDepth), [graph, collapsed, maxDepth]);
  const elements = useMemo(() => cytoscapeElements(graph, visibility), [graph, visibility]);

  const container = useRef<HTMLDivElement>(null);
  const { cy, failure } = useGraphCytoscape(container);
  const [laidOut, setLaidOut] = useState(0);
  const [layoutFailure, setLayoutFailure] = useState<string | null>(null);
  /** The layout key of what Cytoscape holds now. */
  const drawnKey = useRef<string | null>(null);
  /** Whether the layout being drawn is one remembered from an earlier picture (reported with the drawn mark). */
  const reused = useRef<{ key: string; reused: boolean }>({ key: "", reused: false });

  // Theme and size: restyle in place.
  const large = graph.nodes.length > LARGE_GRAPH;
  useEffect(() => {
    cy?.style(graphStylesheet(palette, { large }));
  }, [cy, palette, large]);

  const layoutRequest = useMemo<LayoutRequest>(() => ({ kind: layout, input: layoutInputOf(elements) }), [elements, layout]);
  const key = useMemo(() => layoutKey(layoutRequest), [layoutRequest]);
  /** The newest elements and layout request; labels can change while a picture with the same key is being drawn. */
  const latest = useRef({ elements, layoutRequest });
  useEffect(() => {
    latest.current = { elements, layoutRequest };
  }, [elements, layoutRequest]);

  // Ask for the layout as soon as the elements are known, even before Cytoscape has loaded.
  useEffect(() => {
    if (drawnKey.current === key) return;
    if (reused.current.key !== key) reused.current = { key, reused: wasDrawnBefore(key) };
    performance.mark(GRAPH_MARKS.layoutStart);
    cachedLayout(key, layoutRequest).catch(() => undefined);
  }, [key, layoutRequest]);

  // Same boxes and edges as drawn, new labels or classes (the root's specifiers arriving): update in place.
  useEffect(() => {
    if (cy && drawnKey.current === key) updateElements(cy, elements);
  }, [cy, key, elements]);

  // Structure: positions come from the layout worker; the elements then go in, visible part first.
  useEffect(() => {
    const box = container.current;
    if (!cy || !box) return;
    if (drawnKey.current === key) {
      // Back to what is drawn before a newer layout arrived (a fold undone at once, say).
      box.dataset.state = "drawn";
      return;
    }
    let alive = true;
    let stopWaiting: (() => void) | null = null;
    box.dataset.state = "laying-out";
    cachedLayout(key, latest.current.layoutRequest)
      .then(async (positions) => {
        if (!alive) return;
        performance.mark(GRAPH_MARKS.layoutDone);
        drawnKey.current = null;
        box.dataset.state = "drawing";
        const drawing = latest.current.elements;
        const complete = await replaceElements(cy, withPositions(drawing, positions), ROOT_ID, () => alive);
        if (!complete) return;
        drawnKey.current = key;
        if (latest.current.elements !== drawing) updateElements(cy, latest.current.elements);
        markDrawn(key);
        setLayoutFailure(null);
        setLaidOut((n) => n + 1);
        const nodes = positions.length / 2;
        stopWaiting = afterNextPaint(cy, () => {
          box.dataset.drawn = String(Number(box.dataset.drawn ?? 0) + 1);
          box.dataset.state = "drawn";
          performance.mark(GRAPH_MARKS.drawn, { detail: { nodes, layout: latest.current.layoutRequest.kind, cached: reused.current.key === key && reused.current.reused } });
        });
      })
      .catch((error: unknown) => {
        if (!alive || (error instanceof Error && error.name === "AbortError")) return;
        setLayoutFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      alive = false;
      stopWaiting?.();
    };
  }, [cy, key]);

  // Selection and highlighted paths: classes only, positions stay.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass("dim hl selected");
      if (highlight) {
        const nodes = new Set(highlight.nodes);
        const edges = new Set(highlight.edges);
        cy.nodes().forEach((n) => {
          n.addClass(nodes.has(n.id()) ? "hl" : "dim");
        });
        cy.edges().forEach((e) => {
          e.addClass(edges.has(e.id()) ? "hl" : "dim");
        });
      }
      if (selected) cy.$id(selected).addClass("selected").removeClass("dim");
    });
  }, [cy, highlight, selected, laidOut]);

  // Interaction: click selects, click on the background clears, double click folds.
  useEffect(() => {
    if (!cy) return;
    const onTap = (event: EventObject) => {
      const { select } = useView.getState();
      if (event.target === cy) select(null);
      else if (event.target.isNode?.() && event.target.id() !== ROOT_ID) select(event.target.id());
    };
    const onDoubleTap = (event: EventObject) => {
      if (event.target !== cy && event.target.isNode?.()) useView.getState().toggleCollapsed(event.target.id());
    };
    cy.on("tap", onTap);
    cy.on("dbltap", "node", onDoubleTap);
    return () => {
      cy.off("tap", onTap);
      cy.off("dbltap", "node", onDoubleTap);
    };
  }, [cy]);

  // The canvas follows its box (the details panel opening, the window resizing).
  useEffect(() => {
    const box = container.current;
    if (!cy || !box) return;
    // Keep what was in the middle in the middle, even mid-animation (the details panel opens as a search centres).
    const observer = new ResizeObserver(() => {
      const before = { w: cy.width(), h: cy.height() };
      cy.resize();
      const dx = (cy.width() - before.w) / 2;
      const dy = (cy.height() - before.h) / 2;
      if (dx === 0 && dy === 0) return;
      const target = cy.scratch("tangleCentre") as string | undefined;
      const node = target ? cy.$id(target) : null;
      if (node && node.nonempty() && cy.animated()) {
        cy.stop();
        cy.zoom(Math.max(cy.zoom(), 1));
        cy.center(node);
      } else cy.panBy({ x: dx, y: dy });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [cy]);

  // Centre on the selection when asked (search, list, links in the details).
  useEffect(() => {
    if (!cy || focusRequest === 0) return;
    const name = useView.getState().selected;
    if (!name) return;
    const node = cy.$id(name);
    if (node.empty()) return;
    cy.stop();
    cy.scratch("tangleCentre", name);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250, complete: () => cy.removeScratch("tangleCentre") });
    node.flashClass("found", 1200);
  }, [cy, focusRequest]);

  const hiddenCount = graph.nodes.length - (visibility.visible.size - 1);
  const selectedNode = graph.nodes.find((n) => n.id === selected);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <GraphToolbar cy={cy} graph={graph} visibility={visibility} palette={palette} />
      {(collapsed.length > 0 || maxDepth !== null) && (
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-300">
          <span>
            {hiddenCount} of {graph.nodes.length} packages hidden
            {maxDepth !== null ? ` · depth ≤ ${maxDepth}` : ""}
            {collapsed.length ? ` · folded: ${collapsed.join(", ")}` : ""}
          </span>
          <button type="button" className="font-medium text-teal-700 underline hover:no-underline dark:text-teal-300" onClick={() => useView.getState().expandAll()}>
            Show all
          </button>
        </div>
      )}
      <div className="relative min-h-0 flex-1">
        {/* Cytoscape makes its container position: relative, so the container fills an absolutely placed box. */}
        <div className="absolute inset-0" style={{ background: palette.background }}>
          <div
            ref={container}
            data-testid="graph-canvas"
            role="img"
            aria-label={`Dependency graph of ${packages.length} packages. The List tab shows the same result as a table.`}
            className="h-full w-full"
          />
        </div>
        {laidOut === 0 && !failure && !layoutFailure && (
          <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-slate-500">Drawing the graph…</p>
        )}
        {(failure ?? layoutFailure) && (
          <p role="alert" className="absolute inset-0 flex items-center justify-center p-6 text-sm text-red-700 dark:text-red-400">
            {failure ?? layoutFailure}
          </p>
        )}
        <GraphLegend palette={palette} packages={packages} />
        {selectedNode && (graph.children.get(selectedNode.id)?.length ?? 0) > 0 && (
          <div className="absolute top-3 right-3">
            <Button size="sm" aria-pressed={collapsed.includes(selectedNode.id)} onClick={() => useView.getState().toggleCollapsed(selectedNode.id)}>
              {collapsed.includes(selectedNode.id) ? `Show subtree of ${selectedNode.displayName}` : `Hide subtree of ${selectedNode.displayName}`}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
