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

const PBR_SETUP_CFG = "[metadata]\nname = demo-pbr\n\n[pbr]\nskip_authors = true\n";
const PBR_REQUIREMENTS = "requests>=2.20\nsix\n";
const textFile = (name: string, text: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(text) });

test("a link carries the project's files and its constraints: opened elsewhere, it is the same project and the same resolution", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  await page.getByLabel("Open a dependency file").setInputFiles([textFile("requirements.txt", PBR_REQUIREMENTS), textFile("setup.cfg", PBR_SETUP_CFG)]);
  await expect.poll(() => editorText(page)).toBe(PBR_SETUP_CFG);
  await page.getByText("Constraints and overrides").click();
  await page.getByLabel(/^Constraints/).fill("urllib3<1.26\n");
  await useSnapshotIndex(page);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(page.getByText(/^\d+ packages? resolved$/)).toBeVisible({ timeout: 30_000 });
  const versions = await resolvedVersions(page);
  // Both files and the constraint were resolved: the requirements come from requirements.txt, urllib3 stays below 1.26.
  expect(versions).toMatchObject({ requests: expect.any(String), six: expect.any(String) });
  expect(versions.urllib3).toMatch(/^1\.25\./);

  const link = await copyLink(page);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByText(/^\d+ packages? resolved$/)).toHaveText(`${Object.keys(versions).length} packages resolved`, { timeout: 30_000 });
  expect(await resolvedVersions(fresh)).toEqual(versions);
  expect(await editorText(fresh)).toBe(PBR_SETUP_CFG);
  await expect(fresh.getByRole("region", { name: "Project files" }).getByRole("listitem")).toHaveText([/requirements\.txt\s*2 lines/]);
  await expect(fresh.getByText("1 constraint · 0 overrides")).toBeVisible();
  await expect(fresh.getByLabel(/^Constraints/)).toHaveValue("urllib3<1.26\n");
  await fresh.screenshot({ path: "test-results/screens/link-project-390.png", fullPage: true });
  await fresh.setViewportSize({ width: 1440, height: 900 });
  await fresh.screenshot({ path: "test-results/screens/link-project-1440.png" });
  await context.close();
});

test("a session too big for a link says so when its link is copied, and how big it is", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  // Two notes of 1.1 MB each (one comment line: quick to read), opened beside the requirements.
  const big = `# ${"notes ".repeat(190_000)}\n`;
  await page.getByLabel("Open a dependency file").setInputFiles([textFile("requirements.txt", "six\n"), textFile("notes-a.txt", big), textFile("notes-b.txt", big)]);
  await expect(page.getByRole("region", { name: "Project files" }).getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "Copy link" }).click();
  const alert = page.getByRole("alert", { name: "No link for this session" });
  await expect(alert).toContainText(/^This session is too big for a link: its text and files come to 2\.\d MB, and a link holds up to 2\.0 MB\./);
  await expect(page.getByRole("button", { name: "Link copied" })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/link-too-big-390.png" });
  await alert.getByRole("button", { name: "Close" }).click();
  await expect(alert).toHaveCount(0);
});
