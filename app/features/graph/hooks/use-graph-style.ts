// Keeps the picture's stylesheet in step with the theme: restyled in place, positions stay.
import { useEffect } from "react";
import type { Core } from "cytoscape";
import type { GraphPalette } from "../../../lib/graph-palette";
import { graphStylesheet } from "../utils/graph-style";

export function useGraphStyle(cy: Core | null, palette: GraphPalette): void {
  useEffect(() => {
    cy?.style(graphStylesheet(palette));
  }, [cy, palette]);
}
