// What if: pin another version (or exclude a package) from the details panel, re-resolve, and see what changed.
import { test, expect } from "@playwright/test";
import { freshPage, resolveAndWait, setRequirements, tableRows, useSnapshotIndex } from "./support/explorer";

test("pinning an older version re-resolves and reports the downgrade; removing the pin undoes it", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas>=1.0\n");
  await useSnapshotIndex(page);
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  const before = (await tableRows(page)).find((r) => r.name === "numpy")?.version;
  expect(before).toBe("1.19.4");

  await page.getByRole("region", { name: "Resolved packages" }).getByRole("button", { name: "numpy", exact: true }).click();
  await page.getByLabel("Version specifier for numpy").fill("<1.19");
  await page.getByRole("button", { name: "Pin version" }).click();

  const changes = page.getByRole("region", { name: "Changes" });
  await expect(changes).toContainText("Changes since the previous resolution");
  await expect(changes.getByRole("list", { name: "Downgraded" })).toHaveText(/numpy\s+1\.19\.4 → 1\.18\.5/);
  await expect(page.getByRole("group", { name: "What-if edits" })).toContainText("numpy<1.19");
  expect((await tableRows(page)).find((r) => r.name === "numpy")?.version).toBe("1.18.5");

  // Removing the pin resolves again by itself, as adding it did.
  await page.getByRole("button", { name: "Remove the pin numpy<1.19" }).click();
  await expect(changes.getByRole("list", { name: "Upgraded" })).toHaveText(/numpy\s+1\.18\.5 → 1\.19\.4/, { timeout: 30_000 });
});

test("excluding a package that is needed explains the conflict", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas>=1.0\n");
  await useSnapshotIndex(page);
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  await page.getByRole("region", { name: "Resolved packages" }).getByRole("button", { name: "pytz", exact: true }).click();
  await page.getByRole("button", { name: "Exclude package" }).click();
  await expect(page.getByRole("region", { name: "Conflict explanation" })).toContainText("pytz", { timeout: 30_000 });
  await expect(page.getByRole("group", { name: "What-if edits" })).toContainText("pytz");
});
