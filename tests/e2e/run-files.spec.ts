import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInWithPassword, signUpVerified } from './support/accounts';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The upload protocol in one go (the default part size takes these files in one part). */
async function save(
  request: APIRequestContext,
  headers: Record<string, string>,
  base: string,
  path: string,
  data: Buffer,
) {
  const created = await request.post(`${base}/files/uploads`, {
    headers,
    data: { path, size: data.length, sha256: sha(data) },
  });
  const state = await created.json();
  if (state.status === 'complete') return;
  if (state.partCount > 0) {
    const part = await request.put(`${base}/files/uploads/${state.uploadId}/parts/1`, {
      headers,
      data,
    });
    expect(part.ok()).toBe(true);
  }
  const done = await request.post(`${base}/files/uploads/${state.uploadId}/complete`, { headers });
  expect(done.ok()).toBe(true);
}

test('the Files tab lists saved files and downloads them', async ({ page, request }) => {
  // Unique per run: the e2e data dir may outlive one run.
  const name = `fiona${Date.now().toString(36)}`;
  const user = await signUpVerified(request, name);
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const headers = { authorization: `Bearer ${(await key.json()).data.createApiKey.secret}` };
  const base = `/api/v1/runs/${name}/cifar/resnet`;
  expect((await request.post(base, { headers, data: { displayName: 'ResNet-50' } })).ok()).toBe(
    true,
  );

  const run = `/${name}/cifar/runs/resnet/files`;
  await page.goto(run);
  await expect(page.getByText('No files saved')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/files-empty.png', fullPage: true });

  const checkpoint = Buffer.alloc(300_000, 7);
  await save(request, headers, base, 'checkpoints/epoch-10.pt', checkpoint);
  await save(request, headers, base, 'config.yaml', Buffer.from('lr: 0.1\nbatch: 128\n'));
  await save(request, headers, base, 'requirements.txt', Buffer.from('torch==2.4\n'));

  await page.goto(run);
  const tree = page.getByRole('tree', { name: 'Run files' });
  await expect(tree.getByRole('treeitem', { name: /epoch-10\.pt/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /epoch-10\.pt/ })).toContainText('300.0 KB');
  await expect(page.getByRole('heading', { name: 'Files (3)' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `/tmp/shots/files-${scheme}.png`, fullPage: true });
  }

  await tree.getByRole('treeitem', { name: /config\.yaml/ }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByText('batch: 128')).toBeVisible();
  const href = await preview.getByRole('link', { name: 'Download' }).getAttribute('href');
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe('lr: 0.1\nbatch: 128\n');

  // The storage settings: used vs limit and where the bytes go.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/settings/storage');
  await expect(page.getByRole('heading', { name: 'Storage', level: 1 })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Storage used' })).toBeVisible();
  await expect(page.getByText('of 100.0 GB')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Storage by project' }).getByRole('link', { name: 'cifar' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Storage by run' }).getByText('300.0 KB'),
  ).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `/tmp/shots/storage-${scheme}.png`, fullPage: true });
  }
});
