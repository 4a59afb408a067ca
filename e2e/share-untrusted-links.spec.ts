// Links are untrusted input: a cut-off, damaged or tampered link says what is wrong and keeps what it can; a link to an unknown index asks before any request goes there.
import { deflateRawSync } from "node:zlib";
import { test, expect, type Browser, type Page, type Request } from "@playwright/test";
import { editorText, freshPage, setRequirements, useSnapshotIndex } from "./support/explorer";
import { copyLink, settledAddress } from "./support/share";

const LONG_TEXT = Array.from({ length: 40 }, (_, i) => `package-number-${i}>=1.${i},<2  # pinned for reason ${i}`).join("\n") + "\n";

/** A link whose payload is written by hand (as a tampered link would be). */
function handMadeLink(base: string, payload: unknown): string {
  return `${base}/#s1.${Buffer.from(deflateRawSync(JSON.stringify(payload))).toString("base64url")}`;
}

function origin(page: Page): string {
  return new URL(page.url()).origin;
}

test("a cut-off link says so, fills the editor with the requirements it recovered, and can put back what was there", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  const example = await editorText(page);
  await setRequirements(page, LONG_TEXT);
  const link = await copyLink(page);
  const cut = link.slice(0, Math.floor(link.length * 0.6));

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(cut);
  const alert = fresh.getByRole("alert", { name: "Link error" });
  await expect(alert).toContainText("This link is incomplete — it was probably cut off when it was copied.");
  await expect(alert).toContainText("The requirements it starts with were recovered");
  const recovered = await editorText(fresh);
  expect(recovered.length).toBeGreaterThan(100);
  expect(LONG_TEXT.startsWith(recovered)).toBe(true);
  // The address bar no longer shows the broken link: it follows the session that was kept.
  const address = await settledAddress(fresh);
  expect(address).not.toBe(cut);

  await alert.getByRole("button", { name: "Put back my previous requirements" }).click();
  // A fresh browser starts with the example requirements: they are back.
  await expect.poll(() => editorText(fresh)).toBe(example);
  await expect(alert).toHaveCount(0);
  await context.close();
});

test("a damaged link keeps the session the page had, and says what is wrong", async ({ page }) => {
  await freshPage(page);
  await setRequirements(page, "flask>=1.1\n");
  await settledAddress(page);
  await page.goto("/#s1.this!is!not!base64");
  const alert = page.getByRole("alert", { name: "Link error" });
  await expect(alert).toContainText("This link is damaged: it contains characters a Tangle link never has.");
  await expect(alert).toContainText("Your requirements and settings were kept as they were.");
  expect(await editorText(page)).toBe("flask>=1.1\n");
  await page.goto("/#hello");
  await expect(alert).toContainText("This link is not a Tangle session link");
  expect(await editorText(page)).toBe("flask>=1.1\n");
  await alert.getByRole("button", { name: "Dismiss: Link error" }).click();
  await expect(alert).toHaveCount(0);
});

test("a tampered link opens with its valid fields and lists the ones it ignored", async ({ page, browser }) => {
  await freshPage(page);
  const link = handMadeLink(origin(page), {
    v: 1,
    text: "six\n",
    fileName: "requirements.txt",
    settings: { pythonVersion: "2.7", os: "beos", arch: "aarch64", indexUrl: `${origin(page)}/index/snapshot-2020/simple` },
    pins: "nope",
  });
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(link);
  const alert = fresh.getByRole("alert", { name: "Link problems" });
  await expect(alert).toContainText("Parts of this link could not be read");
  await expect(alert).toContainText('The link\'s os "beos" is not one of linux, macos, windows; using linux.');
  await expect(alert).toContainText('The link\'s Python version "2.7" is not a Python 3 version; using 3.13.');
  await expect(alert).toContainText("The link's pinned versions are unreadable; ignored.");
  await expect.poll(() => editorText(fresh)).toBe("six\n");
  await expect(fresh.getByLabel("Architecture")).toHaveValue("aarch64");
  await expect(fresh.getByLabel("Python version")).toHaveValue("3.13");
  await expect(fresh.getByText("1 package resolved")).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test.describe("a link naming an index other than pypi.org or the bundled snapshot", () => {
  /** The snapshot under another host name: a real index, but not one the page knows. */
  let foreignIndex: string;
  let foreignLink: string;
  /** What a fresh browser's editor holds before any link is applied. */
  let example: string;

  test.beforeEach(async ({ page }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await freshPage(page);
    example = await editorText(page);
    foreignIndex = `http://localhost:${new URL(page.url()).port}/index/snapshot-2020/simple`;
    await setRequirements(page, "requests>=2.20\n");
    await page.getByLabel("Index URL").fill(foreignIndex);
    foreignLink = await copyLink(page);
  });

  async function openInFreshBrowser(browser: Browser) {
    const context = await browser.newContext();
    const toForeign: Request[] = [];
    const toPypi: Request[] = [];
    await context.route("http://localhost:*/**", (route) => {
      toForeign.push(route.request());
      return route.continue();
    });
    await context.route("https://pypi.org/**", (route) => {
      toPypi.push(route.request());
      return route.abort("internetdisconnected");
    });
    const fresh = await context.newPage();
    await fresh.goto(foreignLink);
    return { context, fresh, toForeign, toPypi };
  }

  test("asks first, sends nothing there until the user agrees, then resolves against it", async ({ browser }) => {
    const { context, fresh, toForeign } = await openInFreshBrowser(browser);
    const dialog = fresh.getByRole("dialog", { name: "This link uses another package index" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(foreignIndex);
    await expect(dialog.getByRole("button", { name: "Use pypi.org instead" })).toBeFocused();
    // Nothing from the link is applied yet, and nothing went to the index, once the page has done all it does on opening
    // (its network has gone quiet: the worker started, the bundle loaded), however long that takes on this machine.
    await fresh.waitForLoadState("networkidle");
    expect(toForeign).toHaveLength(0);
    expect(await editorText(fresh)).toBe(example);

    await dialog.getByRole("button", { name: `Use localhost:${new URL(foreignIndex).port}` }).click();
    await expect(dialog).toBeHidden();
    await expect(fresh.getByText(/^\d+ packages resolved$/)).toBeVisible({ timeout: 30_000 });
    expect(toForeign.length).toBeGreaterThan(0);
    expect(toForeign.every((r) => r.url().startsWith(foreignIndex.replace(/simple$/, "")))).toBe(true);
    await expect(fresh.getByLabel("Index URL")).toHaveValue(foreignIndex);
    expect(await editorText(fresh)).toBe("requests>=2.20\n");
    await context.close();
  });

  test("\"Use pypi.org instead\" (or Escape) restores the session with pypi.org and never contacts the other index", async ({ browser }) => {
    const { context, fresh, toForeign, toPypi } = await openInFreshBrowser(browser);
    const dialog = fresh.getByRole("dialog", { name: "This link uses another package index" });
    await expect(dialog).toBeVisible();
    await fresh.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(fresh.getByLabel("Index URL")).toHaveValue("https://pypi.org/simple");
    await expect.poll(() => editorText(fresh)).toBe("requests>=2.20\n");
    // It resolved against pypi.org (cut off here, so "unreachable"); the other index saw nothing.
    await expect(fresh.getByRole("alert", { name: "Index unreachable" })).toBeVisible({ timeout: 30_000 });
    expect(toPypi.length).toBeGreaterThan(0);
    expect(toForeign).toHaveLength(0);
    await context.close();
  });
});

test("the snapshot index needs no question", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await freshPage(page);
  await setRequirements(page, "six\n");
  await useSnapshotIndex(page);
  const link = await copyLink(page);
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByText("1 package resolved")).toBeVisible({ timeout: 30_000 });
  await expect(fresh.getByRole("dialog")).toHaveCount(0);
  await context.close();
});
