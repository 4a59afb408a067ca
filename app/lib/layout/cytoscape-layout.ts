// Cytoscape element definitions and layouts: the boxes and edges a layout needs, read from the elements, and the positions it computed, put back.
import type { ElementDefinition } from "cytoscape";
import type { LayoutEdge, LayoutInput, LayoutNode, LayoutPositions } from "./layout-types";

/** The boxes and edges of Cytoscape element definitions whose data carries `w` and `h`, as `cytoscapeElements` makes them. */
export function layoutInputOf(elements: readonly ElementDefinition[]): LayoutInput {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  for (const element of elements) {
    const data = element.data;
    if (element.group === "edges") edges.push({ source: String(data.source), target: String(data.target) });
    else nodes.push({ id: String(data.id), width: Number(data.w) || 0, height: Number(data.h) || 0 });
  }
  return { nodes, edges };
}

/** Node definitions with their computed positions; edges unchanged. Positions are in node order, as `layoutInputOf` read them. */
export function withPositions(elements: readonly ElementDefinition[], positions: LayoutPositions): ElementDefinition[] {
  let i = 0;
  return elements.map((element) => {
    if (element.group === "edges") return element;
    const position = { x: positions[2 * i], y: positions[2 * i + 1] };
    i++;
    return { ...element, position };
  });
}
