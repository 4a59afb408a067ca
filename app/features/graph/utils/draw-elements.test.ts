import { describe, it, expect } from "vitest";
import cytoscape from "cytoscape";
import type { Core, ElementDefinition } from "cytoscape";
import { drawingOrder, initialViewport, replaceElements, updateElements } from "./draw-elements";
import { withPositions } from "../../../lib/layout/cytoscape-layout";
import { cytoscapeElements } from "./cytoscape-elements";
import { buildDependencyGraph } from "./graph-elements";
import { visibleNodes } from "./graph-filter";
import { layeredLayout } from "../../../lib/layout/layered-layout";
import { layoutInputOf } from "../../../lib/layout/cytoscape-layout";
import { resolutionOf } from "../../../test-support/resolution-of";

const ROOT = "<root>";

function positioned(edges: Record<string, string[]>, rootSpecifiers = new Map<string, string>()): ElementDefinition[] {
  const graph = buildDependencyGraph(resolutionOf(edges), rootSpecifiers);
  const elements = cytoscapeElements(graph, visibleNodes(graph.children, [], null));
  return withPositions(elements, layeredLayout(layoutInputOf(elements)));
}

/** Cytoscape without a screen; `width`/`height` stand in for the canvas box. */
function headless(width = 800, height = 600): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.width = () => width;
  cy.height = () => height;
  return cy;
}

describe("initialViewport", () => {
  it("fits a small picture in the middle, with padding", () => {
    const v = initialViewport([{ x: 0, y: 0, w: 100, h: 40 }, { x: 300, y: 100, w: 100, h: 40 }], 800, 600);
    expect(v.zoom).toBeCloseTo(Math.min(3, (800 - 60) / 400, (600 - 60) / 140));
    // The picture's centre (150, 50) lands in the canvas centre.
    expect(150 * v.zoom + v.pan.x).toBeCloseTo(400);
    expect(50 * v.zoom + v.pan.y).toBeCloseTo(300);
  });

  it("fits a picture of 200 packages whole: every box lands inside the canvas, none cropped", () => {
    const boxes = Array.from({ length: 200 }, (_, i) => ({ x: (i % 10) * 250, y: Math.floor(i / 10) * 400, w: 120, h: 30 }));
    const v = initialViewport(boxes, 800, 600);
    for (const b of boxes) {
      expect((b.x - b.w / 2) * v.zoom + v.pan.x).toBeGreaterThanOrEqual(0);
      expect((b.x + b.w / 2) * v.zoom + v.pan.x).toBeLessThanOrEqual(800);
      expect((b.y - b.h / 2) * v.zoom + v.pan.y).toBeGreaterThanOrEqual(0);
      expect((b.y + b.h / 2) * v.zoom + v.pan.y).toBeLessThanOrEqual(600);
    }
  });
});

describe("withPositions", () => {
  it("gives each node its position in node order and leaves edges alone", () => {
    const elements = positioned({ [ROOT]: ["a"], a: ["b"] });
    const nodes = elements.filter((e) => e.group === "nodes");
    expect(nodes.every((n) => n.position && Number.isFinite(n.position.x))).toBe(true);
    expect(elements.filter((e) => e.group === "edges").every((e) => e.position === undefined)).toBe(true);
  });
});

describe("drawingOrder", () => {
  it("puts visible nodes first and every edge after both of its ends", () => {
    const elements = positioned({ [ROOT]: ["a", "b", "c"], a: ["d"], b: ["d"], c: ["e"], d: ["e"] });
    // A viewport around node "e" only.
    const e = elements.find((x) => x.data.id === "e");
    const viewport = { zoom: 1, pan: { x: 10 - (e?.position?.x ?? 0), y: 10 - (e?.position?.y ?? 0) } };
    const order = drawingOrder(elements, viewport, 20, 20);
    expect(order).toHaveLength(elements.length);
    expect(new Set(order.map((x) => x.data.id))).toEqual(new Set(elements.map((x) => x.data.id)));
    expect(order[0].data.id).toBe("e");
    const at = new Map(order.map((x, i) => [String(x.data.id), i]));
    for (const edge of order.filter((x) => x.group === "edges")) {
      expect(at.get(String(edge.data.id))).toBeGreaterThan(at.get(String(edge.data.source)) ?? Infinity);
      expect(at.get(String(edge.data.id))).toBeGreaterThan(at.get(String(edge.data.target)) ?? Infinity);
    }
  });
});

describe("replaceElements", () => {
  it("replaces the picture with the new elements at their positions", async () => {
    const cy = headless();
    cy.add(positioned({ [ROOT]: ["old"] }));
    const elements = positioned({ [ROOT]: ["a"], a: ["b", "c"] });
    expect(await replaceElements(cy, elements, () => true)).toBe(true);
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual([ROOT, "a", "b", "c"]);
    expect(cy.edges()).toHaveLength(3);
    const a = elements.find((e) => e.data.id === "a");
    expect(cy.$id("a").position()).toEqual(a?.position);
  });

  it("stops between slices once a newer picture takes over", async () => {
    const cy = headless();
    const names = Array.from({ length: 400 }, (_, i) => `p${i}`);
    const elements = positioned({ [ROOT]: names });
    let slices = 0;
    const done = await replaceElements(cy, elements, () => slices++ < 1);
    expect(done).toBe(false);
    expect(cy.elements().length).toBeGreaterThan(0);
    expect(cy.elements().length).toBeLessThan(elements.length);
  });
});

describe("updateElements", () => {
  it("changes labels in place and keeps positions and view classes", async () => {
    const cy = headless();
    await replaceElements(cy, positioned({ [ROOT]: ["a"], a: ["b"] }), () => true);
    const before = cy.$id("a").position();
    cy.$id("a").addClass("selected");
    updateElements(cy, positioned({ [ROOT]: ["a"], a: ["b"] }, new Map([["a", ">=2"]])));
    expect(cy.$id(`${ROOT}->a`).data("label")).toBe(">=2");
    expect(cy.$id("a").position()).toEqual(before);
    expect(cy.$id("a").hasClass("selected")).toBe(true);
    expect(cy.$id("a").hasClass("direct")).toBe(true);
  });
});
