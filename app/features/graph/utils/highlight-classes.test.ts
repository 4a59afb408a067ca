import { describe, it, expect } from "vitest";
import cytoscape from "cytoscape";
import type { Core } from "cytoscape";
import { applyHighlight, highlightChanges } from "./highlight-classes";

/** root -> a -> b -> c, root -> x -> c, and `extra` more packages hanging off root. */
function graph(extra = 0): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const nodes = ["<root>", "a", "b", "c", "x", ...Array.from({ length: extra }, (_, i) => `p${i}`)];
  const edges: [string, string][] = [["<root>", "a"], ["a", "b"], ["b", "c"], ["<root>", "x"], ["x", "c"], ...Array.from({ length: extra }, (_, i): [string, string] => ["<root>", `p${i}`])];
  cy.add([...nodes.map((id) => ({ group: "nodes" as const, data: { id } })), ...edges.map(([s, t]) => ({ group: "edges" as const, data: { id: `${s}->${t}`, source: s, target: t } }))]);
  return cy;
}

const PATH_TO_B = { nodes: ["<root>", "a", "b"], edges: ["<root>->a", "a->b"] };

function classesOf(cy: Core, id: string): string[] {
  return cy.$id(id).classes().sort();
}

const now = { slice: 10_000, alive: () => true, nextFrame: () => Promise.resolve() };

describe("applyHighlight", () => {
  it("highlights the paths, dims the rest, marks the selection and its edges, and never dims the selected package", async () => {
    const cy = graph();
    await applyHighlight(cy, PATH_TO_B, "b", now);
    expect(classesOf(cy, "a")).toEqual(["hl"]);
    expect(classesOf(cy, "a->b")).toEqual(["hl", "near-selected"]);
    expect(classesOf(cy, "b")).toEqual(["hl", "selected"]);
    expect(classesOf(cy, "b->c")).toEqual(["dim", "near-selected"]);
    expect(classesOf(cy, "x")).toEqual(["dim"]);

    // Selected off the highlighted paths: selected, not dimmed.
    await applyHighlight(cy, PATH_TO_B, "x", now);
    expect(classesOf(cy, "x")).toEqual(["selected"]);
    expect(classesOf(cy, "b")).toEqual(["hl"]);
    expect(classesOf(cy, "b->c")).toEqual(["dim"]);
  });

  it("takes every mark off when nothing is selected or highlighted, and keeps classes it does not own", async () => {
    const cy = graph();
    cy.$id("a").addClass("vulnerable");
    await applyHighlight(cy, PATH_TO_B, "b", now);
    await applyHighlight(cy, null, null, now);
    expect(cy.elements(".dim, .hl, .selected, .near-selected").length).toBe(0);
    expect(classesOf(cy, "a")).toEqual(["vulnerable"]);
  });

  it("on a large picture changes at most a slice per frame, what is highlighted and selected in a first frame of its own, and ends where one go would", async () => {
    const sliced = graph(2000);
    const whole = graph(2000);
    const perFrame: number[] = [0];
    sliced.on("class", () => perFrame[perFrame.length - 1]++);
    let firstFrameDone = false;
    const salientAfterFirstFrame: string[] = [];
    await applyHighlight(sliced, PATH_TO_B, "b", {
      slice: 1000,
      alive: () => true,
      nextFrame: async () => {
        if (!firstFrameDone) {
          firstFrameDone = true;
          salientAfterFirstFrame.push(...["a", "b", "a->b", "b->c"].map((id) => `${id}:${classesOf(sliced, id).join(",")}`));
        }
        perFrame.push(0);
      },
    });
    await applyHighlight(whole, PATH_TO_B, "b", now);
    // 4,010 elements change: the six on the path or by the selection in a frame of their own, then the dimming of the
    // other 4,004 in five frames of at most 1,000.
    expect(perFrame.length).toBe(6);
    expect(perFrame[0]).toBeLessThanOrEqual(12);
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(1000);
    expect(salientAfterFirstFrame).toEqual(["a:hl", "b:hl,selected", "a->b:hl,near-selected", "b->c:dim,near-selected"]);
    sliced.elements().forEach((e) => {
      expect(e.classes().sort(), e.id()).toEqual(whole.$id(e.id()).classes().sort());
    });
  });

  it("stops when the picture moves on, and a later call finishes from the half-done state", async () => {
    const cy = graph(2000);
    let frames = 0;
    await applyHighlight(cy, PATH_TO_B, "b", { slice: 1000, alive: () => frames < 1, nextFrame: async () => void frames++ });
    expect(cy.elements(".dim").length).toBeGreaterThan(0);
    expect(cy.elements(".dim").length).toBeLessThan(2000);
    // Deselected before the dimming finished: every mark goes.
    await applyHighlight(cy, null, null, { slice: 1000, alive: () => true, nextFrame: () => Promise.resolve() });
    expect(cy.elements(".dim, .hl, .selected, .near-selected").length).toBe(0);
    expect(highlightChanges(cy, null, null)).toEqual([]);
  });
});
