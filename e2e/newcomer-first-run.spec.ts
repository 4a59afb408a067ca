// The first minutes against the offline snapshot: a starting text that resolves there, the offline examples offered, and no placeholder shown as a fact.
import { test, expect } from "@playwright/test";
import { editorText, freshPage, resolveAndWait, useSnapshotIndex } from "./support/explorer";
import { NARROW, WIDE, shoot } from "./support/screens";

for (const size of [WIDE, NARROW]) {
  test(`switching to the snapshot at ${size.width} px: the text resolves there and the offline examples are offered`, async ({ page }) => {
    await page.setViewportSize(size);
    await freshPage(page);
    await useSnapshotIndex(page);
    const examples = page.getByRole("group", { name: "Offline examples" });
    await expect(examples).toContainText("PyPI as recorded in late 2020");
    await expect(examples.getByRole("button", { name: "Try: a data-science stack" })).toBeVisible();
    await shoot(page, "first-run-snapshot");
    expect(await editorText(page)).toContain("django>=3.0");
    expect(await resolveAndWait(page)).toBeGreaterThan(5);
    await expect(page.getByText("No set of versions satisfies")).toHaveCount(0);

    await page.getByRole("tab", { name: "List" }).click();
    await page.getByRole("region", { name: "Resolved packages" }).getByRole("button", { name: "requests", exact: true }).click();
    const details = page.getByRole("region", { name: "Package details" });
    await expect(details).toContainText("No summary recorded.");
    await expect(details).toBeInViewport();
    // Nothing the snapshot does not record is stated as a fact.
    await expect(details).not.toContainText("UNKNOWN");
    await expect(details).not.toContainText("recorded 2020 snapshot");
    await expect(details).not.toContainText("Licence");
    await expect(details).not.toContainText(/Requires-Python\s*any/);
    await shoot(page, "first-run-details");
  });
}

test("a page opened with the snapshot chosen and an earlier version's starting text gets a text that resolves there", async ({ page }) => {
  await freshPage(page);
  const earlier = '# Paste requirements.txt lines — each is parsed as you type\nrequests[socks]>=2.20,<3\ndjango~=4.2; python_version >= "3.8"\nnumpy (>=1.18)\n';
  await page.evaluate(
    ([text, origin]) =>
      localStorage.setItem(
        "tangle.session",
        JSON.stringify({ state: { requirementsText: text, fileName: "requirements.txt", settings: { indexUrl: `${origin}/index/snapshot-2020/simple` }, pins: {}, excluded: [] }, version: 2 }),
      ),
    [earlier, new URL(page.url()).origin],
  );
  await page.reload();
  await expect.poll(() => editorText(page)).toContain("django>=3.0");
  await expect(page.getByRole("group", { name: "Offline examples" })).toBeVisible();
  expect(await resolveAndWait(page)).toBeGreaterThan(5);
});

test("an offline example offered beside the index runs at once", async ({ page }) => {
  await freshPage(page);
  await useSnapshotIndex(page);
  await page.getByRole("group", { name: "Offline examples" }).getByRole("button", { name: "Try: a conflicting set" }).click();
  await expect(page.getByText("No set of versions satisfies these requirements")).toBeVisible({ timeout: 30_000 });
  expect(await editorText(page)).toContain("urllib3==1.26.2");
});
