// "Find package": type a name, the graph selects that package, centres it and opens its details.
import { test, expect } from "@playwright/test";
import { drawnGraph, freshPage, resolveAndWait, setRequirements, useSnapshotIndex, waitForGraph } from "./support/explorer";

test("finding a package centres it in the graph and shows its details", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas>=1.0\nmatplotlib\n");
  await useSnapshotIndex(page);
  const count = await resolveAndWait(page);
  await waitForGraph(page, count + 1);

  const search = page.getByRole("combobox", { name: "Find package" });
  await search.fill("kiwi");
  await search.press("Enter");
  await expect(page.getByRole("complementary", { name: "Details of kiwisolver" })).toBeVisible();

  await expect
    .poll(async () => {
      const graph = await drawnGraph(page);
      const node = graph.nodes.find((n) => n.id === "kiwisolver");
      if (!node) return Infinity;
      return Math.hypot(node.x - (graph.box.x + graph.box.width / 2), node.y - (graph.box.y + graph.box.height / 2));
    })
    .toBeLessThan(4);
  const kiwi = (await drawnGraph(page)).nodes.find((n) => n.id === "kiwisolver");
  expect(kiwi?.classes).toContain("selected");
});

test("a name that matches nothing says so", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas\n");
  await useSnapshotIndex(page);
  await resolveAndWait(page);
  const search = page.getByRole("combobox", { name: "Find package" });
  await search.fill("django");
  await search.press("Enter");
  await expect(page.getByRole("alert")).toContainText("No package matches “django”.");
});
