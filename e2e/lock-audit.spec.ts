// A lock's pins are audited as they are, against the index the session names (as tangle audit and pip-audit do), and each lock shown gets its own audit.
import { test, expect, type Page } from "@playwright/test";
import { drawnGraph, freshPage, useSnapshotIndex } from "./support/explorer";
import { dropFiles, lockProjectFile } from "./support/locks";

async function vulnerableNodes(page: Page): Promise<string[]> {
  return (await drawnGraph(page)).nodes.filter((n) => n.classes.includes("vulnerable")).map((n) => n.id).sort();
}

test("a poetry.lock (which names no index) is audited against the session's index; opening another lock audits that one", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshPage(page);
  await useSnapshotIndex(page);
  await dropFiles(page, [lockProjectFile("poetry.lock"), lockProjectFile("pyproject.toml")]);
  const card = page.getByRole("region", { name: "Lock file" });
  await expect(card).toContainText("poetry.lock · version 2.1 · 21 packages for this target");
  const legend = page.getByRole("list", { name: "Legend" });
  await expect(legend.getByRole("listitem").filter({ hasText: "Known vulnerability" })).toContainText(/Known vulnerability\s*\d+/, { timeout: 20_000 });
  const first = await vulnerableNodes(page);
  expect(first).toEqual(expect.arrayContaining(["flask", "jinja2", "requests", "urllib3"]));
  await page.getByRole("tab", { name: "Audit" }).click();
  const table = page.getByRole("table", { name: "Vulnerable packages" });
  await expect(table.getByRole("row").filter({ hasText: "flask" })).toContainText("1.0.4");
  await expect(page.getByText(/Vulnerability data not available/)).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/lock-audit-1440.png" });

  // The newer lock moved flask to 1.1.2 and requests to 2.25.0: its own audit, not the first lock's, is listed.
  await dropFiles(page, [lockProjectFile("poetry.next.lock"), lockProjectFile("pyproject.toml")]);
  await expect(card).toContainText("poetry.next.lock");
  await expect(table.getByRole("row").filter({ hasText: "flask" })).toContainText("1.1.2", { timeout: 20_000 });
  await expect(table).not.toContainText("1.0.4");
  // The project opened again with it keeps Poetry's non-optional dev group ticked, as the first time.
  await expect(page.getByRole("checkbox", { name: "dev" })).toBeChecked();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/lock-audit-390.png", fullPage: true });
});
