// The browser's metadata cache: after a reload, the same resolution is answered from IndexedDB with no request to the index.
import { test, expect } from "@playwright/test";
import { freshPage, resolveAndWait, setRequirements, useSnapshotIndex } from "./support/explorer";

test("a reloaded page resolves again from the cache alone, to the same packages", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas>=1.0\nmatplotlib\n");
  await useSnapshotIndex(page);
  const first = await resolveAndWait(page);
  await expect(page.getByText(/\d+ requests? \(\d+ cached\)|\d+ requests? ·/).first()).toBeVisible();

  // A fresh page: a new worker with nothing in memory; the input comes back from the saved session.
  await page.reload();
  await page.getByRole("button", { name: "Resolve", exact: true }).waitFor();
  const again = await resolveAndWait(page);
  expect(again).toBe(first);
  await expect(page.getByText(/^[\d.]+ s · 0 requests \(\d+ cached\)/)).toBeVisible();
  await page.screenshot({ path: "test-results/explorer-cache-1440.png" });
});
