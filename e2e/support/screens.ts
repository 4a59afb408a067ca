// Screenshots of what a spec built, at the two sizes every feature is checked at (looked at by hand; kept out of git under test-results/).
import type { Page } from "@playwright/test";

export const WIDE = { width: 1440, height: 900 };
export const NARROW = { width: 390, height: 844 };

/** Saves the page as test-results/screens/<name>-<width>.png. */
export async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: options.fullPage ?? false });
}

/** The page's horizontal overflow in CSS pixels (0: nothing scrolls sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
