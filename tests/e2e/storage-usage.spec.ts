import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInWithPassword, signUpVerified } from './support/accounts';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** One upload in one part (run files with a path, artifact blobs without). */
async function upload(
  request: APIRequestContext,
  headers: Record<string, string>,
  base: string,
  data: Buffer,
  path?: string,
) {
  const created = await request.post(`${base}/files/uploads`, {
    headers,
    data: { path, size: data.length, sha256: sha(data) },
  });
  const state = await created.json();
  if (state.status === 'complete') return;
  const part = await request.put(`${base}/files/uploads/${state.uploadId}/parts/1`, {
    headers,
    data,
  });
  expect(part.ok()).toBe(true);
  const done = await request.post(`${base}/files/uploads/${state.uploadId}/complete`, { headers });
  expect(done.ok()).toBe(true);
}

test('the storage page lists artifacts and the largest files, and deletes a file', async ({
  page,
  request,
}) => {
  const name = `stella${Date.now().toString(36)}`;
  const user = await signUpVerified(request, name);
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const headers = { authorization: `Bearer ${(await key.json()).data.createApiKey.secret}` };
  const runBase = `/api/v1/runs/${name}/cifar/resnet`;
  expect((await request.post(runBase, { headers, data: {} })).ok()).toBe(true);
  await upload(request, headers, runBase, Buffer.alloc(300_000, 1), 'weights.bin');
  await upload(request, headers, runBase, Buffer.alloc(20_000, 2), 'config.yaml');
  const artBase = `/api/v1/artifacts/${name}/cifar`;
  const train = Buffer.alloc(500_000, 3);
  await upload(request, headers, artBase, train);
  const logged = await request.post(`${artBase}/digits/versions`, {
    headers,
    data: {
      run: 'resnet',
      type: 'dataset',
      files: [{ path: 'train.bin', sha256: sha(train), size: train.length }],
    },
  });
  expect(logged.ok()).toBe(true);

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/settings/storage');
  await expect(page.getByText('820.0 KB')).toBeVisible();
  const artifacts = page.getByRole('table', { name: 'Storage by artifact' });
  await expect(artifacts.getByRole('link', { name: 'cifar/digits' })).toBeVisible();
  await expect(artifacts.getByText('500.0 KB', { exact: true })).toBeVisible();
  await artifacts.locator('summary').click();
  await expect(artifacts.getByRole('button', { name: 'Delete cifar/digits:v0' })).toBeVisible();
  const files = page.getByRole('table', { name: 'Largest files' });
  await expect(files.getByRole('row').nth(1)).toContainText('weights.bin');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `/tmp/shots/storage-usage-${scheme}.png`, fullPage: true });
  }

  await page.emulateMedia({ colorScheme: 'light' });
  await files.getByRole('button', { name: 'Delete weights.bin' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete weights.bin?');
  await page.screenshot({ path: '/tmp/shots/storage-usage-confirm.png' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('520.0 KB')).toBeVisible();
  await expect(files).not.toContainText('weights.bin');
});
