import { expect, test } from '@playwright/test';

test('the landing page shows the product and the way in', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Sextant');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Find your bearings');
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
  await expect(header.getByRole('link', { name: 'Sign up' })).toHaveAttribute('href', '/signup');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Sextant 0.');
  await page.screenshot({ path: testInfo.outputPath('landing-light.png'), fullPage: true });
});

test('dark mode follows the theme toggle and survives a reload', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/dark/);
  // system → light → dark
  await page.getByRole('button', { name: /^Theme: system/ }).click();
  await page.getByRole('button', { name: /^Theme: light/ }).click();
  await expect(html).toHaveClass(/dark/);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  await page.screenshot({ path: testInfo.outputPath('landing-dark.png'), fullPage: true });
});

test('an unknown page shows a designed 404', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Back to home' }).click();
  await expect(page).toHaveURL(/\/$/);
});
