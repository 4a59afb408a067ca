// The graph's layout requests: which layout of which boxes and edges (read from Cytoscape element definitions), and a key that tells equal requests apart.
import type { GraphLayout } from "../../../stores/view";
import type { LayoutInput } from "../../../lib/layout/layout-types";

export interface LayoutRequest {
  kind: GraphLayout;
  input: LayoutInput;
}

/** A key that is equal for two requests exactly when their layouts are equal (same kind, node boxes in order, edges). */
export function layoutKey(request: LayoutRequest): string {
  const parts: string[] = [request.kind];
  for (const n of request.input.nodes) parts.push(`${n.id}\u0001${n.width}\u0001${n.height}`);
  parts.push("\u0002");
  for (const e of request.input.edges) parts.push(`${e.source}\u0001${e.target}`);
  return parts.join("\u0000");
}
