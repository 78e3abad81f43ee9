import { expect, type Page } from '@playwright/test';

const shotDir = process.env.E2E_SHOT_DIR ?? '/tmp/shots';

/**
 * The page in light and in dark (`<shotDir>/<name>-<scheme>.png`), full length by default
 * and then from the top: the sticky header would otherwise be painted mid-page.
 * `settleMs` waits after the switch (Plotly redraws with the theme's colours).
 */
export async function screenshots(
  page: Page,
  name: string,
  { fullPage = true, settleMs = 0 }: { fullPage?: boolean; settleMs?: number } = {},
) {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    if (settleMs) await page.waitForTimeout(settleMs);
    await page.screenshot({ path: `${shotDir}/${name}-${scheme}.png`, fullPage });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
