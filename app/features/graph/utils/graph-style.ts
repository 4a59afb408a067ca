// The Cytoscape stylesheet of the dependency graph: node traits (direct, extras, pre-release, yanked, unknown), edges, highlight.
import type { StylesheetJson } from "cytoscape";
import { nodeBoxStyle, type GraphPalette } from "../../../lib/graph-palette";
import { DIFF_MARKS, type DiffMark } from "../../../stores/comparison";

export const NODE_FONT_SIZE = 12;

/** From this many packages on, the picture drops what costs most per frame: the dimming comes and goes without a fade. */
export const LARGE_GRAPH = 150;

/** Classes that say what the user is doing (selection, hover, highlighted paths), kept when an element's data is updated in place. */
export const STATE_CLASSES: ReadonlySet<string> = new Set(["hl", "selected", "found", "hover", "near-selected", "vulnerable", "diff-added", "diff-removed", "diff-upgraded", "diff-downgraded", "diff-changed"]);

/** The comparison's colour of each way a package can move (the legend uses the same). */
export function diffColour(p: GraphPalette, mark: DiffMark): string {
  return { added: p.diffAdded, removed: p.diffRemoved, upgraded: p.diffUpgraded, downgraded: p.diffDowngraded, changed: p.diffChanged }[mark];
}

function diffStyles(p: GraphPalette): StylesheetJson {
  return DIFF_MARKS.map((mark) => ({
    selector: `node.diff-${mark}`,
    style: {
      "border-color": diffColour(p, mark),
      "border-width": 3.5,
      "border-style": mark === "removed" ? "dashed" : "solid",
      "underlay-color": diffColour(p, mark),
      "underlay-opacity": 0.22,
      "underlay-padding": 5,
      ...(mark === "removed" ? { opacity: 0.7 } : {}),
    },
  }));
}

/** Edge labels are 10 px in the picture; unless the edge is hovered, selected or highlighted they are drawn only from this zoom on. */
export const EDGE_LABEL_ZOOM = 1.2;
const EDGE_FONT_SIZE = 10;

/**
 * Edge labels (the specifiers) are drawn only where they can be read: on the edges of the hovered and the selected
 * package and on highlighted paths, and on every edge once the picture is zoomed in to `EDGE_LABEL_ZOOM` (12 px on
 * screen; further out, labels of edges that meet at one package pile on each other).
 */
export function graphStylesheet(p: GraphPalette): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        ...nodeBoxStyle(p, NODE_FONT_SIZE),
        "line-height": 1.25,
        // Names smaller than 6 px on screen are not drawn: unreadable, and drawing a thousand of them is most of a frame.
        "min-zoomed-font-size": 6,
      },
    },
    { selector: "node.root", style: { "background-color": p.rootFill, color: p.rootText, "border-width": 0, "font-weight": "bold" } },
    { selector: "node.direct", style: { "background-color": p.directFill, "border-color": p.directBorder, "border-width": 2.5, "font-weight": "bold" } },
    { selector: "node.extras", style: { "outline-width": 2, "outline-color": p.extras, "outline-offset": 2, "outline-style": "solid" } },
    { selector: "node.partial", style: { "border-style": "dashed" } },
    { selector: "node.prerelease", style: { "border-style": "dashed", "border-color": p.prerelease, "border-width": 2.5 } },
    { selector: "node.unknown", style: { "background-color": p.unknownFill, "border-style": "dotted", "border-color": p.unknownBorder, "border-width": 2.5 } },
    { selector: "node.yanked", style: { "background-color": p.yankedFill, "border-color": p.yankedBorder, color: p.yankedText, "border-width": 2.5 } },
    { selector: "node.folded", style: { "border-style": "double", "border-width": 4 } },
    { selector: "node.vulnerable", style: { "background-color": p.vulnerableFill, "border-color": p.vulnerableBorder, "border-width": 4, "border-style": "double" } },
    // A comparison: a thick coloured border and a halo of the same colour say how the package moved; a removed one is also struck through by a dashed border and faded.
    ...diffStyles(p),
    {
      selector: "edge",
      style: {
        width: 1.5,
        "line-color": p.edge,
        "target-arrow-color": p.edge,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        "curve-style": "straight",
        label: "data(label)",
        "font-size": EDGE_FONT_SIZE,
        color: p.edgeLabel,
        "text-background-color": p.background,
        "text-background-opacity": 0.85,
        "text-background-padding": "2px",
        "text-rotation": "none",
        "min-zoomed-font-size": EDGE_FONT_SIZE * EDGE_LABEL_ZOOM,
      },
    },
    { selector: "edge.from-root", style: { "line-style": "solid", "line-color": p.directBorder, "target-arrow-color": p.directBorder, opacity: 0.6 } },
    { selector: "edge.partial", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
    { selector: "edge.hover, edge.near-selected", style: { "min-zoomed-font-size": 0, width: 2.5, "line-color": p.selected, "target-arrow-color": p.selected, color: p.nodeText, "z-index": 10 } },
    { selector: "edge.hl", style: { "min-zoomed-font-size": 0, width: 3, "line-color": p.highlight, "target-arrow-color": p.highlight, opacity: 1, color: p.nodeText, "font-weight": "bold" } },
    { selector: "node.hl", style: { "border-color": p.highlight, "border-width": 3 } },
    { selector: "node.selected", style: { "border-color": p.selected, "border-width": 3.5, "underlay-color": p.selected, "underlay-opacity": 0.18, "underlay-padding": 6 } },
    { selector: "node.found", style: { "underlay-color": p.highlight, "underlay-opacity": 0.35, "underlay-padding": 10 } },
  ];
}
