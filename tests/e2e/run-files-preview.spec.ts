import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { init } from '../../sdk/src/index';
import { signInWithPassword, signUpVerified } from './support/accounts';

const shotDir = process.env.E2E_SHOT_DIR ?? '/tmp/shots';

test('the Files tab previews text, JSON, images and diffs; the run moves and is deleted', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // Unique per run: the e2e data dir may outlive one run.
  const name = `pia${Date.now().toString(36)}`;
  const user = await signUpVerified(request, name);
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const apiKey = (await key.json()).data.createApiKey.secret as string;

  // A real PNG: Chromium draws one.
  await page.setContent(
    '<div id="plot" style="width:240px;height:140px;background:linear-gradient(90deg,#6366f1,#f59e0b)"></div>',
  );
  const png = await page.locator('#plot').screenshot();

  const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-preview-'));
  const files: Record<string, string | Buffer> = {
    'notes.txt': 'epoch 1: loss 0.52\nepoch 2: loss 0.31 <b>not bold</b>\n',
    'results/metrics.json': '{"accuracy":0.91,"per_class":{"cat":0.88,"dog":0.94}}',
    'plots/loss.png': png,
    // Drawn as an image, its script never runs (an <img>, and the route's sandbox CSP).
    'plots/logo.svg':
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>window.parent.pwned = 1</script><circle cx="32" cy="32" r="28" fill="#10b981"/></svg>',
    'diff.patch': [
      'diff --git a/train.py b/train.py',
      '--- a/train.py',
      '+++ b/train.py',
      '@@ -1,3 +1,3 @@',
      ' import torch',
      '-lr = 0.01',
      '+lr = 0.1',
      ' epochs = 3',
    ].join('\n'),
  };
  for (const [file, content] of Object.entries(files)) {
    const local = path.join(dir, file);
    await mkdir(path.dirname(local), { recursive: true });
    await writeFile(local, content);
  }

  // The real SDK saves the files, as a training script would.
  const run = await init({
    apiKey,
    baseUrl: baseURL,
    project: 'vision',
    id: 'files-1',
    name: 'Files run',
    captureConsole: false,
    finishOnExit: false,
    flushIntervalMs: 100,
  });
  for (const file of Object.keys(files)) {
    run.save(path.join(dir, file), { policy: 'now', basePath: dir });
  }
  expect(await run.finish(0)).toBe(true);
  // A second project of the same entity to move the run to.
  const other = await request.post(`/api/v1/runs/${name}/archive/placeholder`, {
    headers: { authorization: `Bearer ${apiKey}` },
    data: { displayName: 'placeholder' },
  });
  expect(other.ok()).toBe(true);

  const base = `/${name}/vision/runs/files-1`;
  await page.goto(`${base}/files`);
  const tree = page.getByRole('tree', { name: 'Run files' });
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(page.getByRole('heading', { name: 'Files (5)' })).toBeVisible();
  // Folders come from the paths, with the sizes of what they hold.
  await expect(tree.getByRole('treeitem', { name: /^plots/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  // Diff: added and removed lines coloured.
  await tree.getByRole('treeitem', { name: /diff\.patch/ }).click();
  await expect(preview.locator('[data-diff="add"]')).toHaveText('+lr = 0.1');
  await expect(preview.locator('[data-diff="remove"]')).toHaveText('-lr = 0.01');
  await expect(preview.locator('[data-diff="add"]')).toHaveCSS('background-color', /rgb|oklch|lab/);

  // Text: as text, markup and all.
  await tree.getByRole('treeitem', { name: /notes\.txt/ }).click();
  await expect(preview.getByText('epoch 2: loss 0.31 <b>not bold</b>')).toBeVisible();

  // JSON: pretty-printed.
  await tree.getByRole('treeitem', { name: /metrics\.json/ }).click();
  await expect(preview.locator('[data-preview="json"]')).toContainText('"accuracy": 0.91');
  await expect(preview.locator('[data-preview="json"]')).toContainText('\n    "cat": 0.88');

  // Image: drawn from the download URL.
  await tree.getByRole('treeitem', { name: /loss\.png/ }).click();
  const image = preview.getByRole('img', { name: 'plots/loss.png' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  // The selection is in the URL, so a reload (or a shared link) shows the same preview.
  await expect(page).toHaveURL(/[?&]path=plots%2Floss\.png$/);
  await page.reload();
  await expect(image).toBeVisible();

  await tree.getByRole('treeitem', { name: /logo\.svg/ }).click();
  const svg = preview.getByRole('img', { name: 'plots/logo.svg' });
  await expect.poll(() => svg.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  // Opened directly, the SVG is a download (attachment) under a sandbox, never a page of ours.
  const direct = await page.request.get(
    (await preview.getByRole('link', { name: 'Download' }).getAttribute('href'))!,
  );
  expect(direct.headers()['content-type']).toBe('image/svg+xml');
  expect(direct.headers()['content-security-policy']).toContain('sandbox');

  await tree.getByRole('treeitem', { name: /loss\.png/ }).click();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${shotDir}/run-files-preview-${scheme}.png`, fullPage: true });
  }
  await tree.getByRole('treeitem', { name: /diff\.patch/ }).click();
  await page.screenshot({ path: `${shotDir}/run-files-diff-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // The download link serves the file.
  const href = await preview.getByRole('link', { name: 'Download' }).getAttribute('href');
  const download = await page.request.get(href!);
  expect(await download.text()).toBe(files['diff.patch']);

  // Every file in the tree has its own download link.
  const jsonHref = await tree
    .getByRole('link', { name: 'Download results/metrics.json' })
    .getAttribute('href');
  expect(await (await page.request.get(jsonHref!)).text()).toBe(files['results/metrics.json']);

  // Collapsing a folder hides what it holds.
  await tree.getByRole('treeitem', { name: /^plots/ }).click();
  await expect(tree.getByRole('treeitem', { name: /loss\.png/ })).toBeHidden();

  // Move to another project of the same entity: the run is found there, files and all.
  await page.getByRole('button', { name: 'Move to project…' }).click();
  const moveDialog = page.getByRole('dialog', { name: 'Move run to another project' });
  await moveDialog.getByLabel('Destination project').selectOption('archive');
  await page.screenshot({ path: `${shotDir}/run-move-dialog.png` });
  await moveDialog.getByRole('button', { name: 'Move run' }).click();
  await expect(page).toHaveURL(new RegExp(`/${name}/archive/runs/files-1$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Files run' })).toBeVisible();
  await page.goto(`/${name}/archive/runs/files-1/files`);
  await expect(page.getByRole('heading', { name: 'Files (5)' })).toBeVisible();
  expect((await page.goto(`${base}/files`))?.status()).toBe(404);

  // Delete: after confirming, back on the project page, and the run is gone.
  await page.goto(`/${name}/archive/runs/files-1`);
  await page.getByRole('button', { name: 'Delete run' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete this run?' });
  await deleteDialog.getByRole('button', { name: 'Delete run' }).click();
  await expect(page).toHaveURL(new RegExp(`/${name}/archive$`));
  expect((await page.goto(`/${name}/archive/runs/files-1`))?.status()).toBe(404);
  await page.goto(`/${name}/archive`);
  await expect(page.getByText('Files run')).toHaveCount(0);
  await expect(page.getByText('placeholder').first()).toBeVisible();
});
