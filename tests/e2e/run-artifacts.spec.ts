import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInWithPassword, signUpVerified } from './support/accounts';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The artifact blob upload protocol in one go (one part at the default part size). */
async function upload(
  request: APIRequestContext,
  headers: Record<string, string>,
  base: string,
  data: Buffer,
) {
  const created = await request.post(`${base}/files/uploads`, {
    headers,
    data: { size: data.length, sha256: sha(data) },
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

test('the Artifacts tab lists what a run logged and used', async ({ page, request }) => {
  const name = `arty${Date.now().toString(36)}`;
  const user = await signUpVerified(request, name);
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const headers = { authorization: `Bearer ${(await key.json()).data.createApiKey.secret}` };
  for (const run of ['prep', 'train']) {
    const made = await request.post(`/api/v1/runs/${name}/mnist/${run}`, { headers, data: {} });
    expect(made.ok()).toBe(true);
  }

  await page.goto(`/${name}/mnist/runs/prep/artifacts`);
  await expect(page.getByText('No artifacts logged by or used in this run')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/artifacts-empty.png', fullPage: true });

  const base = `/api/v1/artifacts/${name}/mnist`;
  const train = Buffer.alloc(1_200_000, 3);
  const labels = Buffer.from('0,1,2\n');
  await upload(request, headers, base, train);
  await upload(request, headers, base, labels);
  const logged = await request.post(`${base}/digits/versions`, {
    headers,
    data: {
      run: 'prep',
      type: 'dataset',
      aliases: ['best'],
      files: [
        { path: 'train.bin', sha256: sha(train), size: train.length },
        { path: 'labels.csv', sha256: sha(labels), size: labels.length },
      ],
      references: [{ path: 'raw.tar', uri: 's3://datasets/raw.tar' }],
    },
  });
  expect(logged.ok()).toBe(true);
  const used = await request.post(`${base}/digits/use`, {
    headers,
    data: { version: 'latest', run: 'train' },
  });
  expect(used.ok()).toBe(true);

  await page.goto(`/${name}/mnist/runs/prep/artifacts`);
  const outputs = page.getByRole('table', { name: 'Artifacts logged by this run' });
  await expect(outputs.getByText('digits:v0')).toBeVisible();
  await expect(outputs.getByText('1.20 MB')).toBeVisible();
  await expect(outputs.getByText('latest')).toBeVisible();
  await expect(page.getByText('This run used no artifacts as inputs.')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `/tmp/shots/artifacts-logged-${scheme}.png`, fullPage: true });
  }

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/${name}/mnist/runs/train/artifacts`);
  const inputs = page.getByRole('table', { name: 'Artifacts used by this run' });
  await expect(inputs.getByText('digits:v0')).toBeVisible();
  await expect(inputs.getByText('dataset')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/artifacts-used-light.png', fullPage: true });
});
