// Choosing whose rules pick versions (pip's or uv's): a dependency that asks for a pre-release is honoured by pip's rules and refused by uv's.
import { test, expect } from "@playwright/test";
import { freshPage, resolveAndWait, setRequirements, tableRows } from "./support/explorer";
import { NARROW, shoot, WIDE } from "./support/screens";
import { settledAddress } from "./support/share";

test("switching the rules to uv's changes the answer where pip and uv differ, and the choice survives a reload and a link", async ({ page, browser, baseURL }) => {
  await page.setViewportSize(WIDE);
  await freshPage(page);
  // app 1.0.0 depends on beta-lib>=2.0.0b1; beta-lib has a final 1.0.0 and pre-releases of 2.0.0.
  await setRequirements(page, "app\n");
  await page.getByLabel("Index URL").fill(`${baseURL}/index/scenarios/prereleases/simple`);
  await page.getByLabel("Python version").selectOption("3.11");

  // pip's rules (the default): a pre-release named in a dependency's specifier is allowed.
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  expect((await tableRows(page)).map((r) => [r.name, r.version]).sort()).toEqual([
    ["app", "1.0.0"],
    ["beta-lib", "2.0.0rc1"],
  ]);

  // uv's rules: only your own requirements opt into pre-releases, and beta-lib has a final release, so nothing fits.
  await page.getByText("Version choice").click();
  const rules = page.getByLabel("Rules");
  await expect(rules).toHaveValue("pip");
  await rules.selectOption("uv");
  await expect(page.getByText(/uv's rules/).first()).toBeVisible();
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  const explanation = page.getByRole("region", { name: "Conflict explanation" });
  await expect(explanation).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("No set of versions satisfies these requirements")).toBeVisible();
  await explanation.getByText("The full derivation").click();
  await expect(explanation).toContainText(/only pre-releases of beta-lib match .*uv's rules take a pre-release only when your own requirement names one/);
  await shoot(page, "policy-uv");
  await page.setViewportSize(NARROW);
  await rules.scrollIntoViewIfNeeded();
  await shoot(page, "policy-uv");
  await page.setViewportSize(WIDE);

  // Asking for the pre-release yourself is enough for uv.
  await setRequirements(page, "app\nbeta-lib>=2.0.0b1\n");
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "List" }).click();
  expect((await tableRows(page)).map((r) => [r.name, r.version]).sort()).toEqual([
    ["app", "1.0.0"],
    ["beta-lib", "2.0.0rc1"],
  ]);

  // The setting is kept across a reload and travels in the permalink.
  const link = await settledAddress(page);
  await page.reload();
  await page.getByText("Version choice").click();
  await expect(page.getByLabel("Rules")).toHaveValue("uv");
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(link);
  // The link names a local index: the page asks before sending it anything.
  await other.getByRole("dialog", { name: "This link uses another package index" }).getByRole("button", { name: /^Use 127\.0\.0\.1:/ }).click();
  await expect(other.getByText(/^\d+ packages? resolved$/)).toBeVisible({ timeout: 30_000 });
  await other.getByText("Version choice").click();
  await expect(other.getByLabel("Rules")).toHaveValue("uv");
  await context.close();
});
