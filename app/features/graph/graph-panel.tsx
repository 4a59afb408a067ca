// The graph feature: the resolved packages drawn with Cytoscape (lazy), with search, layouts, folding, depth limit and export.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Core, EventObject, LayoutOptions } from "cytoscape";
import type { ResolvedPackageDto, ResolveRequest } from "../../../workers/api";
import { useView, ROOT_ID } from "../../stores/view";
import { useTheme } from "../../stores/theme";
import { paletteFor } from "../../components/graph-palette";
import { useCytoscape } from "../../components/use-cytoscape";
import { buildDependencyGraph } from "./graph-elements";
import { visibleNodes } from "./graph-filter";
import { cytoscapeElements } from "./cytoscape-elements";
import { graphStylesheet } from "./graph-style";
import { useRootSpecifiers } from "./use-root-specifiers";
import { GraphToolbar } from "./graph-toolbar";
import { GraphLegend } from "./graph-legend";
import { Button } from "../../components/button";

function layoutOptions(layout: "hierarchical" | "force", nodeCount: number): LayoutOptions {
  if (layout === "force") {
    return {
      name: "cose",
      animate: false,
      fit: true,
      padding: 30,
      randomize: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 90,
      nodeOverlap: 12,
      numIter: nodeCount > 150 ? 600 : 1000,
    } as LayoutOptions;
  }
  return { name: "dagre", rankDir: "LR", nodeSep: 10, rankSep: 110, edgeSep: 6, fit: true, padding: 30, animate: false } as LayoutOptions;
}

/** Labels stay legible: after fitting, a large graph is shown at a readable zoom from its root instead of as a speck. */
function readableZoom(cy: Core): void {
  const MIN = 0.65;
  if (cy.zoom() >= MIN) return;
  const root = cy.$id(ROOT_ID);
  cy.zoom(MIN);
  if (root.empty()) cy.center();
  else {
    const box = root.renderedBoundingBox();
    cy.panBy({ x: 40 - box.x1, y: cy.height() / 2 - (box.y1 + box.y2) / 2 });
  }
}

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
  const { cy, failure } = useCytoscape(container);
  const [laidOut, setLaidOut] = useState(0);

  // Theme: restyle in place.
  useEffect(() => {
    cy?.style(graphStylesheet(palette));
  }, [cy, palette]);

  // Structure: replace the elements and lay them out again.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    cy.layout(layoutOptions(layout, elements.length)).run();
    readableZoom(cy);
    setLaidOut((n) => n + 1);
  }, [cy, elements, layout]);

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
        {!cy && !failure && <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-500">Drawing the graph…</p>}
        {failure && (
          <p role="alert" className="absolute inset-0 flex items-center justify-center p-6 text-sm text-red-700 dark:text-red-400">
            {failure}
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
