// Turns the visible part of the dependency graph into Cytoscape element definitions (labels, sizes, trait classes).
import type { ElementDefinition } from "cytoscape";
import type { DependencyGraph, GraphNode } from "./graph-elements";
import type { GraphVisibility } from "./graph-filter";
import { ROOT_ID } from "../../../stores/view";

const CHAR_WIDTH = 7;
const LINE_HEIGHT = 15;

/** The lines of text on a node: "name version", then its extras and warnings, then how much is folded under it. */
export function nodeLines(node: GraphNode, hiddenChildren = 0): string[] {
  const lines = [node.label];
  const tags: string[] = [];
  if (node.extras.length) tags.push(`[${node.extras.join(",")}]`);
  if (node.traits.includes("yanked")) tags.push("yanked");
  if (node.traits.includes("unknown")) tags.push("deps unknown");
  if (tags.length) lines.push(tags.join(" · "));
  if (node.marker) lines.push(markerLine(node.marker));
  if (hiddenChildren > 0) lines.push(`+${hiddenChildren} hidden`);
  return lines;
}

/** Where a package of a universal result is installed, short enough for a node: the marker, cut at 44 characters. */
export function markerLine(marker: string): string {
  const text = `only if ${marker.replace(/"/g, "'")}`;
  return text.length > 44 ? `${text.slice(0, 43)}…` : text;
}

export function nodeSize(lines: readonly string[]): { w: number; h: number } {
  const longest = Math.max(...lines.map((l) => l.length));
  return { w: Math.round(longest * CHAR_WIDTH + 24), h: lines.length * LINE_HEIGHT + 14 };
}

export function cytoscapeElements(graph: DependencyGraph, visibility: GraphVisibility): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  for (const node of [graph.root, ...graph.nodes]) {
    if (!visibility.visible.has(node.id)) continue;
    const hidden = visibility.hiddenChildren.get(node.id) ?? 0;
    const lines = nodeLines(node, hidden);
    const classes = [node.id === ROOT_ID ? "root" : "package", ...node.traits, ...(hidden ? ["folded"] : [])];
    elements.push({ group: "nodes", data: { id: node.id, display: lines.join("\n"), ...nodeSize(lines) }, classes });
  }
  for (const edge of graph.edges) {
    if (!visibility.visible.has(edge.source) || !visibility.visible.has(edge.target)) continue;
    elements.push({
      group: "edges",
      data: { id: edge.id, source: edge.source, target: edge.target, label: edge.label },
      // A drag that starts on an edge pans the picture, as one on the background does (with thousands of edges
      // drawn, most of a zoomed-out picture is under some edge).
      pannable: true,
      classes: [...(edge.source === ROOT_ID ? ["from-root"] : []), ...(edge.marker ? ["partial"] : [])],
    });
  }
  return elements;
}
