import { expect, test } from '@playwright/test';
import { linkIn, waitForMail } from './support/mailbox';

test('a person signs up, verifies, manages profile, emails and API keys, then deletes the account', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const startedAt = Date.now();

  // Sign up in the browser.
  await page.goto('/signup');
  await page.getByLabel('Email').fill('kim@example.com');
  await page.getByLabel('Username').fill('kim');
  await page.getByLabel('Full name').fill('Kim Lee');
  await page.getByLabel('Password').fill('violet-strong-pass-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  // Signing in before verifying is refused and sends a fresh link.
  await page.goto('/signin');
  await page.getByLabel('Email or username').fill('kim@example.com');
  await page.getByLabel('Password').fill('violet-strong-pass-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Verify your email first' }),
  ).toBeVisible();

  // Open the link from the received email.
  const mail = await waitForMail('kim@example.com', /Verify your email/, startedAt);
  await page.goto(linkIn(mail, '/verify-email'));
  await page.getByRole('button', { name: 'Verify my email' }).click();
  await expect(page.getByText('kim@example.com is verified.')).toBeVisible();
  await page.getByRole('link', { name: 'Continue to sign in' }).click();

  // Sign in.
  await page.getByLabel('Email or username').fill('kim');
  await page.getByLabel('Password').fill('violet-strong-pass-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

  // Edit the profile; a bad website is refused with a field error.
  await page.getByLabel('Website').fill('not a url');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText(/must be a full http/)).toBeVisible();
  await page.getByLabel('Institution').fill('Sextant Lab');
  await page.getByLabel('Website').fill('https://kim.example.com');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Institution')).toHaveValue('Sextant Lab');
  await page.screenshot({ path: testInfo.outputPath('settings-profile.png'), fullPage: true });

  // Add a second email, verify it from the mail, make it primary.
  await page.goto('/settings/emails');
  const addedAt = Date.now();
  await page.getByLabel('Email address').fill('kim.work@example.com');
  await page.getByRole('button', { name: 'Add email' }).click();
  const emails = page.getByRole('list', { name: 'Emails on your account' });
  await expect(
    emails.getByRole('listitem').filter({ hasText: 'kim.work@example.com' }),
  ).toContainText('Unverified');
  await page.screenshot({ path: testInfo.outputPath('settings-emails.png'), fullPage: true });
  const second = await waitForMail('kim.work@example.com', /Verify your email/, addedAt);
  await page.goto(linkIn(second, '/verify-email'));
  await page.getByRole('button', { name: 'Verify my email' }).click();
  await expect(page.getByText('kim.work@example.com is verified.')).toBeVisible();
  await page.goto('/settings/emails');
  await page.getByRole('button', { name: 'Make kim.work@example.com primary' }).click();
  await expect(page.getByRole('button', { name: 'Make kim@example.com primary' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete kim.work@example.com' })).toHaveCount(0);

  // Create an API key, use it against the GraphQL API, revoke it.
  await page.goto('/settings/api-keys');
  await page.getByLabel('Key name').fill('training-box');
  await page.getByRole('button', { name: /Create/ }).click();
  const secret = (await page.getByLabel('New API key').textContent())!.trim();
  expect(secret).toMatch(/^sxt_/);
  await page.screenshot({ path: testInfo.outputPath('settings-api-keys.png'), fullPage: true });
  const anonymous = page.context().request;
  const withKey = await anonymous.post('/api/graphql', {
    headers: { authorization: `Bearer ${secret}`, cookie: '' },
    data: { query: '{ viewer { username institution emails { address isPrimary } } }' },
  });
  expect(await withKey.json()).toMatchObject({
    data: { viewer: { username: 'kim', institution: 'Sextant Lab' } },
  });
  await page.getByRole('button', { name: 'Revoke training-box' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('No API keys yet')).toBeVisible();
  const revoked = await anonymous.post('/api/graphql', {
    headers: { authorization: `Bearer ${secret}` },
    data: { query: '{ viewer { username } }' },
  });
  expect(revoked.status()).toBe(401);

  // Delete the account.
  await page.goto('/settings/account');
  const remove = page.getByRole('button', { name: 'Delete my account' });
  await expect(remove).toBeDisabled();
  await page.getByLabel('Type your username to confirm').fill('kim');
  await remove.click();
  await expect(page).toHaveURL(/notice=account-deleted/);
  await expect(page.getByText('Your account was deleted')).toBeVisible();
  await page.goto('/signin');
  await page.getByLabel('Email or username').fill('kim');
  await page.getByLabel('Password').fill('violet-strong-pass-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Incorrect email or password' }),
  ).toBeVisible();
});
