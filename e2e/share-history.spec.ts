// The address bar follows the session: each resolution is a history entry, so the browser's back and forward move between resolutions; a reload keeps the session.
import { test, expect, type Page } from "@playwright/test";
import { editorText, freshPage, resolveAndWait, setRequirements, useSnapshotIndex } from "./support/explorer";
import { resolvedVersions, settledAddress } from "./support/share";

async function showing(page: Page, text: string, versions: Record<string, string>): Promise<void> {
  await expect.poll(() => editorText(page)).toBe(text);
  await expect(page.getByText(/^\d+ packages? resolved$/)).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => resolvedVersions(page), { timeout: 30_000 }).toEqual(versions);
}

test("back and forward move between two resolutions, each restored with its requirements", async ({ page }) => {
  await freshPage(page);
  await useSnapshotIndex(page);
  await setRequirements(page, "six\n");
  await resolveAndWait(page);
  await showing(page, "six\n", { six: "1.15.0" });
  const first = await settledAddress(page);

  await setRequirements(page, "attrs<20\n");
  await resolveAndWait(page);
  await showing(page, "attrs<20\n", { attrs: "19.3.0" });
  const second = await settledAddress(page);
  expect(second).not.toBe(first);

  await page.goBack();
  expect(page.url()).toBe(first);
  await showing(page, "six\n", { six: "1.15.0" });

  await page.goForward();
  expect(page.url()).toBe(second);
  await showing(page, "attrs<20\n", { attrs: "19.3.0" });
});

test("edits after a resolution are one entry: back returns to the resolution as it was", async ({ page }) => {
  await freshPage(page);
  await useSnapshotIndex(page);
  await setRequirements(page, "six\n");
  await resolveAndWait(page);
  const resolved = await settledAddress(page);

  await setRequirements(page, "six\nattrs\n");
  const editing = await settledAddress(page);
  expect(editing).not.toBe(resolved);
  await setRequirements(page, "six\nattrs\nmock\n");
  await settledAddress(page);

  await page.goBack();
  expect(page.url()).toBe(resolved);
  await showing(page, "six\n", { six: "1.15.0" });
  // Back to the same resolution: no "reproduces" notice, nothing to resolve again.
  await expect(page.getByRole("region", { name: "Reproduced resolution" })).toHaveCount(0);

  await page.goForward();
  await expect.poll(() => editorText(page)).toBe("six\nattrs\nmock\n");
});

test("a reload restores the session from the address, without asking again", async ({ page }) => {
  await freshPage(page);
  await useSnapshotIndex(page);
  await setRequirements(page, "six\n");
  await resolveAndWait(page);
  const address = await settledAddress(page);
  await page.reload();
  expect(page.url()).toBe(address);
  await expect.poll(() => editorText(page)).toBe("six\n");
  await expect(page.getByLabel("Index URL")).toHaveValue(/\/index\/snapshot-2020\/simple$/);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a reload while the address is still being rewritten keeps every edit: this tab's older address does not win over its session", async ({ page }) => {
  await freshPage(page);
  await useSnapshotIndex(page);
  await setRequirements(page, "six\n");
  const older = await settledAddress(page);
  await setRequirements(page, "six\nattrs\n");
  const newer = await settledAddress(page);
  expect(newer).not.toBe(older);
  // The browser reloads the address it knew while the page had just rewritten it (pressing F5 at that moment): the
  // page saved the new address for this tab, the browser still shows the one before.
  await page.evaluate((url) => history.replaceState(null, "", url), older);
  await page.reload();
  await expect.poll(() => editorText(page)).toBe("six\nattrs\n");
  await expect.poll(() => page.url()).toBe(newer);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
