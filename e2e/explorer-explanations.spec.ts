// Explanations as a reader meets them: the root cause first (with "did you mean"), the derivation one click away, and a Poetry way out applied in Poetry's own syntax.
import { test, expect, type Page } from "@playwright/test";
import { editorText, freshPage, resolveAndWait, setRequirements, useSnapshotIndex } from "./support/explorer";

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByRole("region", { name: "Conflict explanation" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/explanations/${name}-${width}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("every requirement that can never be met is named first, with did-you-mean; the derivation expands on request", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "requets\nnumpy>=99\nsix\n");
  await useSnapshotIndex(page);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();

  const explanation = page.getByRole("region", { name: "Conflict explanation" });
  await expect(explanation).toBeVisible({ timeout: 30_000 });
  const causes = explanation.getByRole("list", { name: "Root cause" }).getByRole("listitem");
  // Both unusable requirements at once, in the order written, each in one sentence.
  await expect(causes).toHaveCount(2);
  await expect(causes.nth(0)).toHaveText(/^No matching distribution for requets \(line 1\): requets is not recorded in this offline snapshot \(did you mean requests\?\)\.$/);
  await expect(causes.nth(1)).toHaveText(/^No matching distribution for numpy>=99 \(line 2\): no versions of numpy match >=99 \(the newest version is [\d.]+\)\.$/);

  // The derivation is there, collapsed, and opens with one click.
  const derivation = explanation.getByText(/^The full derivation \(\d+ steps?\)$/);
  await expect(derivation).toBeVisible();
  const firstStep = explanation.getByText(/your requirements cannot be satisfied\.$/);
  await expect(firstStep).toBeHidden();
  await shoot(page, "root-cause");
  await derivation.click();
  await expect(firstStep).toBeVisible();
  await shoot(page, "derivation-open");
});

const POETRY = [
  "[tool.poetry]",
  'name = "demo"',
  'version = "0.1.0"',
  "",
  "[tool.poetry.dependencies]",
  'python = "^3.8"',
  'modern-lib = {version = "^2.0", allow-prereleases = true}',
  "",
].join("\n");

test("applying a way out to a Poetry table entry keeps it a valid Poetry table, and it resolves", async ({ page, baseURL }) => {
  await freshPage(page);
  await page.getByLabel("Open a dependency file").setInputFiles({ name: "pyproject.toml", mimeType: "text/plain", buffer: Buffer.from(POETRY) });
  await expect.poll(() => editorText(page)).toBe(POETRY.replace(/\n$/, "\n"));
  await expect(page.getByLabel("Input format")).toHaveValue("pyproject.toml");
  await page.getByLabel("Index URL").fill(`${baseURL}/index/scenarios/requires-python/simple`);
  await page.getByLabel("Python version").selectOption("3.11");
  await page.getByRole("button", { name: "Resolve", exact: true }).click();

  const explanation = page.getByRole("region", { name: "Conflict explanation" });
  await expect(explanation).toBeVisible({ timeout: 30_000 });
  await expect(explanation.getByRole("list", { name: "Root cause" })).toContainText("modern-lib");
  const waysOut = page.getByRole("region", { name: "Ways out" });
  const loosen = waysOut.getByRole("button", { name: /^Apply: Loosen modern-lib = \{version = "\^2\.0", allow-prereleases = true\} to modern-lib = \{version = "[^"]+", allow-prereleases = true\}$/ });
  await expect(loosen).toBeVisible();
  await shoot(page, "poetry-way-out");
  await loosen.click();

  await resolveAndWait(page);
  const text = await editorText(page);
  expect(text).toMatch(/^modern-lib = \{version = ">=1\.5\.0,<3\.0", allow-prereleases = true\}$/m);
  expect(text.replace(/^modern-lib = .*$/m, "")).toBe(POETRY.replace(/^modern-lib = .*$/m, ""));
  await expect(page.getByLabel("Input format")).toHaveValue("pyproject.toml");
  await expect(page.getByRole("status")).not.toContainText("error");
});

test("index warnings about one project fold into one line in plain words; requirements skipped for the target are listed", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "pyzmq\npywin32; sys_platform == 'win32'\n");
  await useSnapshotIndex(page);
  await resolveAndWait(page);

  const warnings = page.getByRole("list", { name: "Warnings" });
  const folded = warnings.getByText("4 index warnings for pyzmq", { exact: true });
  await expect(folded).toBeVisible();
  const detail = warnings.getByText(/using ===, which markers do not define/).first();
  await expect(detail).toBeHidden();
  await folded.click();
  await expect(detail).toBeVisible();
  // No Python reprs, no raw exception text.
  await expect(warnings).not.toContainText("<Op(");
  await expect(warnings).not.toContainText("Invalid wheel filename");

  await expect(page.getByRole("list", { name: "Skipped for this target" })).toHaveText(/^pywin32 \(line 2\): skipped, sys_platform == "win32" is false for CPython 3\.13 on Linux x86_64/);
  await page.screenshot({ path: "test-results/explanations/warnings-1440.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await warnings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/explanations/warnings-390.png" });
});
