// Everyone, everywhere: 390 px without sideways scrolling, details where the tap was, Escape, the keyboard never hidden behind the Resolve bar, one tab stop for the theme, and a CSP that lets the resolver work.
import { test, expect } from "@playwright/test";
import { freshPage, resolveAndWait, useSnapshotIndex } from "./support/explorer";
import { NARROW, WIDE, shoot, sidewaysOverflow } from "./support/screens";

for (const size of [WIDE, NARROW]) {
  test(`at ${size.width} px nothing scrolls sideways, a tapped package's details open in view, and Escape closes them`, async ({ page }) => {
    await page.setViewportSize(size);
    await freshPage(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await useSnapshotIndex(page);
    await resolveAndWait(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await shoot(page, "everywhere-resolved", { fullPage: true });
    await page.getByRole("tab", { name: "List" }).click();
    const django = page.getByRole("region", { name: "Resolved packages" }).getByRole("button", { name: "django", exact: true });
    await django.scrollIntoViewIfNeeded();
    await django.click();
    const details = page.getByRole("region", { name: "Package details" });
    await expect(details.getByRole("heading", { name: /django/ })).toBeInViewport();
    expect(await sidewaysOverflow(page)).toBe(0);
    await shoot(page, "everywhere-details");
    await page.keyboard.press("Escape");
    await expect(details).toHaveCount(0);
  });
}

test("packages are reachable without a mouse: Tab to the list, Enter opens the details", async ({ page }) => {
  await freshPage(page);
  await useSnapshotIndex(page);
  await resolveAndWait(page);
  await page.getByRole("tab", { name: "Graph" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "List" })).toHaveAttribute("aria-selected", "true");
  const requests = page.getByRole("region", { name: "Resolved packages" }).getByRole("button", { name: "requests", exact: true });
  for (let i = 0; i < 30 && !(await requests.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(requests).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Package details" })).toContainText("requests");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("region", { name: "Package details" })).toHaveCount(0);
});

test("at 390 px every control focused with Tab is above the sticky Resolve bar, never behind it", async ({ page }) => {
  await page.setViewportSize(NARROW);
  await freshPage(page);
  await useSnapshotIndex(page);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  const bar = page.getByRole("button", { name: "Resolve", exact: true });
  let checked = 0;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const hidden = await page.evaluate(() => {
      const focused = document.activeElement;
      const resolve = [...document.querySelectorAll("button")].find((b) => b.textContent?.startsWith("Resolve"));
      if (!focused || !resolve || focused === resolve || resolve.contains(focused) || focused === document.body) return null;
      if (focused.closest(".cm-editor")) return null;
      const a = focused.getBoundingClientRect();
      const b = resolve.getBoundingClientRect();
      return a.bottom > b.top && a.top < b.bottom ? `${focused.tagName} ${focused.textContent?.slice(0, 30) ?? ""}` : "";
    });
    if (hidden === null) continue;
    checked++;
    expect(hidden, "focused control behind the Resolve bar").toBe("");
  }
  expect(checked).toBeGreaterThan(10);
  await expect(bar).toBeVisible();
});

test("the theme switch is one tab stop; arrow keys change the theme", async ({ page }) => {
  await freshPage(page);
  const group = page.getByRole("radiogroup", { name: "Theme" });
  await expect(group.locator('[tabindex="0"]')).toHaveCount(1);
  await group.getByRole("radio", { name: "System theme" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(group.getByRole("radio", { name: "Light theme" })).toBeFocused();
  await expect(group.getByRole("radio", { name: "Light theme" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Tab");
  expect(await group.evaluate((g) => g.contains(document.activeElement))).toBe(false);
});

test("the built page carries a strict CSP, its server sends the security headers, and a resolution runs under them", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("script-src 'self';");
  expect(policy).toContain("connect-src 'self' https:");
  await freshPage(page);
  await useSnapshotIndex(page);
  await resolveAndWait(page);
  // An inline script is refused.
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = true";
    document.body.append(s);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(ran).toBe(false);
  expect(violations.filter((v) => !v.includes("inline"))).toEqual([]);
});
