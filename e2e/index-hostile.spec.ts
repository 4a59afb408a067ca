// A hostile index (scripts/hostile-index) meets the app as it would meet a person: each attack ends in a message
// naming the URL and what went wrong, and the page stays usable.
import { test, expect } from "@playwright/test";
import { startHostileIndex, type HostileIndex } from "../scripts/hostile-index/server";
import { freshPage, setRequirements } from "./support/explorer";

let hostile: HostileIndex;
test.beforeAll(async () => {
  hostile = await startHostileIndex({ versions: 1_000, dependencies: 10 });
});
test.afterAll(async () => {
  await hostile.close();
});

async function resolveAgainst(page: import("@playwright/test").Page, indexUrl: string): Promise<void> {
  await freshPage(page);
  await setRequirements(page, "victim\n");
  await page.getByLabel("Index URL").fill(indexUrl);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
}

test("a gzip bomb is refused at the listing limit, with the URL and the limit", async ({ page }) => {
  await resolveAgainst(page, hostile.simpleRoot("gzip-bomb"));
  const message = page.getByText(/answered with more than 64 MiB \(decompressed\), the most read for a project listing; stopped reading it/);
  await expect(message).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("The index answered with something Tangle cannot read")).toBeVisible();
  await expect(message).toContainText(`${hostile.simpleRoot("gzip-bomb")}victim/`);
  expect(hostile.requests("gzip-bomb")).toBe(1);
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await message.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/index-hostile-gzip-bomb-${width}.png` });
  }
});

test("a redirect loop ends in a message naming the URL, not a hang", async ({ page }) => {
  await resolveAgainst(page, hostile.simpleRoot("redirect-loop"));
  // The browser hides redirects from the page: it follows them itself, gives up, and Tangle says where.
  const message = page.getByText(/redirect-loop\/simple\/victim\/ redirects, and following its redirects failed \(.+\): a redirect loop\?/);
  await expect(message).toBeVisible({ timeout: 60_000 });
});

test("garbage is retried, then reported with what came back", async ({ page }) => {
  await resolveAgainst(page, hostile.simpleRoot("garbage"));
  const message = page.getByText(/garbage\/simple\/victim\/ answered with text that is not JSON \(.+\); it begins "<html><body>Service temporarily unavailable/);
  await expect(message).toBeVisible({ timeout: 60_000 });
  await expect(message).toContainText("(after 5 retries)");
  expect(hostile.requests("garbage")).toBe(6);
});
