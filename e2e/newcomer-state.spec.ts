// State that is never stale or leaked: an edited input marks the result out of date (nothing applies), "Clear all" re-resolves, choices stay with their file.
import { test, expect } from "@playwright/test";
import { editor, freshPage, resolveAndWait, setRequirements, tableRows, useSnapshotIndex } from "./support/explorer";
import { pastePyproject } from "./support/share";
import { NARROW, WIDE, shoot } from "./support/screens";

for (const size of [WIDE, NARROW]) {
  test(`an edit after a conflict at ${size.width} px marks the result out of date and disables its ways out until the next resolve`, async ({ page }) => {
    await page.setViewportSize(size);
    await freshPage(page);
    await useSnapshotIndex(page);
    await setRequirements(page, "requests==2.20.0\nurllib3==1.26.2\n");
    await page.getByRole("button", { name: "Resolve", exact: true }).click();
    const apply = page.getByRole("button", { name: /^Apply:/ }).first();
    await expect(apply).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByRole("status", { name: "Result out of date" })).toHaveCount(0);

    await editor(page).press("End");
    await editor(page).pressSequentially("\nsix");
    await expect(page.getByRole("status", { name: "Result out of date" })).toBeVisible();
    await expect(apply).toBeDisabled();
    await shoot(page, "state-out-of-date");

    // A settings change does the same; resolving again makes the result current.
    await page.getByRole("status", { name: "Result out of date" }).getByRole("button", { name: "Resolve again" }).click();
    await expect(page.getByRole("status", { name: "Result out of date" })).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole("button", { name: /^Apply:/ }).first()).toBeEnabled();
    await page.getByLabel("Python version").selectOption("3.9");
    await expect(page.getByRole("status", { name: "Result out of date" })).toBeVisible();
  });
}

test("“Clear all” on the what-if bar resolves again, as adding a what-if did", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pandas>=1.0\n");
  await useSnapshotIndex(page);
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  await page.getByRole("region", { name: "Resolved packages" }).getByRole("button", { name: "numpy", exact: true }).click();
  await page.getByLabel("Version specifier for numpy").fill("<1.19");
  await page.getByRole("button", { name: "Pin version" }).click();
  await expect.poll(async () => (await tableRows(page)).find((r) => r.name === "numpy")?.version, { timeout: 30_000 }).toBe("1.18.5");

  await page.getByRole("group", { name: "What-if edits" }).getByRole("button", { name: "Clear all" }).click();
  await expect(page.getByRole("group", { name: "What-if edits" })).toHaveCount(0);
  // No Resolve pressed: the pin's removal is resolved by itself.
  await expect.poll(async () => (await tableRows(page)).find((r) => r.name === "numpy")?.version, { timeout: 30_000 }).toBe("1.19.4");
  await expect(page.getByRole("status", { name: "Result out of date" })).toHaveCount(0);
});

test("extras and groups ticked for one file do not carry over to the next file's reading, diagnostics or stored session", async ({ page }) => {
  await freshPage(page);
  await pastePyproject(page);
  const next = '[project]\nname = "other"\nversion = "1"\ndependencies = ["six"]\n\n[project.optional-dependencies]\ndocs = ["sphinx"]\n';
  await setRequirements(page, next);
  const extras = page.getByRole("group", { name: "Extras" });
  await expect(extras.getByRole("checkbox", { name: "docs" })).not.toBeChecked();
  await expect(extras.getByRole("checkbox", { name: "socks" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Dependency groups" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "read by the resolver" })).toHaveText("pyproject.toml — read by the resolver: 1 requirement");
  // Nothing about the old file's extra is underlined (on line 1 or anywhere) or listed.
  await expect(page.locator(".cm-lintRange-warning")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Input diagnostics" })).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("tangle.session") ?? "{}") as { state?: { extras?: string[]; groups?: string[] } });
  expect(stored.state).toMatchObject({ extras: [], groups: [] });
});
