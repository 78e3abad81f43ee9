import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

async function shoot(page: import('@playwright/test').Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `/tmp/shots/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('artifact pages: list, versions, preview, aliases and the zip download', async ({
  page,
  request,
}) => {
  const name = `artp${Date.now().toString(36)}`;
  const user = await signUpVerified(request, name);
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const headers = { authorization: `Bearer ${(await key.json()).data.createApiKey.secret}` };
  for (const run of ['prep', 'prep2', 'train']) {
    const made = await request.post(`/api/v1/runs/${name}/mnist/${run}`, { headers, data: {} });
    expect(made.ok()).toBe(true);
  }

  await page.goto(`/${name}/mnist/artifacts`);
  await expect(page.getByText('No artifacts yet')).toBeVisible();
  await expect(page.getByText("run.logArtifact({ name: 'mnist'")).toBeVisible();
  await shoot(page, 'artifact-list-empty');

  // Two versions: v0 from prep, v1 (labels changed) from prep2; train uses v0.
  const base = `/api/v1/artifacts/${name}/mnist`;
  const train = Buffer.alloc(300_000, 3);
  const config = Buffer.from('{"classes":10,"split":{"train":0.8,"val":0.2}}');
  const labelsV0 = Buffer.from('0,1,2\n');
  const labelsV1 = Buffer.from('0,1,2,3\n');
  for (const data of [train, config, labelsV0, labelsV1])
    await upload(request, headers, base, data);
  const file = (p: string, data: Buffer) => ({ path: p, sha256: sha(data), size: data.length });
  for (const [run, labels] of [
    ['prep', labelsV0],
    ['prep2', labelsV1],
  ] as const) {
    const logged = await request.post(`${base}/digits/versions`, {
      headers,
      data: {
        run,
        type: 'dataset',
        description: 'Handwritten digits, 28×28',
        metadata: { rows: 60000, source: 'mnist' },
        files: [
          file('data/train.bin', train),
          file('config.json', config),
          file('labels.csv', labels),
        ],
      },
    });
    expect(logged.ok()).toBe(true);
  }
  const used = await request.post(`${base}/digits/use`, {
    headers,
    data: { version: 'v0', run: 'train' },
  });
  expect(used.ok()).toBe(true);

  // The project page links to the list; the list groups by type and filters.
  await page.goto(`/${name}/mnist`);
  await page.getByRole('link', { name: 'Artifacts', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${name}/mnist/artifacts$`));
  const datasets = page.getByRole('table', { name: 'Artifacts of type dataset' });
  await expect(datasets.getByRole('link', { name: 'digits' })).toBeVisible();
  await expect(datasets.getByRole('cell', { name: 'v1', exact: true })).toBeVisible();
  await shoot(page, 'artifact-list');
  const search = page.getByRole('searchbox', { name: 'Search artifacts' });
  await search.fill('nothing-like-this');
  await expect(page.getByText('No artifact matches')).toBeVisible();
  await search.fill('digi');
  await datasets.getByRole('link', { name: 'digits' }).click();

  // Latest is v1; lineage names prep2 as the producer.
  await expect(page).toHaveURL(new RegExp(`/artifacts/digits$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('digits:v1');
  await expect(page.getByText('"source": "mnist"')).toBeVisible();
  const versions = page.getByRole('table', { name: 'Versions of digits' });
  await expect(versions.getByRole('row')).toHaveCount(3);

  // Switch to v0: its lineage shows who made and who used it.
  await versions.getByRole('link', { name: 'v0' }).click();
  await expect(page).toHaveURL(new RegExp(`/artifacts/digits/v0$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('digits:v0');
  await expect(page.getByRole('list', { name: 'Runs that used this version' })).toContainText(
    'train',
  );

  // Preview a file from the tree.
  const tree = page.getByRole('tree', { name: 'Files of digits:v0' });
  await tree.getByRole('treeitem', { name: /config\.json/ }).click();
  await expect(page.locator('pre[data-preview="json"]')).toContainText('"classes": 10');
  await tree.getByRole('treeitem', { name: /labels\.csv/ }).click();
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('0,1,2');

  // Add an alias to v0.
  await page.getByRole('textbox', { name: 'New alias' }).fill('golden');
  await page.getByRole('button', { name: 'Add alias' }).click();
  await expect(page.getByRole('list', { name: 'Aliases of v0' })).toContainText('golden');
  await expect(versions.getByRole('row', { name: /v0/ })).toContainText('golden');
  await shoot(page, 'artifact-version');

  // The whole version as a zip.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download zip' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('digits-v0.zip');
  const zip = path.join(mkdtempSync(path.join(os.tmpdir(), 'artifact-zip-')), 'digits-v0.zip');
  await download.saveAs(zip);
  const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
  expect(listing.sort()).toEqual(['config.json', 'data/train.bin', 'labels.csv']);

  // The run's Artifacts tab filters its tables.
  await page.goto(`/${name}/mnist/runs/train/artifacts`);
  const inputs = page.getByRole('table', { name: 'Artifacts used by this run' });
  await expect(inputs.getByText('digits:v0')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter artifacts' }).fill('model');
  await expect(page.getByText('No artifact used by this run matches.')).toBeVisible();
});
