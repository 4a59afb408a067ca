// Settings persist across reloads: target environment, index, version choice, and the text typed.
import { test, expect } from "@playwright/test";
import { editorText, freshPage, setRequirements } from "./support/explorer";

test("every setting and the requirements survive a reload", async ({ page }) => {
  await freshPage(page);
  await expect(page.getByLabel("Python version")).toHaveValue("3.13");
  await expect(page.getByLabel("Index URL")).toHaveValue("https://pypi.org/simple");

  await setRequirements(page, "flask>=1.1\nrequests\n");
  await page.getByLabel("Python version").selectOption("3.9");
  await page.getByLabel("Platform").selectOption("windows");
  await page.getByLabel("Architecture").selectOption("aarch64");
  await page.getByLabel("Index URL").fill("https://example.test/simple");
  await page.getByText("Version choice").click();
  await page.getByLabel("Resolution strategy").selectOption("lowest-direct");
  await page.getByLabel("Pre-releases").selectOption("allow");
  await page.getByLabel("Exclude newer than").fill("2020-06-30");

  await page.reload();
  await expect(page.getByLabel("Python version")).toHaveValue("3.9");
  await expect(page.getByLabel("Platform")).toHaveValue("windows");
  await expect(page.getByLabel("Architecture")).toHaveValue("aarch64");
  await expect(page.getByLabel("Index URL")).toHaveValue("https://example.test/simple");
  await page.getByText("Version choice").click();
  await expect(page.getByLabel("Resolution strategy")).toHaveValue("lowest-direct");
  await expect(page.getByLabel("Pre-releases")).toHaveValue("allow");
  await expect(page.getByLabel("Exclude newer than")).toHaveValue("2020-06-30");
  expect(await editorText(page)).toBe("flask>=1.1\nrequests\n");

  await page.getByRole("button", { name: "pypi.org" }).click();
  await expect(page.getByLabel("Index URL")).toHaveValue("https://pypi.org/simple");
});

test("the theme follows the toggle and is remembered", async ({ page }) => {
  await freshPage(page);
  await page.getByRole("radio", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("radio", { name: "Dark theme" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("radio", { name: "Light theme" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});
