import { expect, test } from '@playwright/test';
import { signUpVerified } from './support/accounts';
import { linkIn, waitForMail } from './support/mailbox';

test('a person signs in with a one-time link from their email', async ({ page, request }) => {
  await signUpVerified(request, 'lena');
  const requestedAt = Date.now();
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Email me a sign-in link instead' }).click();
  await page.getByLabel('Email').fill('lena@example.com');
  await page.getByRole('button', { name: 'Send sign-in link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account exists for lena@example.com');

  const mail = await waitForMail('lena@example.com', /sign-in link/, requestedAt);
  const link = linkIn(mail, '/api/auth/callback/email');
  await page.goto(link);
  await expect(page.getByRole('link', { name: 'Settings for lena' })).toBeVisible();

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(
    page.getByRole('alert').filter({ hasText: 'expired or was already used' }),
  ).toBeVisible();
});

test('asking for a link for an unknown address looks the same and sends nothing', async ({
  page,
}) => {
  const requestedAt = Date.now();
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Email me a sign-in link instead' }).click();
  await page.getByLabel('Email').fill('nobody-here@example.com');
  await page.getByRole('button', { name: 'Send sign-in link' }).click();
  await expect(page.getByRole('status')).toContainText(
    'If an account exists for nobody-here@example.com',
  );
  // Delivery is immediate when it happens at all (the other test sees its mail within a second).
  await expect(
    waitForMail('nobody-here@example.com', /sign-in link/, requestedAt, 3000),
  ).rejects.toThrow();
});
