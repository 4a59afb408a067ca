import { describe, it, expect } from "vitest";
import cytoscape from "cytoscape";
import type { Core } from "cytoscape";
import { applyHighlight, highlightChanges } from "./highlight-classes";
import { dimmingOf } from "./canvas-dim";

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

const now = { slice: 10_000, alive: () => true, nextFrame: () => Promise.resolve(), fadeMs: 0 };

/** The ids drawn dimmed (none when nothing is highlighted). */
function dimmed(cy: Core): string[] {
  const lit = dimmingOf(cy)?.lit;
  return lit ? cy.elements().filter((e) => !lit.has(e.id())).map((e) => e.id()).sort() : [];
}

describe("applyHighlight", () => {
  it("highlights the paths, dims the rest, marks the selection and its edges, and never dims the selected package", async () => {
    const cy = graph();
    await applyHighlight(cy, PATH_TO_B, "b", now);
    expect(classesOf(cy, "a")).toEqual(["hl"]);
    expect(classesOf(cy, "a->b")).toEqual(["hl", "near-selected"]);
    expect(classesOf(cy, "b")).toEqual(["hl", "selected"]);
    expect(classesOf(cy, "b->c")).toEqual(["near-selected"]);
    expect(dimmed(cy)).toEqual(["<root>->x", "b->c", "c", "x", "x->c"]);

    // Selected off the highlighted paths: selected, not dimmed.
    await applyHighlight(cy, PATH_TO_B, "x", now);
    expect(classesOf(cy, "x")).toEqual(["selected"]);
    expect(classesOf(cy, "b")).toEqual(["hl"]);
    expect(classesOf(cy, "b->c")).toEqual([]);
    expect(dimmed(cy)).toEqual(["<root>->x", "b->c", "c", "x->c"]);
  });

  it("takes every mark and the dimming off when nothing is selected or highlighted, and keeps classes it does not own", async () => {
    const cy = graph();
    cy.$id("a").addClass("vulnerable");
    await applyHighlight(cy, PATH_TO_B, "b", now);
    await applyHighlight(cy, null, null, now);
    expect(cy.elements(".hl, .selected, .near-selected").length).toBe(0);
    expect(dimmed(cy)).toEqual([]);
    expect(classesOf(cy, "a")).toEqual(["vulnerable"]);
  });

  it("a selection without highlighted paths dims nothing", async () => {
    const cy = graph();
    await applyHighlight(cy, null, "b", now);
    expect(classesOf(cy, "b")).toEqual(["selected"]);
    expect(dimmed(cy)).toEqual([]);
  });

  it("on a large picture restyles only what it lights up, and many paths at most a slice per frame, ending where one go would", async () => {
    const fan = 2000;
    const manyPaths = { nodes: ["<root>", ...Array.from({ length: fan }, (_, i) => `p${i}`)], edges: Array.from({ length: fan }, (_, i) => `<root>->p${i}`) };
    const sliced = graph(fan);
    const whole = graph(fan);
    let perFrame: number[] = [0];
    sliced.on("class", () => perFrame[perFrame.length - 1]++);
    let dimmedAfterFirstFrame: string[] = [];
    await applyHighlight(sliced, PATH_TO_B, "b", { ...now, slice: 1000 });
    // One path on 4,010 elements: the six it lights up or selects change, in one frame; the dimming restyles nothing.
    expect(perFrame).toEqual([6]);
    perFrame = [0];
    await applyHighlight(sliced, manyPaths, "p0", {
      slice: 1000,
      alive: () => true,
      nextFrame: async () => {
        if (perFrame.length === 1) dimmedAfterFirstFrame = dimmed(sliced);
        perFrame.push(0);
      },
      fadeMs: 0,
    });
    await applyHighlight(whole, manyPaths, "p0", now);
    // 4,005 elements change (the 4,000 of the fan lit, five of the old path put out): slices of at most 1,000.
    expect(perFrame).toEqual([1000, 1000, 1000, 1000, 5]);
    // The dimming comes with the first frame, whole.
    expect(dimmedAfterFirstFrame).toEqual(["<root>->a", "<root>->x", "a", "a->b", "b", "b->c", "c", "x", "x->c"]);
    sliced.elements().forEach((e) => {
      expect(e.classes().sort(), e.id()).toEqual(whole.$id(e.id()).classes().sort());
    });
  });

  it("stops when the picture moves on, and a later call finishes from the half-done state", async () => {
    const cy = graph(2000);
    const manyPaths = { nodes: ["<root>", ...Array.from({ length: 2000 }, (_, i) => `p${i}`)], edges: Array.from({ length: 2000 }, (_, i) => `<root>->p${i}`) };
    let frames = 0;
    await applyHighlight(cy, manyPaths, "p1", { slice: 1000, alive: () => frames < 1, nextFrame: async () => void frames++, fadeMs: 0 });
    expect(cy.elements(".hl").length).toBeGreaterThan(0);
    expect(cy.elements(".hl").length).toBeLessThan(4000);
    // Deselected before the highlighting finished: every mark goes.
    await applyHighlight(cy, null, null, now);
    expect(cy.elements(".hl, .selected, .near-selected").length).toBe(0);
    expect(highlightChanges(cy, null, null)).toEqual([]);
  });
});
