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
