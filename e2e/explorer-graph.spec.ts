// The graph's own tools: folding a subtree, limiting depth, switching layout, and exporting PNG and SVG.
import { readFile } from "node:fs/promises";
import { test, expect } from "@playwright/test";
import { drawnGraph, freshPage, resolveAndWait, setRequirements, useSnapshotIndex, waitForGraph } from "./support/explorer";

test.beforeEach(async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas>=1.0\nmatplotlib\n");
  await useSnapshotIndex(page);
});

test("hiding a subtree and limiting depth show fewer packages, and Show all brings them back", async ({ page }) => {
  const count = await resolveAndWait(page);
  const all = await waitForGraph(page, count + 1);
  expect(all.nodes.map((n) => n.id)).toContain("kiwisolver");

  await page.getByRole("combobox", { name: "Find package" }).fill("matplotlib");
  await page.getByRole("combobox", { name: "Find package" }).press("Enter");
  await page.getByRole("button", { name: "Hide subtree of matplotlib" }).click();
  await expect.poll(async () => (await drawnGraph(page)).nodes.map((n) => n.id)).not.toContain("kiwisolver");
  const folded = await drawnGraph(page);
  // numpy and python-dateutil stay: pandas needs them too.
  expect(folded.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(["matplotlib", "numpy", "python-dateutil"]));
  expect(folded.nodes.find((n) => n.id === "matplotlib")?.classes).toContain("folded");
  await expect(page.getByText(/packages hidden/)).toBeVisible();

  await page.getByRole("button", { name: "Show all" }).click();
  await waitForGraph(page, count + 1);

  await page.getByLabel("Depth").selectOption("1");
  await expect.poll(async () => (await drawnGraph(page)).nodes.map((n) => n.id).sort()).toEqual(["<root>", "matplotlib", "pandas"]);
  await page.getByLabel("Depth").selectOption("all");
  await waitForGraph(page, count + 1);
});

test("from one selected package to the next, the line above the picture stays and the picture keeps its size: a package with nothing under it says so where the fold would be", async ({ page }) => {
  const count = await resolveAndWait(page);
  await waitForGraph(page, count + 1);
  const find = page.getByRole("combobox", { name: "Find package" });
  await find.fill("matplotlib");
  await find.press("Enter");
  await expect(page.getByRole("button", { name: "Hide subtree of matplotlib" })).toBeVisible();
  const withChildren = (await drawnGraph(page)).box;

  // pytz requires nothing: no fold to offer, and the line says why instead of going away.
  await find.fill("pytz");
  await find.press("Enter");
  await expect(page.getByTestId("graph-filter-bar")).toContainText("pytz requires no other package");
  await expect(page.getByRole("button", { name: /subtree of/ })).toHaveCount(0);
  expect((await drawnGraph(page)).box).toEqual(withChildren);
});

test("the force layout redraws the same graph", async ({ page }) => {
  const count = await resolveAndWait(page);
  const before = await waitForGraph(page, count + 1);
  await page.getByRole("button", { name: "Force" }).click();
  await expect(page.getByRole("button", { name: "Force" })).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(async () => {
      const after = await drawnGraph(page);
      return after.nodes.some((n) => {
        const old = before.nodes.find((o) => o.id === n.id);
        return old !== undefined && Math.hypot(old.layout.x - n.layout.x, old.layout.y - n.layout.y) > 5;
      });
    })
    .toBe(true);
  expect((await drawnGraph(page)).nodes).toHaveLength(count + 1);
});

test("the picture downloads as PNG and as SVG", async ({ page }) => {
  const count = await resolveAndWait(page);
  await waitForGraph(page, count + 1);

  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export as PNG" }).click()]);
  expect(png.suggestedFilename()).toBe("tangle-graph.png");
  const pngBytes = await readFile(await png.path());
  expect([...pngBytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
  expect(pngBytes.length).toBeGreaterThan(5_000);

  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export as SVG" }).click()]);
  expect(svg.suggestedFilename()).toBe("tangle-graph.svg");
  const text = await readFile(await svg.path(), "utf8");
  expect(text).toContain("<svg");
  expect(text).toContain(">pandas 1.1.4</text>");
  expect(text).toContain("&gt;=1.15.4");
  expect(text.match(/<g class="node"/g)).toHaveLength(count + 1);
});

test("the layout is computed in a worker, and switching back to a layout redraws the same picture", async ({ page }) => {
  const count = await resolveAndWait(page);
  const first = await waitForGraph(page, count + 1);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-state", "drawn");
  expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/graph-layout/));
  expect(await page.evaluate(() => performance.getEntriesByName("tangle:graph-drawn").length)).toBeGreaterThanOrEqual(1);

  await page.getByRole("button", { name: "Force" }).click();
  await expect(canvas).toHaveAttribute("data-drawn", "2");
  await page.getByRole("button", { name: "Hierarchical" }).click();
  await expect(canvas).toHaveAttribute("data-drawn", "3");
  const again = await drawnGraph(page);
  const at = (graph: typeof first, id: string) => graph.nodes.find((n) => n.id === id);
  // The layout's positions, not the page's: a notice arriving above the canvas (the audit's, say) may move or
  // resize it, and the redraw then fits the same picture into a different box.
  for (const node of first.nodes) {
    expect(at(again, node.id)?.layout.x ?? NaN).toBeCloseTo(node.layout.x, 3);
    expect(at(again, node.id)?.layout.y ?? NaN).toBeCloseTo(node.layout.y, 3);
  }
});

for (const width of [1440, 390]) {
  test(`at ${width} px, a drag that starts on an edge pans the picture and moves no package`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const count = await resolveAndWait(page);
    const before = await waitForGraph(page, count + 1);
    const canvas = page.getByTestId("graph-canvas");
    await canvas.scrollIntoViewIfNeeded();
    // A point on an edge, clear of every package box, well inside the canvas.
    const start = await canvas.evaluate((element) => {
      interface Box { x1: number; x2: number; y1: number; y2: number }
      interface El { renderedPosition(): { x: number; y: number }; renderedBoundingBox(): Box }
      interface Cy { width(): number; height(): number; nodes(): { map<T>(f: (n: El) => T): T[] }; edges(): { map<T>(f: (e: { source(): El; target(): El }) => T): T[] } }
      const cy = (element as HTMLElement & { _cyreg?: { cy?: Cy } })._cyreg?.cy;
      if (!cy) return null;
      const boxes = cy.nodes().map((n) => n.renderedBoundingBox());
      const points = cy.edges().map((e) => {
        const a = e.source().renderedPosition();
        const b = e.target().renderedPosition();
        return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      });
      const rect = element.getBoundingClientRect();
      const clear = points.find(
        (p) => p.x > 60 && p.x < cy.width() - 60 && p.y > 60 && p.y < cy.height() - 60 && boxes.every((b) => p.x < b.x1 - 6 || p.x > b.x2 + 6 || p.y < b.y1 - 6 || p.y > b.y2 + 6),
      );
      return clear ? { x: rect.x + clear.x, y: rect.y + clear.y } : null;
    });
    expect(start, "no edge runs through open canvas").not.toBeNull();
    if (!start) return;
    const panOf = () => canvas.evaluate((element) => (element as HTMLElement & { _cyreg?: { cy?: { pan(): { x: number; y: number } } } })._cyreg?.cy?.pan() ?? { x: NaN, y: NaN });
    const panBefore = await panOf();
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 40, start.y + 30, { steps: 8 });
    await page.mouse.up();
    const panAfter = await panOf();
    expect(panAfter.x - panBefore.x).toBeCloseTo(40, 0);
    expect(panAfter.y - panBefore.y).toBeCloseTo(30, 0);
    const after = await drawnGraph(page);
    for (const node of before.nodes) {
      const moved = after.nodes.find((n) => n.id === node.id);
      expect(moved?.layout, node.id).toEqual(node.layout);
    }
    await page.screenshot({ path: `test-results/graph-panned-${width}.png` });
  });
}
