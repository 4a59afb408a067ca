// Details of a package: facts from the index, chosen version, edges both ways, and "Why is this here?" highlighted in the graph.
import { test, expect } from "@playwright/test";
import { drawnGraph, freshPage, resolveAndWait, setRequirements, useSnapshotIndex, waitForGraph } from "./support/explorer";

test.beforeEach(async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas>=1.0\nmatplotlib\n");
  await useSnapshotIndex(page);
});

test("clicking a node shows its details and every path that brought it in, highlighted", async ({ page }) => {
  const count = await resolveAndWait(page);
  const graph = await waitForGraph(page, count + 1);
  const numpy = graph.nodes.find((n) => n.id === "numpy");
  if (!numpy) throw new Error("numpy was not drawn");
  await page.mouse.click(numpy.x, numpy.y);

  const details = page.getByRole("complementary", { name: "Details of numpy" });
  await expect(details.getByRole("heading", { level: 2 })).toHaveText(/^numpy \d/);
  // The snapshot records no licence or Requires-Python for numpy: nothing is shown in their place, no placeholder.
  await expect(details).toContainText("No summary recorded.");
  await expect(details).not.toContainText("UNKNOWN");
  await expect(details).not.toContainText(/Requires-Python\s*any/);

  const paths = details.getByRole("list", { name: "Paths from your requirements" }).getByRole("listitem");
  await expect(paths).toHaveCount(2);
  await expect(paths.nth(0)).toHaveText(/your requirements\s*→\s*(matplotlib|pandas)\s*→\s*numpy/);
  await expect(details.getByRole("list", { name: "Required by" })).toContainText("pandas>=1.15.4");

  const highlighted = await drawnGraph(page);
  const hl = highlighted.edges.filter((e) => e.classes.includes("hl")).map((e) => e.id).sort();
  expect(hl).toEqual(["<root>->matplotlib", "<root>->pandas", "matplotlib->numpy", "pandas->numpy"]);
  expect(highlighted.nodes.find((n) => n.id === "pytz")?.dimmed).toBe(true);
  expect(highlighted.nodes.find((n) => n.id === "pandas")?.dimmed).toBe(false);
  expect(highlighted.nodes.find((n) => n.id === "numpy")?.classes).toContain("selected");
});

test("a row of the list opens the same details, and its links lead to other packages", async ({ page }) => {
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  await page.getByRole("region", { name: "Resolved packages" }).getByRole("button", { name: "pandas", exact: true }).click();
  const details = page.getByRole("complementary", { name: "Details of pandas" });
  await expect(details).toContainText("direct requirement");
  const dependencies = details.getByRole("list", { name: "Dependencies" });
  await expect(dependencies).toContainText("numpy>=1.15.4");
  await dependencies.getByRole("button", { name: "numpy" }).click();
  await expect(page.getByRole("complementary", { name: "Details of numpy" })).toBeVisible();
  await page.getByRole("button", { name: "Close the details" }).click();
  await expect(page.getByRole("complementary")).toHaveCount(0);
});
