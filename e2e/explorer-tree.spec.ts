// The Tree view beside Graph and List: the resolution as `uv tree` prints it, inverted for one package, depth-limited, copied as text.
import { test, expect, type Page } from "@playwright/test";
import { freshPage, resolveAndWait, setRequirements, useSnapshotIndex } from "./support/explorer";

async function treeLines(page: Page): Promise<string[]> {
  const text = (await page.getByTestId("text-tree").innerText()).replace(/\n+$/, "");
  return text.split("\n");
}

for (const viewport of [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`${viewport.name}: the tree shows each package under what asked for it, with the specifier, (*) for repeats, inverted and depth-limited`, async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await freshPage(page);
    // The editor can still be taking in its first text as the page settles: type again until it holds ours.
    await expect(() => setRequirements(page, "pandas>=1.0\nmatplotlib\n")).toPass();
    await useSnapshotIndex(page);
    await resolveAndWait(page);

    await page.getByRole("tab", { name: "Tree" }).click();
    await expect(page.getByRole("tab", { name: "Tree" })).toHaveAttribute("aria-selected", "true");
    const lines = await treeLines(page);
    // The two requirements at the top, with the user's own specifiers; their dependencies indented under them.
    expect(lines.filter((l) => !/^[│├└ ]/.test(l) && !l.startsWith("(*)"))).toEqual([
      expect.stringMatching(/^matplotlib v[\d.]+ \[required: \*\]$/),
      expect.stringMatching(/^pandas v1\.1\.4 \[required: >=1\.0\]$/),
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^[├└]── numpy v[\d.]+ \[required: >=1\.15\.4\]/));
    // numpy is under both; its subtree is shown once, and the footnote says what (*) means — or numpy has no dependencies.
    expect(lines.filter((l) => /── numpy v/.test(l)).length).toBe(2);
    if (lines.some((l) => l.endsWith("(*)"))) expect(lines[lines.length - 1]).toBe("(*) Package tree already displayed");
    // python-dateutil (needed by both) needs six: shown once in full, then marked as a repeat.
    const dateutil = lines.filter((l) => /── python-dateutil v/.test(l));
    expect(dateutil).toHaveLength(2);
    expect(dateutil[1]).toMatch(/\(\*\)$/);
    if (viewport.name === "desktop") await page.screenshot({ path: "test-results/screens/tree-desktop.png" });

    await page.getByLabel("Depth").selectOption("0");
    await expect.poll(() => treeLines(page)).toEqual([expect.stringMatching(/^matplotlib v/), expect.stringMatching(/^pandas v/)]);
    await page.getByLabel("Depth").selectOption("all");

    await page.getByLabel("Inverted for").selectOption("six");
    await expect.poll(async () => (await treeLines(page))[0]).toMatch(/^six v[\d.]+$/);
    const inverted = await treeLines(page);
    expect(inverted).toContainEqual(expect.stringMatching(/^[├└]── python-dateutil v[\d.]+ \[requires: six>=1\.5\]$/));
    expect(inverted).toContainEqual(expect.stringMatching(/── your requirements \[requires: (pandas>=1\.0|matplotlib \(any version\))\]$/));
    await page.screenshot({ path: `test-results/screens/tree-inverted-${viewport.name}.png` });

    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trimEnd().split("\n")).toEqual(inverted);

    // A line is a way into the package: it selects it and opens its details.
    await page.getByTestId("text-tree").getByRole("button", { name: /^python-dateutil v/ }).first().click();
    await expect(page.getByRole("heading", { name: /python-dateutil/ }).first()).toBeVisible();
  });
}
