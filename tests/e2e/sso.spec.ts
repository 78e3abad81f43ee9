import { expect, test } from '@playwright/test';
import { loginAtIssuer, signUpVerified } from './support/accounts';

test('a new person signs in with SSO and gets an account with a verified email', async ({
  page,
}) => {
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Continue with Test SSO' }).click();
  await loginAtIssuer(page, 'grace@example.com');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('link', { name: 'Settings for grace' })).toBeVisible();
  await page.goto('/settings/emails');
  await expect(page.getByText('grace@example.com')).toBeVisible();
  await expect(page.getByText('Unverified')).toHaveCount(0);
});

test('SSO with the verified email of an existing account links to that account, never a duplicate', async ({
  page,
  request,
}) => {
  await signUpVerified(request, 'hopper');
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Continue with Test SSO' }).click();
  await loginAtIssuer(page, 'hopper@example.com');
  await expect(page.getByRole('link', { name: 'Settings for hopper' })).toBeVisible();
  const graphql = await page.request.post('/api/graphql', {
    data: { query: '{ viewer { username linkedAccounts { provider email } } }' },
  });
  expect(await graphql.json()).toEqual({
    data: {
      viewer: {
        username: 'hopper',
        linkedAccounts: [{ provider: 'oidc', email: 'hopper@example.com' }],
      },
    },
  });
});

test('SSO never links an email that is still unverified here', async ({ page, request }) => {
  await signUpVerified(request, 'ivy', undefined, false);
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Continue with Test SSO' }).click();
  await loginAtIssuer(page, 'ivy@example.com');
  await expect(page.getByRole('alert').filter({ hasText: 'not verified yet' })).toBeVisible();
});

test('SSO never links an email the identity provider has not verified', async ({
  page,
  request,
}) => {
  await signUpVerified(request, 'june');
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Continue with Test SSO' }).click();
  await loginAtIssuer(page, 'june+unverified@example.com');
  await expect(
    page.getByRole('alert').filter({ hasText: 'identity provider has not verified' }),
  ).toBeVisible();
  // Still nobody signed in.
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
});
