// "All platforms": one resolution for Linux, macOS and Windows and a Python range, shown whole or narrowed to one environment.
import { test, expect, type Page } from "@playwright/test";
import { parse as parseToml } from "smol-toml";
import { drawnGraph, freshPage, resolveAndWait, setRequirements, useSnapshotIndex } from "./support/explorer";
import { downloadExport } from "./support/share";

async function resolveForAllPlatforms(page: Page, requirements: string, python: string): Promise<number> {
  await freshPage(page);
  await useSnapshotIndex(page);
  await setRequirements(page, requirements);
  await page.getByRole("group", { name: "Resolve for" }).getByRole("button", { name: "All platforms" }).click();
  await page.getByLabel("Python versions").fill(python);
  return resolveAndWait(page);
}

/** The list's rows as "name version | where". */
async function listRows(page: Page): Promise<string[]> {
  const table = page.getByRole("region", { name: "Resolved packages" });
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim());
      return `${cells[0].split(/\s/)[0]} ${cells[1]} | ${cells[3] ?? ""}`;
    }),
  );
}

test("one resolution for every platform marks what only some platforms install, and narrows to one without resolving again", async ({ page }) => {
  const total = await resolveForAllPlatforms(page, "pytest\n", ">=3.6");
  const bar = page.getByRole("region", { name: "Universal resolution" });
  await expect(bar).toContainText("All platforms: Linux, macOS and Windows, Python");

  // Windows-only dependencies of pytest are in the answer, drawn dashed and listed with their marker.
  const graph = await drawnGraph(page);
  const colorama = graph.nodes.find((n) => n.id === "colorama");
  expect(colorama?.classes).toContain("partial");
  expect(graph.edges.find((e) => e.target === "colorama")?.classes).toContain("partial");
  await expect(page.getByTestId("graph-legend")).toContainText("Only on some platforms");
  await page.screenshot({ path: "test-results/screens/universal-graph.png" });

  await page.getByRole("tab", { name: "List" }).click();
  const rows = await listRows(page);
  expect(rows.find((r) => r.startsWith("colorama "))).toMatch(/sys_platform == 'win32'/);
  expect(rows.find((r) => r.startsWith("pytest "))).toMatch(/\| everywhere$/);
  await page.getByPlaceholder("Filter packages").fill("win32");
  await expect(page.getByRole("region", { name: "Resolved packages" }).locator("tbody tr")).not.toHaveCount(0);
  const windowsOnly = await listRows(page);
  expect(windowsOnly.every((r) => /win32/.test(r))).toBe(true);
  await page.getByPlaceholder("Filter packages").fill("");

  // Narrowed to Linux: the Windows-only packages leave, without a new resolution.
  const picker = bar.getByLabel("Show for");
  await picker.selectOption({ label: "Linux · Python 3.9" });
  await expect(bar).toContainText(/\d+ of \d+ packages installed here/);
  await expect.poll(async () => (await listRows(page)).some((r) => r.startsWith("colorama "))).toBe(false);
  await expect(page.getByText(`${total} packages resolved`)).toBeVisible();
  await picker.selectOption({ label: "Windows · Python 3.9" });
  await expect.poll(async () => (await listRows(page)).some((r) => r.startsWith("colorama "))).toBe(true);
  // Narrowed, every package is installed there: no "Installed where" column.
  await expect(page.getByRole("columnheader", { name: "Installed where" })).toHaveCount(0);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screens/universal-1440.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/universal-390.png", fullPage: true });
});

test("a universal result downloads as a pylock.toml with its environments and markers, and as requirements with markers", async ({ page }) => {
  await resolveForAllPlatforms(page, "pytest\n", ">=3.6");
  const pylock = await downloadExport(page, /pylock\.toml/);
  const lock = parseToml(pylock.text) as { environments?: string[]; packages: { name: string; marker?: string }[] };
  expect(lock.environments?.length).toBe(3);
  expect(lock.packages.find((p) => p.name === "colorama")?.marker).toMatch(/sys_platform == 'win32'/);
  expect(lock.packages.find((p) => p.name === "pytest")?.marker).toBeUndefined();
  const requirements = await downloadExport(page, /requirements\.txt/);
  expect(requirements.text).toMatch(/^colorama==[\d.]+ ; sys_platform == 'win32'/m);
  // uv.lock is written for one target: listed, but it says so and saves nothing.
  await page.getByRole("button", { name: "Download" }).click();
  const uvLock = page.getByRole("menu", { name: "Download as" }).getByRole("menuitem", { name: /uv\.lock/ });
  await expect(uvLock).toHaveAttribute("aria-disabled", "true");
  await expect(uvLock).toContainText("not for an all-platforms result");
  await expect(uvLock).toHaveAttribute("title", /pylock\.toml/);
  await page.screenshot({ path: "test-results/screens/universal-download-menu-1440.png" });
});

test("the setting travels in the link and survives a reload", async ({ page }) => {
  await resolveForAllPlatforms(page, "six\n", ">=3.7");
  await page.reload();
  await expect(page.getByRole("group", { name: "Resolve for" }).getByRole("button", { name: "All platforms" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Python versions")).toHaveValue(">=3.7");
});
