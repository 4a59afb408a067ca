// A text too big for the browser's storage is said to be unsaved the moment it is pasted, not discovered lost after a reload.
import { test, expect } from "@playwright/test";
import { editor, freshPage } from "./support/explorer";
import { shoot } from "./support/screens";

test("pasting a 6 MB text says it is not saved in this browser", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  await expect(page.getByText("saved in this browser")).toBeVisible();
  // 6 million characters: over Chromium's localStorage quota (about 5 million), under the editor's limits.
  await page.evaluate(() => navigator.clipboard.writeText("requests>=2.20  # a long comment to make a big file\n".repeat(120_000)));
  await editor(page).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  const alert = page.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(alert).toContainText(/Not saved: \d+\.\d MB is more than this browser keeps/, { timeout: 30_000 });
  await shoot(page, "big-input-not-saved");
  // A text that fits is saved again, and the warning goes.
  await page.keyboard.press("Control+A");
  await page.keyboard.type("six\n");
  await expect(alert).toHaveCount(0);
  await expect(page.getByText("saved in this browser")).toBeVisible();
});
