// Input as a person brings it: a dependency file opened or dropped onto the editor, syntax errors marked in place.
import { test, expect } from "@playwright/test";
import { editor, editorText, freshPage } from "./support/explorer";

const PYPROJECT = '[project]\nname = "demo"\ndependencies = [\n  "pandas>=1.0",\n]\n';

test("opening a pyproject.toml puts its text in the editor and reads it as pyproject.toml", async ({ page }) => {
  await freshPage(page);
  await page.getByLabel("Open a dependency file").setInputFiles({ name: "pyproject.toml", mimeType: "text/plain", buffer: Buffer.from(PYPROJECT) });
  await expect.poll(() => editorText(page)).toBe(PYPROJECT);
  await expect(page.getByLabel("Input format")).toHaveValue("pyproject.toml");
  await expect(page.getByRole("status")).toContainText("pyproject.toml — read by the resolver");
  await page.reload();
  await expect.poll(() => editorText(page)).toBe(PYPROJECT);
  await expect(page.getByLabel("Input format")).toHaveValue("pyproject.toml");
});

test("a requirements file dropped on the editor replaces its text", async ({ page }) => {
  await freshPage(page);
  const dropped = "flask>=1.1\nrequests\n";
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "requirements-dev.txt", { type: "text/plain" }));
    return data;
  }, dropped);
  await page.locator(".cm-content").dispatchEvent("dragenter", { dataTransfer: transfer });
  await expect(page.getByText("Drop a requirements.txt")).toBeVisible();
  await page.locator(".cm-content").dispatchEvent("drop", { dataTransfer: transfer });
  await expect.poll(() => editorText(page)).toBe(dropped);
  await expect(page.getByLabel("Input format")).toHaveValue("requirements.txt");
  await expect(page.getByText("Drop a requirements.txt")).toHaveCount(0);
});

test("a parse error is underlined at its column in the editor, with the message on hover", async ({ page }) => {
  await freshPage(page);
  await editor(page).fill("django>=4.2\nrequests >=2.0 foo\n");
  const mark = page.locator(".cm-lintRange-error");
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText("foo");
  await mark.hover();
  await expect(page.locator(".cm-tooltip-lint")).toContainText(/expected|Expected/);
  await expect(page.locator(".cm-gutter-lint .cm-lint-marker-error")).toHaveCount(1);
});
