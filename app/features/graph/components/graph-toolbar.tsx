// The graph's toolbar: "Find package", layout choice, depth limit, folding the selection, zoom to fit, PNG and SVG export.
import { memo, useId, useMemo, useState } from "react";
import type { Core } from "cytoscape";
import { useView } from "../../../stores/view";
import { Button } from "../../../components/button";
import { SearchIcon } from "../../../components/icons";
import { ZoomFitIcon } from "./zoom-fit-icon";
import { useGraphFocus } from "../stores/graph-focus";
import type { GraphFocus } from "../utils/graph-focus";
import type { GraphPalette } from "../../../lib/graph-palette";
import { download } from "../../../lib/download";
import type { DependencyGraph } from "../utils/graph-elements";
import type { GraphVisibility } from "../utils/graph-filter";
import { findPackage } from "../utils/find-package";
import { graphToSvg, type SvgPicture } from "../utils/svg-export";
import { pngSize } from "../utils/png-size";
import { NODE_FONT_SIZE } from "../utils/graph-style";

function svgOf(cy: Core, palette: GraphPalette): string {
  const picture: SvgPicture = {
    background: palette.background,
    labelColor: palette.edgeLabel,
    fontSize: NODE_FONT_SIZE,
    nodes: cy.nodes().map((n) => {
      const pos = n.position();
      const style = (key: string) => String(n.style(key));
      return {
        id: n.id(),
        lines: String(n.data("display")).split("\n"),
        x: pos.x,
        y: pos.y,
        width: n.width(),
        height: n.height(),
        fill: style("background-color"),
        stroke: style("border-color"),
        strokeWidth: parseFloat(style("border-width")) || 1,
        text: style("color"),
        dashed: style("border-style") !== "solid",
        outline: n.hasClass("extras") ? palette.extras : undefined,
      };
    }),
    edges: cy.edges().map((e) => ({
      source: e.source().id(),
      target: e.target().id(),
      label: String(e.data("label") ?? ""),
      color: String(e.style("line-color")),
      width: parseFloat(String(e.style("width"))) || 1,
    })),
  };
  return graphToSvg(picture);
}

const FOCUS_CHOICES: { id: GraphFocus; label: string; title: string }[] = [
  { id: "all", label: "All", title: "Show every package" },
  { id: "neighbourhood", label: "Neighbours", title: "Show only the selected package, what it requires and what requires it" },
  { id: "requirements", label: "Paths", title: "Show only your direct requirements and every path from them to the selected package" },
];

/**
 * Memoised: the panel re-renders on every audit progress tick, and a toolbar whose suggestion list holds every package
 * (1,000 options on a big graph) re-rendered with it, 30 ms or more each time.
 */
export const GraphToolbar = memo(function GraphToolbar({ cy, graph, visibility, palette }: { cy: Core | null; graph: DependencyGraph; visibility: GraphVisibility; palette: GraphPalette }) {
  const searchId = useId();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const layout = useView((s) => s.layout);
  const setLayout = useView((s) => s.setLayout);
  const maxDepth = useView((s) => s.maxDepth);
  const setMaxDepth = useView((s) => s.setMaxDepth);
  const deepest = Math.max(1, ...graph.nodes.map((n) => n.depth));
  const focus = useGraphFocus((s) => s.focus);
  const setFocus = useGraphFocus((s) => s.setFocus);
  // Typing in the search box re-renders the toolbar: the list of every package is built once per graph.
  const suggestions = useMemo(
    () => (
      <datalist id={listId}>
        {graph.nodes.map((n) => (
          <option key={n.id} value={n.displayName} />
        ))}
      </datalist>
    ),
    [graph.nodes, listId],
  );

  const find = (text: string) => {
    const node = findPackage(graph.nodes, text);
    if (!node) {
      setMessage(`No package matches “${text.trim()}”.`);
      return;
    }
    if (!visibility.visible.has(node.id)) {
      useView.getState().expandAll();
      setMessage(`${node.displayName} was hidden by the filters; showing everything.`);
    } else setMessage(null);
    useView.getState().select(node.id, { focus: true });
  };

  return (
    <div className="flex flex-wrap items-center gap-1.5 border-b border-slate-200 px-2 py-2 dark:border-slate-800">
      <form
        role="search"
        className="relative flex items-center"
        onSubmit={(e) => {
          e.preventDefault();
          find(query);
        }}
      >
        <label htmlFor={searchId} className="sr-only">
          Find package
        </label>
        <SearchIcon className="pointer-events-none absolute left-2 h-3.5 w-3.5 text-slate-400" />
        <input
          id={searchId}
          type="search"
          list={listId}
          value={query}
          placeholder="Find package"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setMessage(null);
            // Picking an entry of the suggestion list finds it at once.
            if (graph.nodes.some((n) => n.displayName === e.target.value)) find(e.target.value);
          }}
          className="h-8 w-40 rounded-md border border-slate-300 bg-white pr-1 pl-7 text-[13px] [&::-webkit-calendar-picker-indicator]:hidden shadow-sm focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        />
        {suggestions}
      </form>
      <div role="group" aria-label="Layout" className="flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
        {(["hierarchical", "force"] as const).map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={layout === l}
            onClick={() => setLayout(l)}
            className={`h-6 rounded px-2 text-xs font-medium ${layout === l ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
          >
            {l === "hierarchical" ? "Hierarchical" : "Force"}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Focus" className="flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
        {FOCUS_CHOICES.map((f) => (
          <button
            key={f.id}
            type="button"
            title={f.title}
            aria-pressed={focus === f.id}
            onClick={() => setFocus(f.id)}
            className={`h-6 rounded px-2 text-xs font-medium ${focus === f.id ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      <label className="flex items-center text-xs text-slate-600 dark:text-slate-300">
        <span className="sr-only">Depth</span>
        <select
          title="Show packages up to this many steps from your requirements"
          value={maxDepth ?? "all"}
          onChange={(e) => setMaxDepth(e.target.value === "all" ? null : Number(e.target.value))}
          className="h-7 rounded-md border border-slate-300 bg-white px-1 text-xs dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        >
          <option value="all">All depths</option>
          {Array.from({ length: deepest }, (_, i) => i + 1).map((d) => (
            <option key={d} value={d}>
              Depth ≤ {d}
            </option>
          ))}
        </select>
      </label>
      <div className="ml-auto flex items-center gap-0.5">
        <Button
          size="sm"
          variant="quiet"
          disabled={!cy}
          onClick={() => cy?.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 250 })}
          title="Zoom to fit: show the whole graph"
          aria-label="Zoom to fit"
        >
          <ZoomFitIcon className="h-4 w-4" />
          <span className="hidden text-xs sm:inline">Fit</span>
        </Button>
        <Button
          size="sm"
          variant="quiet"
          disabled={!cy}
          title="Download the graph as a PNG picture"
          aria-label="Export as PNG"
          onClick={() => {
            if (!cy) return;
            const box = cy.elements().boundingBox();
            const size = pngSize(box.w, box.h);
            setMessage(
              size.reduced
                ? `The PNG is scaled down to ${size.width.toLocaleString("en")} × ${size.height.toLocaleString("en")} pixels; the SVG keeps every detail at any size.`
                : null,
            );
            void cy.png({ output: "blob-promise", full: true, scale: size.scale, bg: palette.background }).then((blob) => download(blob, "tangle-graph.png"));
          }}
        >
          PNG
        </Button>
        <Button
          size="sm"
          variant="quiet"
          disabled={!cy}
          title="Download the graph as an SVG drawing"
          aria-label="Export as SVG"
          onClick={() => cy && download(svgOf(cy, palette), "tangle-graph.svg", "image/svg+xml")}
        >
          SVG
        </Button>
      </div>
      {message && (
        <p role="alert" className="w-full text-xs text-amber-800 dark:text-amber-300">
          {message}
        </p>
      )}
    </div>
  );
});
