// An index that cannot be reached is said plainly, with a one-click switch to the bundled offline snapshot.
import { test, expect } from "@playwright/test";
import { freshPage, resolveAndWait, setRequirements } from "./support/explorer";

test("a closed port is reported as an unreachable index, and the snapshot is one click away", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas\n");
  // Port 9 (discard) is closed on the test machines: connecting is refused at once.
  await page.getByLabel("Index URL").fill("http://127.0.0.1:9/simple");
  await page.getByRole("button", { name: "Resolve", exact: true }).click();

  const alert = page.getByRole("alert", { name: "Index unreachable" });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText("The package index cannot be reached");
  await expect(alert).toContainText("127.0.0.1:9");

  await alert.getByRole("button", { name: "Use the offline snapshot" }).click();
  await expect(page.getByLabel("Index URL")).toHaveValue(/\/index\/snapshot-2020\/simple$/);
  await expect(page.getByText(/^\d+ packages resolved$/)).toBeVisible({ timeout: 30_000 });
  await expect(alert).toHaveCount(0);
});

test("the index presets show which one is chosen, and the snapshot resolves pandas", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas\n");
  await page.getByRole("button", { name: "PyPI snapshot (2020)" }).click();
  await expect(page.getByRole("button", { name: "PyPI snapshot (2020)" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "pypi.org" })).toHaveAttribute("aria-pressed", "false");
  expect(await resolveAndWait(page)).toBeGreaterThanOrEqual(5);
});
