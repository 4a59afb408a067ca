// The graph at the size real projects have (about 250 packages from the wide-graph scenario): fitted whole, legend beside the drawing, specifiers shown where readable, focus modes, the selection never hidden by the details.
import { readFileSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { drawnGraph, freshPage, resolveAndWait, setRequirements, waitForGraph, type DrawnGraph } from "./support/explorer";
import { wideGraph } from "../scripts/fixture-index/wide-graph";

/** Two projects of the synthetic scenario whose dependencies together make about 250 packages. */
const REQUIREMENTS = "wg-authasynctool-39\nwg-dochttpml-305\n";

async function resolveWide(page: Page, baseURL: string | undefined): Promise<number> {
  await freshPage(page);
  await setRequirements(page, REQUIREMENTS);
  await page.getByLabel("Index URL").fill(`${baseURL}/index/scenarios/wide-graph/simple`);
  await page.getByLabel("Python version").selectOption("3.11");
  const count = await resolveAndWait(page);
  expect(count).toBeGreaterThan(100);
  await waitForGraph(page, count + 1);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-state", "drawn");
  return count;
}

/** All 1,000 packages of the wide-graph scenario at 1440×900, resolved and drawn. */
async function resolveWholeWideGraph(page: Page, baseURL: string | undefined): Promise<DrawnGraph> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshPage(page);
  await setRequirements(page, wideGraph(1000).roots.join("\n") + "\n");
  await page.getByLabel("Index URL").fill(`${baseURL}/index/scenarios/wide-graph/simple`);
  await page.getByLabel("Python version").selectOption("3.11");
  expect(await resolveAndWait(page)).toBe(1000);
  const drawn = await waitForGraph(page, 1001);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-state", "drawn");
  return drawn;
}

/** The edges whose specifier Cytoscape draws at the current zoom (font size times zoom reaches the style's minimum). */
async function readableEdgeLabels(page: Page): Promise<string[]> {
  return page.getByTestId("graph-canvas").evaluate((element) => {
    interface Edge {
      id(): string;
      style(key: string): string;
    }
    interface Registered {
      _cyreg?: { cy?: { zoom(): number; edges(): { filter(f: (e: Edge) => boolean): { map<T>(f: (e: Edge) => T): T[] } } } };
    }
    const cy = (element as HTMLElement & Registered)._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the canvas");
    const zoom = cy.zoom();
    return cy
      .edges()
      .filter((e) => parseFloat(e.style("font-size")) * zoom >= parseFloat(e.style("min-zoomed-font-size")))
      .map((e) => e.id());
  });
}

for (const viewport of [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`${viewport.name}: the first picture shows every package, and the legend sits outside the drawing`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const count = await resolveWide(page, baseURL);
    const graph = await drawnGraph(page);
    expect(graph.nodes).toHaveLength(count + 1);
    const { box } = graph;
    for (const node of graph.nodes) {
      expect(node.x, node.id).toBeGreaterThanOrEqual(box.x);
      expect(node.x, node.id).toBeLessThanOrEqual(box.x + box.width);
      expect(node.y, node.id).toBeGreaterThanOrEqual(box.y);
      expect(node.y, node.id).toBeLessThanOrEqual(box.y + box.height);
    }
    const legend = await page.getByRole("list", { name: "Legend" }).boundingBox();
    expect(legend).not.toBeNull();
    // Below the drawing, not over it.
    expect(legend!.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
    await expect(page.getByRole("list", { name: "Legend" })).toContainText("Direct requirement");
    await page.getByTestId("graph-canvas").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/graph-250-${viewport.name}.png` });
  });
}

test("specifiers show on the edges of the hovered and the selected package, and on all edges once zoomed in", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await resolveWide(page, baseURL);
  // Fitted, 250 packages are small: no edge label is drawn, none piles on another.
  expect(await readableEdgeLabels(page)).toEqual([]);

  const graph = await drawnGraph(page);
  const target = graph.nodes.find((n) => n.id === "wg-authasynctool-39")!;
  const edgesOfTarget = graph.edges.filter((e) => e.source === target.id || e.target === target.id).map((e) => e.id);
  await page.mouse.move(target.x, target.y);
  await expect.poll(() => readableEdgeLabels(page)).toEqual(expect.arrayContaining(edgesOfTarget));
  expect((await readableEdgeLabels(page)).length).toBe(edgesOfTarget.length);
  await page.mouse.move(graph.box.x + 2, graph.box.y + 2);
  await expect.poll(() => readableEdgeLabels(page)).toEqual([]);

  await page.getByRole("combobox", { name: "Find package" }).fill("wg-dochttpml-305");
  await page.getByRole("combobox", { name: "Find package" }).press("Enter");
  const selectedEdges = graph.edges.filter((e) => e.source === "wg-dochttpml-305" || e.target === "wg-dochttpml-305").map((e) => e.id);
  // Centring on a search zooms to at least 1: the selection's edges are readable, still not every edge.
  await expect.poll(async () => (await readableEdgeLabels(page)).sort()).toEqual([...selectedEdges].sort());

  // Zoom in with the wheel, as a person does, until the picture is close enough to read: every label then shows.
  await page.getByTestId("graph-canvas").hover();
  await expect(async () => {
    await page.mouse.wheel(0, -300);
    expect((await readableEdgeLabels(page)).length).toBe(graph.edges.length);
  }).toPass({ timeout: 20_000 });
});

test("Zoom to fit brings back the whole picture after zooming in, and says what it does", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const count = await resolveWide(page, baseURL);
  const fit = page.getByRole("button", { name: "Zoom to fit" });
  await expect(fit).toHaveAttribute("title", /Zoom to fit/);
  await expect(fit).toContainText("Fit");
  await page.getByTestId("graph-canvas").hover();
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -400);
  const inside = (g: Awaited<ReturnType<typeof drawnGraph>>) =>
    g.nodes.filter((n) => n.x >= g.box.x && n.x <= g.box.x + g.box.width && n.y >= g.box.y && n.y <= g.box.y + g.box.height).length;
  await expect.poll(async () => inside(await drawnGraph(page))).toBeLessThan(count + 1);
  await fit.click();
  await expect.poll(async () => inside(await drawnGraph(page))).toBe(count + 1);
});

test("focus: the selection's neighbourhood, then the requirements and the paths to it, then everything again", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const count = await resolveWide(page, baseURL);
  const all = await drawnGraph(page);
  // A package deep in the graph with more than one parent.
  const parents = (id: string) => all.edges.filter((e) => e.target === id).map((e) => e.source);
  const children = (id: string) => all.edges.filter((e) => e.source === id).map((e) => e.target);
  const deep = all.nodes.map((n) => n.id).find((id) => id !== "<root>" && parents(id).length >= 2 && !parents(id).includes("<root>"))!;

  const focus = page.getByRole("group", { name: "Focus" });
  await focus.getByRole("button", { name: "Neighbours" }).click();
  await expect(page.getByTestId("graph-filter-bar")).toContainText("Select a package to see its neighbourhood");

  await page.getByRole("combobox", { name: "Find package" }).fill(deep);
  await page.getByRole("combobox", { name: "Find package" }).press("Enter");
  const neighbourhood = ["<root>", deep, ...parents(deep), ...children(deep)];
  await expect.poll(async () => (await drawnGraph(page)).nodes.map((n) => n.id).sort()).toEqual([...new Set(neighbourhood)].sort());
  await expect(page.getByTestId("graph-filter-bar")).toContainText(`${deep}, what it requires and what requires it`);

  await focus.getByRole("button", { name: "Paths" }).click();
  // Everything that leads to the selection, and the direct requirements; nothing that does not lead to it.
  const ancestors = new Set<string>([deep]);
  for (const id of ancestors) for (const p of parents(id)) if (p !== "<root>") ancestors.add(p);
  const direct = children("<root>");
  await expect.poll(async () => (await drawnGraph(page)).nodes.map((n) => n.id).sort()).toEqual([...new Set(["<root>", ...direct, ...ancestors])].sort());
  await expect(page.getByTestId("graph-filter-bar")).toContainText(`every path from them to ${deep}`);
  await page.screenshot({ path: "test-results/screens/graph-focus-paths.png" });

  await page.getByTestId("graph-filter-bar").getByRole("button", { name: "Show all" }).click();
  await waitForGraph(page, count + 1);
  await expect(focus.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true");
});

test("opening the details keeps the selected package in view", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await resolveWide(page, baseURL);
  await page.getByTestId("graph-canvas").hover();
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
  // The package furthest right that is still on screen: the details panel opens on the right and narrows the canvas.
  const before = await drawnGraph(page);
  const onScreen = before.nodes.filter((n) => n.id !== "<root>" && n.x < before.box.x + before.box.width - 30 && n.x > before.box.x && n.y > before.box.y + 20 && n.y < before.box.y + before.box.height - 20);
  const rightmost = onScreen.reduce((a, b) => (b.x > a.x ? b : a));
  await page.mouse.click(rightmost.x, rightmost.y);
  await expect(page.getByRole("heading", { name: new RegExp(rightmost.id) }).first()).toBeVisible();
  await expect
    .poll(async () => {
      const after = await drawnGraph(page);
      const node = after.nodes.find((n) => n.id === rightmost.id)!;
      return after.box.width < before.box.width && node.x > after.box.x && node.x < after.box.x + after.box.width;
    })
    .toBe(true);
  await page.screenshot({ path: "test-results/screens/graph-details-selection.png" });
});

test("on the whole 1,000-package picture, clicking a package highlights every path to it and draws the rest faint; Escape takes it all back", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const all = await resolveWholeWideGraph(page, baseURL);

  // A package reached along more than one path, clicked where Cytoscape draws it.
  const parents = (id: string) => all.edges.filter((e) => e.target === id).map((e) => e.source);
  const inside = (n: { x: number; y: number }) => n.x > all.box.x + 20 && n.x < all.box.x + all.box.width - 20 && n.y > all.box.y + 20 && n.y < all.box.y + all.box.height - 20;
  const target = all.nodes.find((n) => n.id !== "<root>" && parents(n.id).length >= 2 && !parents(n.id).includes("<root>") && inside(n))!;
  await page.mouse.click(target.x, target.y);
  await expect(page.getByRole("complementary", { name: `Details of ${target.id}` })).toBeVisible();

  // What leads to it: its ancestors and the edges among them; every other element of the ~3,900 is dimmed.
  const ancestors = new Set<string>([target.id]);
  for (const id of ancestors) for (const p of parents(id)) ancestors.add(p);
  const pathEdges = all.edges.filter((e) => ancestors.has(e.source) && ancestors.has(e.target)).map((e) => e.id).sort();
  await expect
    .poll(async () => {
      const g = await drawnGraph(page);
      return {
        hl: g.edges.filter((e) => e.classes.includes("hl")).map((e) => e.id).sort(),
        undimmed: g.nodes.filter((n) => !n.dimmed).map((n) => n.id).sort(),
        dimmedEdges: g.edges.filter((e) => e.dimmed).length,
      };
    })
    .toEqual({ hl: pathEdges, undimmed: [...ancestors].sort(), dimmedEdges: all.edges.length - pathEdges.length });
  const selected = await drawnGraph(page);
  expect(selected.nodes.find((n) => n.id === target.id)?.classes).toEqual(expect.arrayContaining(["hl", "selected"]));
  await page.screenshot({ path: "test-results/screens/graph-1000-path.png" });

  // On screen, a dimmed package is faint: it stands out from the background around it less than half as much as once
  // the dimming has gone. (A package with no other package drawn within a few pixels.)
  const lone = selected.nodes.find(
    (n) => n.dimmed && inside(n) && n.x < selected.box.x + selected.box.width - 20 && selected.nodes.every((o) => o.id === n.id || Math.abs(o.x - n.x) > 12 || Math.abs(o.y - n.y) > 6),
  )!;
  const contrast = async (id: string) => {
    const node = (await drawnGraph(page)).nodes.find((n) => n.id === id)!;
    const png = await page.screenshot({ clip: { x: node.x - 5, y: node.y - 3, width: 10, height: 6 } });
    return page.evaluate(async (data) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let min = 255;
      let max = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const grey = (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;
        min = Math.min(min, grey);
        max = Math.max(max, grey);
      }
      return max - min;
    }, [...png]);
  };
  const faint = await contrast(lone.id);

  await page.keyboard.press("Escape");
  await expect(page.getByRole("complementary", { name: `Details of ${target.id}` })).toBeHidden();
  await expect
    .poll(async () => {
      const g = await drawnGraph(page);
      return [...g.nodes, ...g.edges].filter((e) => e.dimmed || e.classes.some((c) => ["hl", "selected", "near-selected"].includes(c))).length;
    })
    .toBe(0);
  await expect.poll(async () => await contrast(lone.id), { message: `${lone.id} is drawn in full again` }).toBeGreaterThan(2 * faint);
});

test("on the 1,000-package picture, the pointer finds what Cytoscape's full hit test finds, in its drawing order: on packages, on edges and their arrowheads, between them, by mouse and by touch; zoomed in, with a package selected and after one is dragged", async ({ page, baseURL }) => {
  // Cytoscape's full hit test takes ~20 ms a point here: a few hundred points at two zooms.
  test.setTimeout(150_000);
  await resolveWholeWideGraph(page, baseURL);

  const compare = (around: string[]) =>
    page.getByTestId("graph-canvas").evaluate((element, around) => {
      interface Ele {
        id(): string;
        isNode(): boolean;
        data(key: string): string;
        position(): { x: number; y: number };
        _private: { rscratch: { allpts?: number[]; arrowEndX?: number; arrowEndY?: number } };
      }
      interface Renderer {
        findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): Ele[];
        getCachedZSortedEles(forceRecalc?: boolean): Ele[] & { interactive: Ele[] };
      }
      const cy = (element as HTMLElement & { _cyreg: { cy: { renderer(): Renderer; elements(): { toArray(): Ele[] }; extent(): { x1: number; x2: number; y1: number; y2: number } } } })._cyreg.cy;
      const renderer = cy.renderer();
      const own = Object.prototype.hasOwnProperty.call(renderer, "findNearestElements");
      const full = Object.getPrototypeOf(renderer).findNearestElements as Renderer["findNearestElements"];
      // Points on every twentieth package and just off it, on every thirtieth edge's midpoint and arrowhead, and a grid
      // over the view; a fixed stride, no randomness. Touch reaches further: every fourth point is also touched.
      const points: [number, number][] = [];
      const elements = cy.elements().toArray();
      elements.forEach((e, i) => {
        if (e.isNode() && i % 20 === 0) {
          const p = e.position();
          points.push([p.x, p.y], [p.x + 40, p.y + 9]);
        } else if (!e.isNode() && i % 30 === 0) {
          const pts = e._private.rscratch.allpts ?? [];
          if (pts.length >= 4) points.push([(pts[0] + pts[2]) / 2 + 3, (pts[1] + pts[3]) / 2 - 3]);
          const { arrowEndX: ax, arrowEndY: ay } = e._private.rscratch;
          if (ax !== undefined && ay !== undefined) points.push([ax, ay]);
        }
      });
      // Points on and beside the packages named, and on their edges (a dragged package is at its new place).
      for (const e of elements) {
        if (e.isNode() && around.includes(e.id())) {
          const p = e.position();
          points.push([p.x, p.y], [p.x + 30, p.y], [p.x, p.y - 14]);
        }
        const ends = [e.data("source"), e.data("target")];
        if (!e.isNode() && ends.some((end) => around.includes(end))) {
          const pts = e._private.rscratch.allpts ?? [];
          if (pts.length >= 4) points.push([(pts[0] + pts[2]) / 2, (pts[1] + pts[3]) / 2]);
        }
      }
      const view = cy.extent();
      for (let i = 0; i <= 10; i++) for (let j = 0; j <= 6; j++) points.push([view.x1 + ((view.x2 - view.x1) * i) / 10, view.y1 + ((view.y2 - view.y1) * j) / 6]);
      const ids = (found: Ele[]) => found.map((e) => e.id()).join(" ");
      // The drawing order Tangle sorts (keys read once) against Cytoscape's own sort, both made afresh.
      const ownSort = Object.prototype.hasOwnProperty.call(renderer, "getCachedZSortedEles");
      const quick = renderer.getCachedZSortedEles(true);
      const quickOrder = { all: ids(quick), interactive: ids(quick.interactive) };
      const cytoscapes = (Object.getPrototypeOf(renderer) as Renderer).getCachedZSortedEles.call(renderer, true);
      const sameOrder = quickOrder.all === ids(cytoscapes) && quickOrder.interactive === ids(cytoscapes.interactive);
      let hits = 0;
      const differences: string[] = [];
      for (const [k, [x, y]] of points.entries()) {
        for (const touch of k % 4 === 0 ? [false, true] : [false]) {
          const narrowed = ids(renderer.findNearestElements(x, y, true, touch));
          const everything = ids(full.call(renderer, x, y, true, touch));
          if (narrowed !== "") hits++;
          if (narrowed !== everything && differences.length < 5) differences.push(`(${x.toFixed(1)}, ${y.toFixed(1)}) touch=${touch}: ${narrowed} vs ${everything}`);
        }
      }
      return { own, ownSort, sameOrder, points: points.length, hits, differences };
    }, around);
  const expectSameAnswers = async (around: string[] = []) => {
    const result = await compare(around);
    expect(result.own).toBe(true);
    expect(result.ownSort).toBe(true);
    expect(result.sameOrder).toBe(true);
    expect(result.points).toBeGreaterThan(300);
    expect(result.hits).toBeGreaterThan(200);
    expect(result.differences).toEqual([]);
  };

  // Fitted whole, then zoomed in on the middle.
  await expectSameAnswers();
  await page.getByTestId("graph-canvas").evaluate((element) => {
    const cy = (element as HTMLElement & { _cyreg: { cy: { zoom(o: { level: number; renderedPosition: { x: number; y: number } }): void; width(): number; height(): number } } })._cyreg.cy;
    cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  });
  await expectSameAnswers();

  // A package clicked (its border thickens, its edges come on top, the details panel narrows the canvas), then one
  // dragged aside with the mouse: the hit test keeps up with both.
  const onScreen = () =>
    page.getByTestId("graph-canvas").evaluate((element) => {
      interface Node {
        id(): string;
        renderedPosition(): { x: number; y: number };
        renderedBoundingBox(): { x1: number; x2: number; y1: number; y2: number };
      }
      const cy = (element as HTMLElement & { _cyreg: { cy: { nodes(): { map<T>(f: (n: Node) => T): T[] }; width(): number; height(): number } } })._cyreg.cy;
      const rect = element.getBoundingClientRect();
      const nodes = cy.nodes().map((n) => ({ id: n.id(), ...n.renderedPosition(), box: n.renderedBoundingBox() }));
      const free = nodes.find(
        (n) =>
          n.id !== "<root>" &&
          n.x > 80 &&
          n.x < cy.width() - 80 &&
          n.y > 80 &&
          n.y < cy.height() - 80 &&
          nodes.every((o) => o.id === n.id || n.x < o.box.x1 - 3 || n.x > o.box.x2 + 3 || n.y < o.box.y1 - 3 || n.y > o.box.y2 + 3),
      );
      if (!free) throw new Error("no package on screen with room around it");
      return { id: free.id, x: rect.x + free.x, y: rect.y + free.y };
    });
  const chosen = await onScreen();
  await page.mouse.click(chosen.x, chosen.y);
  await expect(page.getByRole("heading", { level: 2, name: chosen.id })).toBeVisible();
  await page.mouse.move(chosen.x, chosen.y);
  await expectSameAnswers([chosen.id]);
  const dragged = await onScreen();
  await page.mouse.move(dragged.x, dragged.y);
  await page.mouse.down();
  await page.mouse.move(dragged.x + 60, dragged.y + 30, { steps: 6 });
  await page.mouse.up();
  expect(await onScreen().then((next) => next.id)).toBeTruthy();
  await expectSameAnswers([chosen.id, dragged.id]);
});

test("on the 1,000-package picture, what Cytoscape would not show is not drawn, and only that: tiny arrowheads and hidden edge labels; zoomed in, selected and in a PNG export the picture is Cytoscape's own", async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  await resolveWholeWideGraph(page, baseURL);

  /**
   * The canvases' pixels after one full redraw and a PNG export as the PNG button makes it (twice the size, at most
   * 8,192 px a side): with the renderer's `method` as Tangle set it, and with Cytoscape's own.
   */
  const pictures = (method: "drawArrowheads" | "drawCachedElementPortion") =>
    page.getByTestId("graph-canvas").evaluate(async (element, method) => {
      interface Renderer {
        NODE: number;
        DRAG: number;
        data: { canvasNeedsRedraw: boolean[] };
        render(): void;
        [method: string]: unknown;
      }
      interface Cy {
        renderer(): Renderer;
        zoom(): number;
        png(o: object): Promise<Blob>;
        elements(): { boundingBox(): { w: number; h: number } };
      }
      const cy = (element as HTMLElement & { _cyreg: { cy: Cy } })._cyreg.cy;
      const renderer = cy.renderer();
      const own = Object.prototype.hasOwnProperty.call(renderer, method);
      const tangles = renderer[method];
      const canvases = [...element.querySelectorAll("canvas")];
      const redraw = () => {
        renderer.data.canvasNeedsRedraw[renderer.NODE] = true;
        renderer.data.canvasNeedsRedraw[renderer.DRAG] = true;
        renderer.render();
        return canvases.map((c) => c.toDataURL()).join(" ");
      };
      const box = cy.elements().boundingBox();
      const scale = Math.min(2, 8192 / Math.max(box.w, box.h));
      const png = async () => {
        const blob = await cy.png({ output: "blob-promise", full: true, scale });
        const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
        return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
      };
      // The two views back to back, in one task: no animation frame (a centring, a highlight slice) comes between them.
      const withSkip = { view: redraw(), png: "" };
      delete renderer[method];
      const cytoscapes = { view: redraw(), png: "" };
      renderer[method] = tangles;
      redraw();
      withSkip.png = await png();
      delete renderer[method];
      cytoscapes.png = await png();
      renderer[method] = tangles;
      return { own, zoom: cy.zoom(), scale, sameView: withSkip.view === cytoscapes.view, samePng: withSkip.png === cytoscapes.png };
    }, method);

  // Fitted whole (zoom ~0.05), an arrowhead is a pixel across: left out of the view, kept in the export (drawn ten
  // times larger). No edge label shows at that zoom: skipping them changes not a pixel.
  const arrows = await pictures("drawArrowheads");
  expect(arrows.own).toBe(true);
  expect(arrows.zoom).toBeLessThan(0.07);
  expect(arrows.scale).toBeGreaterThan(0.3);
  expect(arrows.sameView).toBe(false);
  expect(arrows.samePng).toBe(true);
  expect(await readableEdgeLabels(page)).toEqual([]);
  expect(await pictures("drawCachedElementPortion")).toMatchObject({ own: true, sameView: true, samePng: true });

  // A package found and selected: the view centres on it at zoom 1, its edges' specifiers show (drawn as before), and
  // so does every arrowhead.
  await page.getByRole("combobox", { name: "Find package" }).fill("wg-dochttpml-305");
  await page.getByRole("combobox", { name: "Find package" }).press("Enter");
  await expect.poll(async () => (await readableEdgeLabels(page)).length).toBeGreaterThan(0);
  for (const method of ["drawArrowheads", "drawCachedElementPortion"] as const) {
    const selected = await pictures(method);
    expect(selected.zoom).toBeGreaterThanOrEqual(1);
    expect(selected.sameView).toBe(true);
    // (The exports are compared at fit only: the highlight may still be spreading between two exports here.)
  }
});

test("the PNG of a 1,000-package graph is scaled down to 8,192 pixels across, and says so and where every detail is", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await resolveWholeWideGraph(page, baseURL);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export as PNG" }).click()]);
  expect(download.suggestedFilename()).toBe("tangle-graph.png");
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  expect(width).toBe(8192);
  expect(height).toBeGreaterThan(1000);
  expect(height).toBeLessThan(width);
  await expect(page.getByRole("alert").filter({ hasText: "The PNG is scaled down" })).toHaveText(
    `The PNG is scaled down to 8,192 × ${height.toLocaleString("en")} pixels; the SVG keeps every detail at any size.`,
  );
});

test("a package reached along dozens of paths lists the five shortest, highlights them all, and shows the rest on request", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const all = await resolveWholeWideGraph(page, baseURL);
  await page.getByRole("combobox", { name: "Find package" }).fill("wg-dochttpml-305");
  await page.getByRole("combobox", { name: "Find package" }).press("Enter");
  const details = page.getByRole("complementary", { name: "Details of wg-dochttpml-305" });
  const paths = details.getByRole("list", { name: "Paths from your requirements" }).getByRole("listitem");
  await expect(paths).toHaveCount(5);
  const more = details.getByRole("button", { name: /^Show all \d+ paths$/ });
  const total = Number((await more.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(20);
  await expect(more).toHaveAttribute("aria-expanded", "false");
  // Shortest first: no later path is shorter than the ones listed.
  const steps = async () => (await paths.allTextContents()).map((t) => t.split("→").length);
  const firstFive = await steps();
  expect(firstFive).toEqual([...firstFive].sort((a, b) => a - b));

  // Every path is highlighted, listed or not: the ancestors of the package and the edges among them.
  const parents = (id: string) => all.edges.filter((e) => e.target === id).map((e) => e.source);
  const ancestors = new Set<string>(["wg-dochttpml-305"]);
  for (const id of ancestors) for (const p of parents(id)) ancestors.add(p);
  const pathEdges = all.edges.filter((e) => ancestors.has(e.source) && ancestors.has(e.target)).map((e) => e.id).sort();
  await expect.poll(async () => (await drawnGraph(page)).edges.filter((e) => e.classes.includes("hl")).map((e) => e.id).sort()).toEqual(pathEdges);

  await more.click();
  await expect(paths).toHaveCount(total);
  const fewer = details.getByRole("button", { name: "Show the first 5 only" });
  await expect(fewer).toHaveAttribute("aria-expanded", "true");
  expect(Math.min(...(await steps()).slice(5))).toBeGreaterThanOrEqual(Math.max(...firstFive));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/details-all-paths-narrow.png" });
  await page.setViewportSize({ width: 1440, height: 900 });

  await fewer.click();
  await expect(paths).toHaveCount(5);
  await more.click();
  await expect(paths).toHaveCount(total);

  // Another package reached along more than five paths starts with its first five again.
  const pathCount = (id: string): number => (id === "<root>" ? 1 : parents(id).reduce((n, p) => n + pathCount(p), 0));
  const other = [...ancestors].find((id) => id !== "wg-dochttpml-305" && id !== "<root>" && pathCount(id) > 5)!;
  await page.getByRole("combobox", { name: "Find package" }).fill(other);
  await page.getByRole("combobox", { name: "Find package" }).press("Enter");
  const otherDetails = page.getByRole("complementary", { name: `Details of ${other}` });
  await expect(otherDetails.getByRole("list", { name: "Paths from your requirements" }).getByRole("listitem")).toHaveCount(5);
  await expect(otherDetails.getByRole("button", { name: `Show all ${pathCount(other)} paths` })).toHaveAttribute("aria-expanded", "false");
});
