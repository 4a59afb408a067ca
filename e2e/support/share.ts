// Helpers for the share and export specs: a realistic pyproject.toml, choosing its extras and groups, the resolved table, downloads and links.
import { readFile } from "node:fs/promises";
import { expect, type Download, type Page } from "@playwright/test";
import { editorText, resolveAndWait, setRequirements, tableRows, useSnapshotIndex, type TableRow } from "./explorer";

/** A project with an optional extra and PEP 735 groups (one including another), all from the 2020 snapshot. */
export const PYPROJECT = `[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "demo-service"
version = "0.3.0"
requires-python = ">=3.8"
dependencies = [
  "requests>=2.20,<3",
  "six>=1.12",
]

[project.optional-dependencies]
socks = ["PySocks>=1.6"]
cli = ["click>=7"]

[dependency-groups]
test = ["pytest>=6", "attrs>=19", {include-group = "typing"}]
typing = ["mock"]
`;

/** Pastes the pyproject.toml (the page reads it as one by itself), ticks the "socks" extra and the "test" group. */
export async function pastePyproject(page: Page): Promise<void> {
  await setRequirements(page, PYPROJECT);
  await expect(page.getByLabel("Input format")).toHaveValue("pyproject.toml");
  const extras = page.getByRole("group", { name: "Extras" });
  const groups = page.getByRole("group", { name: "Dependency groups" });
  await extras.getByRole("checkbox", { name: "socks" }).check();
  await groups.getByRole("checkbox", { name: "test" }).check();
  await expect(extras.getByRole("checkbox", { name: "cli" })).not.toBeChecked();
  await expect(groups.getByRole("checkbox", { name: "typing" })).not.toBeChecked();
  // The worker's reading now includes what the extra and the group add.
  await expect(page.getByText("extra socks")).toBeVisible();
  await expect(page.getByText("group test").first()).toBeVisible();
}

/** Pastes the project, chooses its extra and group, resolves against the snapshot; returns the package count. */
export async function resolvePyproject(page: Page): Promise<number> {
  await pastePyproject(page);
  await useSnapshotIndex(page);
  return resolveAndWait(page);
}

/** The "Resolved packages" table as name -> version, after switching to the list view. */
export async function resolvedVersions(page: Page): Promise<Record<string, string>> {
  await page.getByRole("tab", { name: "List" }).click();
  await expect(page.getByRole("region", { name: "Resolved packages" }).locator("tbody tr").first()).toBeVisible();
  const rows: TableRow[] = await tableRows(page);
  return Object.fromEntries(rows.map((r) => [r.name, r.version]));
}

/** Chooses a format in the "Download" menu and returns the saved file's name and text. */
export async function downloadExport(page: Page, label: string | RegExp): Promise<{ fileName: string; text: string }> {
  await page.getByRole("button", { name: "Download" }).click();
  const menu = page.getByRole("menu", { name: "Download as" });
  await expect(menu).toBeVisible();
  const saved = page.waitForEvent("download");
  await menu.getByRole("menuitem", { name: label }).click();
  const download: Download = await saved;
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: await readFile(path, "utf8") };
}

/** Clicks "Copy link" (clipboard permission granted) and returns what landed on the clipboard. */
export async function copyLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Link copied" })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Waits until the address bar holds a session link whose session has settled (the debounced update happened). */
export async function settledAddress(page: Page): Promise<string> {
  let last = "";
  await expect
    .poll(async () => {
      const now = page.url();
      const settled = now === last && /#s1\.[A-Za-z0-9_-]+$/.test(now);
      last = now;
      return settled;
    }, { intervals: [400] })
    .toBe(true);
  return last;
}

export { editorText };
