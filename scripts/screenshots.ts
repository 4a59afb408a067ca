// Takes the README screenshots (editor, empty, resolving, resolved, details, conflict, dark) into e2e/screenshots/*.png.
//
// Assumes the app is already served with the fixture index mounted under /index/ — `npm run preview` after
// `npx vite build`, or the Playwright web server — at TANGLE_URL (default http://127.0.0.1:4173).
// Usage: npx tsx scripts/screenshots.ts
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";

const BASE = process.env.TANGLE_URL ?? "http://127.0.0.1:4173";
const OUT = "e2e/screenshots";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function fresh(page: Page): Promise<void> {
  await page.goto(BASE);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole("textbox", { name: "Requirements" }).waitFor();
}

async function setText(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Requirements" }).fill(text);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

/** Waits for a resolved result and for its graph to be laid out (in the layout worker) and painted. */
async function resolved(page: Page): Promise<void> {
  await page.getByText(/^\d+ packages resolved$/).waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="graph-canvas"][data-state="drawn"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: "light" });
  const page = await context.newPage();
  try {
    // The editor, with a mistake underlined where the parser found it.
    await fresh(page);
    await setText(page, 'requests[socks]>=2.20,<3\ndjango~=4.2; python_version >= "3.8"\nnumpy (>=1.18\nflask >=2.0 extra\n');
    await page.getByRole("textbox", { name: "Requirements" }).press("Control+Home");
    await page.getByText(/\d+ requirements · 2 errors/).waitFor();
    await shot(page, "editor");

    await fresh(page);
    await shot(page, "empty");

    // Resolving: every index answer is held back a little so the progress can be seen.
    await context.route("**/index/**", async (route) => {
      await new Promise((r) => setTimeout(r, 350));
      await route.continue();
    });
    await page.getByRole("button", { name: /Try: a data-science stack/ }).click();
    await page.getByRole("progressbar", { name: "Resolving" }).waitFor();
    await page.waitForTimeout(1500);
    await shot(page, "resolving");
    await context.unrouteAll({ behavior: "ignoreErrors" });
    await resolved(page);
    await shot(page, "resolved");

    await page.getByRole("combobox", { name: "Find package" }).fill("numpy");
    await page.getByRole("combobox", { name: "Find package" }).press("Enter");
    await page.getByRole("complementary", { name: /Details of numpy/ }).waitFor();
    await page.waitForTimeout(1000);
    await shot(page, "details");

    await page.getByRole("tab", { name: "List" }).click();
    await shot(page, "list");

    await fresh(page);
    await page.getByRole("button", { name: /Try: a conflicting set/ }).click();
    await page.getByRole("region", { name: "Conflict explanation" }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    await shot(page, "conflict");

    await fresh(page);
    await page.getByRole("radio", { name: "Dark theme" }).click();
    await page.getByRole("button", { name: /Try: a data-science stack/ }).click();
    await resolved(page);
    await page.getByRole("combobox", { name: "Find package" }).fill("python-dateutil");
    await page.getByRole("combobox", { name: "Find package" }).press("Enter");
    await page.waitForTimeout(1000);
    await shot(page, "dark");
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
