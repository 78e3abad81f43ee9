import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startMotoS3 } from '../helpers/moto-s3';
import { signInWithPassword, signUpVerified } from './support/accounts';

const shotDir = process.env.E2E_SHOT_DIR ?? '/tmp/shots';

async function screenshots(page: Page, name: string) {
  // From the top: the sticky header would otherwise be painted mid-page in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await page.screenshot({
      path: `${shotDir}/storage-connector-${name}-${scheme}.png`,
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function gql(request: APIRequestContext, query: string, variables = {}) {
  const response = await request.post('/api/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors, query).toBeUndefined();
  return body.data!;
}

test('a team admin connects the team bucket (a failed test names the field), sees it and removes it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const s3 = await startMotoS3();
  try {
    const suffix = Date.now().toString(36).slice(-5);
    const team = `vault-${suffix}`;
    const admin = await signUpVerified(request, `sia${suffix}`);
    await signInWithPassword(page, admin.username, admin.password);
    await gql(
      page.request,
      `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { name } }`,
      { input: { name: team, type: 'WORK', newOrganizationName: `Vault ${suffix}` } },
    );

    await page.goto(`/teams/${team}/settings/storage`);
    await expect(page.getByRole('heading', { level: 1, name: 'Storage' })).toBeVisible();
    await expect(page.getByText("This instance's storage")).toBeVisible();
    await screenshots(page, 'empty');

    const form = page.locator('form').filter({ has: page.getByLabel('Bucket') });
    await form.getByLabel('Endpoint').fill(s3.endpoint);
    await form.getByLabel('Bucket').fill('no-such-bucket');
    await form.getByLabel('Key prefix').fill('sextant');
    await form.getByLabel('Path-style URLs').check();
    await form.getByLabel('Access key ID').fill(s3.accessKeyId);
    await form.getByLabel('Secret access key').fill(s3.secretAccessKey);
    await form.getByRole('button', { name: 'Test and connect' }).click();
    await expect(form.getByText(/Bucket does not exist at this endpoint/)).toBeVisible();
    await expect(form.getByText(/did not pass the test and nothing was saved/)).toBeVisible();
    await screenshots(page, 'error');

    // What was typed stays; fix the bucket and try again.
    await form.getByLabel('Bucket').fill(s3.bucket);
    await form.getByRole('button', { name: 'Test and connect' }).click();
    await expect(page.getByText('The bucket passed the test')).toBeVisible();
    await page.reload();
    const current = page.locator('section').filter({ hasText: 'Current storage' });
    await expect(current.getByText(s3.bucket)).toBeVisible();
    await expect(current.getByText(`•••• ${s3.accessKeyId.slice(-4)}`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Replace the bucket' })).toBeVisible();
    await screenshots(page, 'connected');

    await current.getByRole('button', { name: 'Remove connector' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Remove the storage connector?');
    await dialog.getByRole('button', { name: 'Remove connector' }).click();
    await expect(page.getByText("This instance's storage")).toBeVisible();
  } finally {
    await s3.stop();
  }
});
