// Computes the positions a layout request asks for: the layered picture, or a force picture grown from it (pure; runs in the layout worker).
import { forceLayout } from "./force-layout";
import { layeredLayout } from "../../../lib/layout/layered-layout";
import type { LayoutRequest } from "./layout-input";
import type { LayoutPositions } from "../../../lib/layout/layout-types";

export function computeLayout(request: LayoutRequest): LayoutPositions {
  const layered = layeredLayout(request.input);
  return request.kind === "force" ? forceLayout(request.input, layered) : layered;
}
