// A release whose dependencies the index cannot tell: flagged as such by default, or never chosen when the user says so.
import { test, expect } from "@playwright/test";
import { freshPage, resolveAndWait, setRequirements, tableRows } from "./support/explorer";

test("unknown dependencies are assumed none and flagged, or such releases are excluded", async ({ page, baseURL }) => {
  await freshPage(page);
  await setRequirements(page, "oldpkg\n");
  await page.getByLabel("Index URL").fill(`${baseURL}/index/scenarios/unknown-metadata/simple`);
  await page.getByLabel("Python version").selectOption("3.11");

  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  expect((await tableRows(page)).map((r) => [r.name, r.version])).toEqual([["oldpkg", "0.5.0"]]);
  const table = page.getByRole("region", { name: "Resolved packages" });
  await expect(table.getByRole("row", { name: /oldpkg/ })).toContainText("unknown dependencies");
  await expect(page.getByText(/the dependencies of oldpkg 0\.5\.0 are unknown .*assumed to have none/)).toBeVisible();

  await page.getByText("Version choice").click();
  await page.getByLabel("Unknown dependencies").selectOption("exclude");
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  expect((await tableRows(page)).map((r) => [r.name, r.version]).sort()).toEqual([
    ["helper", "2.0.0"],
    ["oldpkg", "0.4.0"],
  ]);
});
