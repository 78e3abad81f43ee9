import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { linkIn, waitForMail } from './mailbox';

/** Signs a person up through the GraphQL API and verifies the email from the mail they get. */
export async function signUpVerified(
  request: APIRequestContext,
  username: string,
  password = 'e2e-password-42',
  verify = true,
) {
  const email = `${username}@example.com`;
  const startedAt = Date.now();
  const response = await request.post('/api/graphql', {
    data: {
      query: 'mutation ($input: SignUpInput!) { signUp(input: $input) { username } }',
      variables: { input: { email, username, password } },
    },
  });
  expect(await response.json()).toEqual({ data: { signUp: { username } } });
  if (verify) {
    const mail = await waitForMail(email, /Verify your email/, startedAt - 1000);
    const token = new URL(linkIn(mail, '/verify-email')).searchParams.get('token');
    const verified = await request.post('/api/graphql', {
      data: {
        query: 'mutation ($token: String!) { verifyEmail(token: $token) }',
        variables: { token },
      },
    });
    expect(await verified.json()).toEqual({ data: { verifyEmail: email } });
  }
  return { email, username, password };
}

/** Signs in through the sign-in page with a password. */
export async function signInWithPassword(page: Page, identifier: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email or username').fill(identifier);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/settings/);
}

/** Goes through the test issuer's login and consent screens as `login`. */
export async function loginAtIssuer(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}
