// Resolve against the offline snapshot and see the result twice: as a drawn graph and as an accessible table.
import { test, expect } from "@playwright/test";
import { editor, freshPage, resolveAndWait, setRequirements, tableRows, useSnapshotIndex, waitForGraph } from "./support/explorer";

test.beforeEach(async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas>=1.0\nmatplotlib\n");
  await useSnapshotIndex(page);
});

test("resolving shows every package as a node and as a table row, edges labelled with specifiers", async ({ page }) => {
  const count = await resolveAndWait(page);
  expect(count).toBeGreaterThan(5);

  const graph = await waitForGraph(page, count + 1);
  const ids = graph.nodes.map((n) => n.id);
  expect(ids).toEqual(expect.arrayContaining(["<root>", "pandas", "matplotlib", "numpy", "python-dateutil", "pytz"]));
  const edge = (id: string) => graph.edges.find((e) => e.id === id);
  expect(edge("<root>->pandas")?.label).toBe(">=1.0");
  expect(edge("<root>->matplotlib")?.label).toBe("any");
  expect(edge("pandas->numpy")?.label).toBe(">=1.15.4");
  expect(graph.nodes.find((n) => n.id === "pandas")?.classes).toContain("direct");
  expect(graph.nodes.find((n) => n.id === "numpy")?.classes).not.toContain("direct");
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("Direct requirement");

  await page.getByRole("tab", { name: "List" }).click();
  const table = page.getByRole("region", { name: "Resolved packages" });
  await expect(table.getByRole("columnheader", { name: "Package" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Version" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Required by" })).toBeVisible();
  const rows = await tableRows(page);
  expect(rows).toHaveLength(count);
  expect(rows.find((r) => r.name === "pandas")).toEqual({ name: "pandas", version: "1.1.4", requiredBy: "your requirements" });
  expect(rows.find((r) => r.name === "numpy")?.requiredBy).toBe("matplotlib, pandas");
  expect(rows.map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort());
});

test("the table sorts by a column both ways and filters by a query", async ({ page }) => {
  const count = await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  const table = page.getByRole("region", { name: "Resolved packages" });

  await table.getByRole("button", { name: "Package" }).click();
  await expect(table.getByRole("columnheader", { name: "Package" })).toHaveAttribute("aria-sort", "descending");
  const descending = (await tableRows(page)).map((r) => r.name);
  expect(descending).toEqual([...descending].sort().reverse());

  await table.getByRole("button", { name: "Required by" }).click();
  await expect(table.getByRole("columnheader", { name: "Required by" })).toHaveAttribute("aria-sort", "ascending");
  const byDependents = (await tableRows(page)).map((r) => r.requiredBy);
  expect(byDependents).toEqual([...byDependents].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })));

  const filter = table.getByRole("searchbox", { name: "Filter packages" });
  await filter.fill("kiwi");
  expect((await tableRows(page)).map((r) => r.name)).toEqual(["kiwisolver"]);
  await expect(table).toContainText(`1 of ${count} packages`);
  // The query also matches the "Required by" column: six is there because of python-dateutil.
  await filter.fill("dateutil");
  expect((await tableRows(page)).map((r) => r.name).sort()).toEqual(["python-dateutil", "six"]);
});

test("Ctrl+Enter in the editor resolves", async ({ page }) => {
  await editor(page).press("Control+Enter");
  await expect(page.getByText(/^\d+ packages resolved$/)).toBeVisible({ timeout: 30_000 });
});
