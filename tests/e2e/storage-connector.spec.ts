import { expect, test } from '@playwright/test';
import { startMotoS3 } from '../helpers/moto-s3';
import { signInWithPassword, signUpVerified } from './support/accounts';
import { screenshots } from './support/screenshots';
import { createTeam } from './support/teams';

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
    await createTeam(page, team, `Vault ${suffix}`);

    await page.goto(`/teams/${team}/settings/storage`);
    await expect(page.getByRole('heading', { level: 1, name: 'Storage' })).toBeVisible();
    await expect(page.getByText("This instance's storage")).toBeVisible();
    await screenshots(page, 'storage-connector-empty');

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
    await screenshots(page, 'storage-connector-error');

    // What was typed stays; fix the bucket and try again.
    await form.getByLabel('Bucket').fill(s3.bucket);
    await form.getByRole('button', { name: 'Test and connect' }).click();
    await expect(page.getByText('The bucket passed the test')).toBeVisible();
    await page.reload();
    const current = page.locator('section').filter({ hasText: 'Current storage' });
    await expect(current.getByText(s3.bucket)).toBeVisible();
    await expect(current.getByText(`•••• ${s3.accessKeyId.slice(-4)}`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Replace the bucket' })).toBeVisible();
    await screenshots(page, 'storage-connector-connected');

    await current.getByRole('button', { name: 'Remove connector' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Remove the storage connector?');
    await dialog.getByRole('button', { name: 'Remove connector' }).click();
    await expect(page.getByText("This instance's storage")).toBeVisible();
  } finally {
    await s3.stop();
  }
});
