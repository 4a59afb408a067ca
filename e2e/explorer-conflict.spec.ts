// A set that cannot be satisfied: the numbered explanation, the conflict drawn with its clashing ranges, and a way out applied in one click.
import { test, expect } from "@playwright/test";
import { drawnGraph, editorText, freshPage } from "./support/explorer";

test("the conflicting example is explained in words and as a picture, and a suggested fix resolves", async ({ page }) => {
  await freshPage(page);
  await page.getByRole("button", { name: /Try: a conflicting set/ }).click();

  const explanation = page.getByRole("region", { name: "Conflict explanation" });
  await expect(explanation).toBeVisible({ timeout: 30_000 });
  await expect(explanation).toContainText("requests");
  await expect(explanation).toContainText("urllib3");
  await expect(page.getByText("No set of versions satisfies these requirements")).toBeVisible();

  await expect.poll(async () => (await drawnGraph(page, "conflict-graph")).nodes.length).toBeGreaterThan(1);
  const picture = await drawnGraph(page, "conflict-graph");
  expect(picture.nodes.some((n) => n.classes.includes("conclusion"))).toBe(true);
  expect(picture.nodes.some((n) => n.classes.includes("clash") || n.classes.includes("clash-range"))).toBe(true);

  const waysOut = page.getByRole("region", { name: "Ways out" });
  const apply = waysOut.getByRole("button", { name: /^Apply: / });
  await expect(apply.first()).toBeVisible();
  const before = await editorText(page);
  const title = (await apply.first().getAttribute("aria-label")) ?? "";
  await apply.first().click();

  await expect(page.getByText(/^\d+ packages resolved$/)).toBeVisible({ timeout: 30_000 });
  await expect(explanation).toHaveCount(0);
  const after = await editorText(page);
  const pinned = await page.getByRole("group", { name: "What-if edits" }).count();
  expect(after !== before || pinned > 0, `applying “${title}” changed neither the text nor the pins`).toBe(true);
});
