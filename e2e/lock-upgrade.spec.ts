// Lock files in the page: drop a poetry.lock with its pyproject.toml, explore it as a resolution, ask why, upgrade one package, see and download the diff.
import { readFileSync } from "node:fs";
import { test, expect } from "@playwright/test";
import { freshPage, useSnapshotIndex } from "./support/explorer";
import { dropFiles, lockProjectFile } from "./support/locks";

const files = ["poetry.lock", "pyproject.toml"].map(lockProjectFile);

test("drop a poetry.lock with its pyproject.toml, ask why, upgrade one package and download the diff", async ({ page }) => {
  await freshPage(page);
  await useSnapshotIndex(page);
  await dropFiles(page, files);

  const card = page.getByRole("region", { name: "Lock file" });
  await expect(card).toContainText("poetry.lock · version 2.1 · 21 packages for this target · direct requirements from pyproject.toml");
  await expect(card.getByTestId("lock-check")).toHaveText("The lock satisfies pyproject.toml.");
  // The pyproject.toml became the input the upgrade resolves.
  await expect(page.locator(".cm-content")).toContainText('flask = "^1.0"');

  // The lock is explored like a resolution: the list, then the details with every path that brought a package in.
  await page.getByRole("tab", { name: "List" }).click();
  const table = page.getByRole("region", { name: "Resolved packages" });
  await expect(table).toContainText("1.0.4");
  await table.getByRole("button", { name: "markupsafe", exact: true }).click();
  const details = page.getByRole("complementary", { name: "Details of markupsafe" });
  const paths = details.getByRole("list", { name: "Paths from your requirements" }).getByRole("listitem");
  await expect(paths.first()).toHaveText(/your requirements\s*→\s*flask\s*→\s*jinja2\s*→\s*markupsafe/);

  // Nothing was chosen by resolving: the status says where the versions were read from, the details that they are locked.
  const status = page.getByText(/^read from poetry\.lock · Python/);
  await expect(status).toBeVisible();
  await expect(page.getByText("21 packages locked")).toBeVisible();
  // A lock holds every group of its project: what is ticked in the input does not make the lock out of date.
  await expect(page.getByText("Out of date:")).toHaveCount(0);
  await expect(page.getByText(/\d\.\d s · \d+ requests?/)).toHaveCount(0);
  await table.getByRole("button", { name: "flask", exact: true }).click();
  const flask = page.getByRole("complementary", { name: "Details of flask" });
  await expect(flask.getByTestId("version-origin")).toHaveText(/^locked at 1\.0\.4 in poetry\.lock \(newer: 1\.1\.2( and \d+ more)?\)$/);
  await expect(flask).not.toContainText("the newest available");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screens/lock-details.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/lock-details-narrow.png" });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Upgrade flask alone: the diff comes first, nothing changes until it is accepted.
  await table.getByRole("button", { name: "flask", exact: true }).click();
  await card.getByRole("button", { name: "Upgrade flask" }).click();
  const diff = page.getByRole("region", { name: /^Upgrade flask:/ });
  await expect(diff).toBeVisible({ timeout: 30_000 });
  const changes = diff.getByRole("list", { name: "Changes" }).getByRole("listitem");
  await expect(changes.filter({ hasText: "flask" }).first()).toContainText(/upgraded flask 1\.0\.4 → 1\.1\.2/);
  await expect(changes.filter({ hasText: "flask 1.0.4 → 1.1.2" })).toContainText("upgraded on request");
  await expect(diff).not.toContainText("requests 2.19.1 →");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screens/lock-diff.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await diff.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/lock-diff-narrow.png" });

  const downloading = page.waitForEvent("download");
  await diff.getByRole("button", { name: "Download diff" }).click();
  const downloaded = await downloading;
  expect(downloaded.suggestedFilename()).toBe("tangle-diff.json");
  const json = JSON.parse(readFileSync(await downloaded.path(), "utf8")) as { added: unknown[]; removed: unknown[]; changed: { name: string; from: string; to: string; via: string[] }[] };
  expect(Object.keys(json)).toEqual(["added", "removed", "changed"]);
  expect(json.changed.find((c) => c.name === "flask")).toMatchObject({ from: "1.0.4", to: "1.1.2" });
  expect(json.changed.map((c) => c.name)).not.toContain("requests");

  await diff.getByRole("button", { name: "Accept" }).click();
  await expect(diff).toHaveCount(0);
  await expect(table.getByRole("row").filter({ has: page.getByRole("button", { name: "flask", exact: true }) })).toContainText("1.1.2");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/lock-card-narrow.png" });
});

test("a uv.lock with forks: the target picks the environment, and changing it reads the lock again", async ({ page }) => {
  await freshPage(page);
  const dir = new URL("../workers/formats/lock/fixtures/uv-flask/", import.meta.url);
  await dropFiles(page, ["uv.lock", "pyproject.toml"].map((name) => ({ name, text: readFileSync(new URL(name, dir), "utf8") })));
  const card = page.getByRole("region", { name: "Lock file" });
  await expect(card.getByTestId("lock-environment")).toContainText("3 environments in the lock; showing python_full_version >= '3.12'");
  await page.getByRole("tab", { name: "List" }).click();
  const table = page.getByRole("region", { name: "Resolved packages" });
  const sphinx = table.getByRole("row").filter({ has: page.getByRole("button", { name: "sphinx", exact: true }) });
  await expect(sphinx).toContainText("8.2.3");
  await page.getByLabel("Python version").selectOption("3.10");
  await expect(card.getByTestId("lock-environment")).toContainText("showing python_full_version < '3.11'");
  await expect(sphinx).toContainText("8.1.3");
  await expect(table.getByRole("button", { name: "exceptiongroup", exact: true })).toBeVisible();
});
