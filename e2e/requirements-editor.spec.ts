// The walking skeleton as a person uses it: type requirements, see each line parsed (or its error), never lose text.
import { test, expect } from "@playwright/test";
import { editorText } from "./support/explorer";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("typing a valid requirement shows its name, extras, specifier and marker", async ({ page }) => {
  const editor = page.getByRole("textbox", { name: "Requirements" });
  await editor.fill("");
  await editor.pressSequentially('Requests[Security,socks] >= 2.8.1, ==2.8.* ; python_version < "2.7"');
  const parsed = page.getByRole("list", { name: "Parsed requirements" });
  const row = parsed.locator('[data-line="1"]');
  await expect(row).toHaveAttribute("data-kind", "requirement");
  await expect(row).toContainText("Requests");
  await expect(row).toContainText("[security]");
  await expect(row).toContainText("[socks]");
  await expect(row).toContainText("==2.8.*,>=2.8.1");
  await expect(row).toContainText('python_version < "2.7"');
});

test("an invalid line shows the error with its column and the other lines still parse", async ({ page }) => {
  const editor = page.getByRole("textbox", { name: "Requirements" });
  await editor.fill("");
  await editor.pressSequentially("django>=4.2\nrequests >=2.0 foo\nnumpy (>=1.18)");
  const parsed = page.getByRole("list", { name: "Parsed requirements" });
  await expect(parsed.locator('[data-line="1"]')).toHaveAttribute("data-kind", "requirement");
  const bad = parsed.locator('[data-line="2"]');
  await expect(bad).toHaveAttribute("data-kind", "error");
  await expect(bad).toContainText("Column 16");
  await expect(parsed.locator('[data-line="3"]')).toContainText(">=1.18");
  await expect(page.getByRole("status")).toContainText("2 requirements · 1 error");
});

test("nothing typed is lost: the text survives a reload, errors included", async ({ page }) => {
  const editor = page.getByRole("textbox", { name: "Requirements" });
  await editor.fill("");
  const typed = "flask==3.0.0\nthis is not ] a requirement\n";
  await editor.pressSequentially(typed);
  await page.reload();
  // The editor is a CodeMirror contenteditable: its text is read line by line rather than as an input value.
  await expect(page.getByRole("textbox", { name: "Requirements" })).toBeVisible();
  await expect.poll(() => editorText(page)).toBe(typed);
  await expect(page.getByRole("list", { name: "Parsed requirements" }).locator('[data-line="2"]')).toHaveAttribute("data-kind", "error");
});

test("a requirement continued with a backslash is one requirement, read as the resolver reads it (issue 11)", async ({ page }) => {
  const editor = page.getByRole("textbox", { name: "Requirements" });
  await editor.fill("");
  await editor.pressSequentially("requests \\\n  >=2.0\nflask");
  const parsed = page.getByRole("list", { name: "Parsed requirements" });
  const row = parsed.locator('[data-line="1"]');
  await expect(row).toHaveAttribute("data-kind", "requirement");
  await expect(row).toContainText(">=2.0");
  // The continuation line has nothing of its own: no row, and no error underlined in the editor.
  await expect(parsed.locator('[data-line="2"]')).toHaveCount(0);
  await expect(parsed.locator('[data-line="3"]')).toContainText("flask");
  await expect(page.getByRole("status")).toContainText("2 requirements");
  await expect(page.locator(".cm-lintRange-error")).toHaveCount(0);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/inputs-continuation-1440.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/inputs-continuation-390.png", fullPage: true });
});
