// Comparing two locks of a project in the page: what moved is listed with its reasons and drawn on the graph (colours and a legend), and a permalink carries the comparison.
import { test, expect, type Page } from "@playwright/test";
import { drawnGraph, freshPage, useSnapshotIndex } from "./support/explorer";
import { dropFiles, lockProjectFile } from "./support/locks";
import { copyLink } from "./support/share";

const EXPECTED = {
  upgraded: ["flask", "idna", "pytest", "requests", "urllib3"],
  downgraded: ["jinja2"],
  added: ["iniconfig", "toml"],
  removed: ["atomicwrites", "more-itertools", "wcwidth"],
};

/** Opens the old lock with its pyproject.toml, then compares it with the newer lock through the card's file picker. */
async function compareLocks(page: Page): Promise<void> {
  await dropFiles(page, [lockProjectFile("poetry.lock"), lockProjectFile("pyproject.toml")]);
  const card = page.getByRole("region", { name: "Lock file" });
  await expect(card).toContainText("21 packages for this target");
  const chooser = page.waitForEvent("filechooser");
  await card.getByRole("button", { name: "Compare with…" }).click();
  const next = lockProjectFile("poetry.next.lock");
  await (await chooser).setFiles({ name: next.name, mimeType: "text/plain", buffer: Buffer.from(next.text) });
}

/** Node ids of the drawn graph by diff class. */
async function marked(page: Page): Promise<Record<string, string[]>> {
  const graph = await drawnGraph(page);
  const out: Record<string, string[]> = {};
  for (const kind of ["added", "removed", "upgraded", "downgraded", "changed"]) {
    out[kind] = graph.nodes.filter((n) => n.classes.includes(`diff-${kind}`)).map((n) => n.id).sort();
  }
  return out;
}

async function expectComparisonShown(page: Page): Promise<void> {
  const diff = page.getByRole("region", { name: /^Compare poetry\.lock → poetry\.next\.lock:/ });
  await expect(diff).toBeVisible({ timeout: 30_000 });
  const changes = diff.getByRole("list", { name: "Changes" }).getByRole("listitem");
  await expect(changes.filter({ hasText: "jinja2" })).toContainText("downgraded jinja2 2.11.2 → 2.10.3");
  await expect(changes.filter({ hasText: "iniconfig" })).toContainText("added iniconfig 1.1.1");
  await expect(changes.filter({ hasText: "wcwidth" })).toContainText("removed wcwidth 0.2.5");
  // On the graph: every package of the newer lock plus the removed ones, each marked with how it moved.
  await expect.poll(() => marked(page), { timeout: 15_000 }).toEqual({ ...EXPECTED, changed: [] });
  const legend = page.getByRole("list", { name: "Legend" });
  await expect(legend.getByRole("listitem").filter({ hasText: "Upgraded" })).toContainText(/Upgraded\s*5/);
  await expect(legend.getByRole("listitem").filter({ hasText: "Downgraded" })).toContainText(/Downgraded\s*1/);
  await expect(legend.getByRole("listitem").filter({ hasText: "Added" })).toContainText(/Added\s*2/);
  await expect(legend.getByRole("listitem").filter({ hasText: "Removed" })).toContainText(/Removed\s*3/);
}

test("compare two locks: the changes listed with their reasons, and drawn on the graph with a legend", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshPage(page);
  await compareLocks(page);
  await expectComparisonShown(page);
  // A removed package is drawn where it was: linked from the package that required it in the old lock.
  const graph = await drawnGraph(page);
  expect(graph.edges.some((e) => e.source === "pytest" && e.target === "wcwidth")).toBe(true);
  await page.getByRole("tab", { name: "Graph" }).click();
  await page.screenshot({ path: "test-results/screens/lock-compare.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("region", { name: /^Compare / }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/lock-compare-narrow.png" });

  // Closing the comparison shows the lock alone again, unmarked.
  await page.getByRole("button", { name: "Close comparison" }).click();
  await expect(page.getByRole("region", { name: /^Compare / })).toHaveCount(0);
  await expect.poll(() => marked(page)).toEqual({ added: [], removed: [], upgraded: [], downgraded: [], changed: [] });
  await expect(page.getByRole("list", { name: "Legend" })).not.toContainText("Upgraded");
});

test("an upgrade's pending diff is marked on the lock's graph until it is accepted", async ({ page }) => {
  await freshPage(page);
  await useSnapshotIndex(page);
  await dropFiles(page, [lockProjectFile("poetry.lock"), lockProjectFile("pyproject.toml")]);
  const card = page.getByRole("region", { name: "Lock file" });
  await expect(card).toContainText("21 packages for this target");
  await page.getByRole("button", { name: "Upgrade all" }).click();
  const diff = page.getByRole("region", { name: /^Upgrade all:/ });
  await expect(diff).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await marked(page)).upgraded.length, { timeout: 15_000 }).toBeGreaterThan(0);
  await diff.getByRole("button", { name: "Discard" }).click();
  await expect.poll(async () => (await marked(page)).upgraded).toEqual([]);
});

test("a permalink copied during a comparison opens in a fresh browser with the same comparison drawn", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  await compareLocks(page);
  await expectComparisonShown(page);
  const link = await copyLink(page);
  expect(link).toMatch(/#s1\.[A-Za-z0-9_-]+$/);
  // Both locks travel compressed: the link is far shorter than the two files.
  expect(link.length).toBeLessThan((lockProjectFile("poetry.lock").text.length + lockProjectFile("poetry.next.lock").text.length) / 2);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expectComparisonShown(fresh);
  await expect(fresh.getByRole("region", { name: "Lock file" })).toContainText("poetry.lock · version 2.1");
  await expect(fresh.locator(".cm-content")).toContainText('flask = "^1.0"');
  await context.close();
});
