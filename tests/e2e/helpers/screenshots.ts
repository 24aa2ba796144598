// Screenshots of a page as a user sees it, at desktop (1280 px) and phone (390 px) width, for a person to
// look at: artifacts/screenshots/<name>-desktop.png and <name>-phone.png.
import type { Page } from '@playwright/test';

export const SCREENSHOTS = 'artifacts/screenshots';

/** Both widths, full page; the viewport is left at desktop width. */
export async function bothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}
