// Permalinks as a person shares them: copy the link of a resolution, open it in a fresh browser, and see the same versions, reproduced as of the link's time.
import { test, expect } from "@playwright/test";
import { editorText, freshPage, setRequirements, useSnapshotIndex } from "./support/explorer";
import { PYPROJECT, copyLink, downloadExport, resolvePyproject, resolvedVersions, settledAddress } from "./support/share";

test("a copied link opens in a fresh browser with the same session and the same resolution", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  const count = await resolvePyproject(page);
  const versions = await resolvedVersions(page);
  expect(Object.keys(versions)).toHaveLength(count);
  // The extra and the group were resolved, what was not ticked was not.
  expect(versions).toMatchObject({ requests: expect.any(String), PySocks: "1.7.1", pytest: "6.1.2", attrs: "20.3.0", mock: "4.0.2" });
  expect(versions.click).toBeUndefined();

  const link = await copyLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s1\.[A-Za-z0-9_-]+$/);
  // The address bar shows the same link.
  expect(await settledAddress(page)).toBe(link);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole("region", { name: "Reproduced resolution" })).toContainText("This link reproduces a resolution from");
  await expect(fresh.getByText(/^\d+ packages? resolved$/)).toHaveText(`${count} packages resolved`, { timeout: 30_000 });
  expect(await resolvedVersions(fresh)).toEqual(versions);
  expect(await editorText(fresh)).toBe(PYPROJECT);
  await expect(fresh.getByLabel("Input format")).toHaveValue("pyproject.toml");
  await expect(fresh.getByRole("group", { name: "Extras" }).getByRole("checkbox", { name: "socks" })).toBeChecked();
  await expect(fresh.getByRole("group", { name: "Dependency groups" }).getByRole("checkbox", { name: "test" })).toBeChecked();
  await expect(fresh.getByLabel("Index URL")).toHaveValue(/\/index\/snapshot-2020\/simple$/);

  // Today's index: the notice goes, the resolution is made again without the time limit.
  await fresh.getByRole("button", { name: "Re-resolve against today's index" }).click();
  await expect(fresh.getByRole("region", { name: "Reproduced resolution" })).toHaveCount(0);
  await expect(fresh.getByText(/^\d+ packages? resolved$/)).toBeVisible({ timeout: 30_000 });
  expect(await resolvedVersions(fresh)).toEqual(versions);
  await context.close();
});

test("the link carries the resolution time: opened later, it resolves with exclude-newer set to it", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  await resolvePyproject(page);
  const original = await downloadExport(page, /^requirements\.txt/);
  const resolvedAt = /^# Resolved at (\S+) from /m.exec(original.text)?.[1];
  expect(resolvedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(original.text).toContain("# Options: resolution highest, pre-releases if-necessary-or-explicit, exclude-newer none");
  const link = await copyLink(page);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByText(/^\d+ packages? resolved$/)).toBeVisible({ timeout: 30_000 });
  // The notice names the moment of the original resolution, in the reader's words.
  await expect(fresh.getByRole("region", { name: "Reproduced resolution" })).toContainText(String(new Date(resolvedAt ?? "").getFullYear()));
  const reproduced = await downloadExport(fresh, /^requirements\.txt/);
  expect(reproduced.text).toContain(`--exclude-newer ${resolvedAt}`);
  expect(reproduced.text).toContain(`exclude-newer ${resolvedAt}`);
  // The same pins, line for line.
  const pins = (text: string) => text.split("\n").filter((l) => /^[a-z0-9-]+==/.test(l));
  expect(pins(reproduced.text)).toEqual(pins(original.text));
  await context.close();
});

test("without clipboard access, the link is shown selected for copying by hand", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) } });
  });
  await freshPage(page);
  await page.getByRole("button", { name: "Copy link" }).click();
  const field = page.getByRole("textbox", { name: "Link to this session" });
  await expect(field).toBeVisible();
  await expect(page.getByText(/did not let Tangle use the clipboard/)).toBeVisible();
  const value = await field.inputValue();
  expect(value).toMatch(/#s1\.[A-Za-z0-9_-]+$/);
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, value.length]);
  await field.press("Escape");
  await expect(field).toHaveCount(0);
});

test("a link wins over what this browser had stored, and what it replaced can be brought back", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  await setRequirements(page, "six\n");
  await useSnapshotIndex(page);
  const link = await copyLink(page);

  const context = await browser.newContext();
  const mine = await context.newPage();
  await freshPage(mine);
  await setRequirements(mine, "flask>=1.1\n");
  await settledAddress(mine);
  // Another tab of the same browser opens the link: the link's session is shown, not the stored one.
  const tab = await context.newPage();
  await tab.goto(link);
  await expect(tab.getByText("1 package resolved")).toBeVisible({ timeout: 30_000 });
  expect(await editorText(tab)).toBe("six\n");
  const notice = tab.getByRole("region", { name: "Replaced session" });
  await expect(notice).toContainText("flask>=1.1");
  await notice.getByRole("button", { name: "Bring back my previous session" }).click();
  await expect.poll(() => editorText(tab)).toBe("flask>=1.1\n");
  await expect(tab.getByLabel("Index URL")).toHaveValue("https://pypi.org/simple");
  await expect(notice).toHaveCount(0);
  await context.close();
});
