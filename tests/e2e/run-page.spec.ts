import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { init } from '../../sdk/src/index';
import { signInWithPassword, signUpVerified } from './support/accounts';

const shotDir = process.env.E2E_SHOT_DIR;

/** Light and dark screenshots of the page as it is, for people to look at. */
async function screenshots(page: Page, name: string, outputPath: (file: string) => string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    const file = `run-${name}-${scheme}.png`;
    await page.screenshot({
      path: shotDir ? `${shotDir}/${file}` : outputPath(file),
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a run logged with the SDK has seven tabs, editable name and notes, and coloured, downloadable logs', async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const user = await signUpVerified(request, 'rhea');
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const apiKey = (await key.json()).data.createApiKey.secret as string;

  // The real SDK, over real HTTP, as a training script would use it.
  const run = await init({
    apiKey,
    baseUrl: baseURL,
    project: 'vision',
    id: 'resnet-1',
    name: 'ResNet baseline',
    tags: ['baseline'],
    config: { lr: 0.001, optimizer: { name: 'adam', betas: [0.9, 0.999] }, epochs: 3 },
    captureConsole: false,
    finishOnExit: false,
    flushIntervalMs: 100,
    // A few system samples for the System tab.
    systemMetricsIntervalMs: 250,
  });
  for (let step = 0; step < 200; step++) run.log({ 'train/loss': 2 / (step + 1), acc: step / 200 });
  const consoleLines = [
    '\u001b[1;32mEpoch 1/3\u001b[0m starting',
    '\u001b[31mwarning: learning rate is high\u001b[0m',
    'plain line with <b>markup</b> that must stay text',
    ...Array.from({ length: 40 }, (_, i) => `batch ${i} loss=${(1 / (i + 1)).toFixed(4)}`),
  ];
  consoleLines.forEach((text, lineNo) =>
    run.recordConsoleLine({ lineNo, text, stream: lineNo === 1 ? 'stderr' : 'stdout' }),
  );
  expect(
    await run.setModelSummary([
      { name: 'conv1', type: 'Conv2d', parameterCount: 9408, outputShape: [null, 64, 112, 112] },
      { name: 'layer1', type: 'Sequential', parameterCount: 215_808, trainable: false },
      { name: 'fc', type: 'Linear', parameterCount: 513_000, outputShape: '(None, 1000)' },
    ]),
  ).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await run.finish(0)).toBe(true);

  const base = '/rhea/vision/runs/resnet-1';

  // Overview
  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1, name: 'ResNet baseline' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Run' });
  await expect(tabs.getByRole('link', { name: 'Overview' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText('Finished').first()).toBeVisible();
  // Nested config keys are flattened, and the table searches.
  await expect(page.getByRole('cell', { name: 'optimizer.name' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search config' }).fill('beta');
  await expect(page.getByRole('cell', { name: 'optimizer.betas' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'epochs' })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search config' }).fill('');
  await expect(page.getByRole('cell', { name: 'train/loss' })).toBeVisible();
  // The owner sees where it ran.
  await expect(page.getByText(/^node v\d+/)).toBeVisible();
  await screenshots(page, 'overview', testInfo.outputPath.bind(testInfo));

  // Rename in place
  await page.getByRole('button', { name: 'Rename run' }).click();
  await page.getByRole('textbox', { name: 'Run name' }).fill('ResNet-50 baseline');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ResNet-50 baseline' })).toBeVisible();

  // Notes in markdown
  await page.getByRole('button', { name: 'Edit notes' }).click();
  await page.getByRole('textbox', { name: 'Notes' }).fill('## Findings\n\nWarm-up **helps**.');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
  await expect(page.locator('strong', { hasText: 'helps' })).toBeVisible();

  // Tags
  await page.getByRole('textbox', { name: 'New tag' }).fill('resnet');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Tags' }).getByText('resnet')).toBeVisible();
  await page.getByRole('button', { name: 'Remove tag baseline' }).click();
  await expect(page.getByRole('list', { name: 'Tags' }).getByText('baseline')).toHaveCount(0);

  // Everything edited survives a reload (it was saved, not just shown).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'ResNet-50 baseline' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tags' })).toHaveText('resnet');

  // Logs: ANSI colours as styled text, stderr marked, markup kept as text, search.
  await page.goto(`${base}/logs`);
  const logLines = page.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
  await expect(logLines).toHaveCount(consoleLines.length);
  const epoch = page.getByText('Epoch 1/3', { exact: true });
  await expect(epoch).toHaveClass(/text-emerald-400/);
  await expect(epoch).toHaveClass(/font-bold/);
  await expect(logLines.nth(1)).toHaveAttribute('data-stream', 'stderr');
  await expect(page.getByText('plain line with <b>markup</b> that must stay text')).toBeVisible();
  await expect(page.locator('b', { hasText: 'markup' })).toHaveCount(0);
  await expect(page.getByText('\u001b')).toHaveCount(0);
  await screenshots(page, 'logs', testInfo.outputPath.bind(testInfo));
  await page.getByRole('searchbox', { name: 'Search logs' }).fill('LOSS=0.5');
  await expect(logLines).toHaveCount(1);
  await expect(page.locator('mark')).toHaveText('loss=0.5');
  await expect(page.getByText('1 of 43 lines')).toBeVisible();
  await screenshots(page, 'logs-search', testInfo.outputPath.bind(testInfo));

  // Download of the full log
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download full log' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('resnet-1.log');
  expect(await readFile(await download.path(), 'utf8')).toBe(`${consoleLines.join('\n')}\n`);

  // Every tab has its own URL and marks itself current.
  for (const [segment, label] of [
    ['charts', 'Charts'],
    ['system', 'System'],
    ['model', 'Model'],
    ['logs', 'Logs'],
    ['artifacts', 'Artifacts'],
    ['files', 'Files'],
  ] as const) {
    const response = await page.goto(`${base}/${segment}`);
    expect(response?.status(), segment).toBe(200);
    await expect(tabs.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    await expect(tabs.getByRole('link', { name: 'Overview' })).not.toHaveAttribute(
      'aria-current',
      'page',
    );
    if (segment === 'charts' || segment === 'system') {
      // Drawn by RunCharts (components/workspace): wait for the panels before the screenshots.
      await expect(page.getByRole('figure').first()).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
      await expect(page.getByLabel('Loading')).toHaveCount(0, { timeout: 15_000 });
    }
    if (segment === 'charts')
      await expect(page.getByRole('figure', { name: /train\/loss/ })).toBeVisible();
    if (segment === 'model') {
      await expect(page.getByRole('cell', { name: 'conv1' })).toBeVisible();
      await expect(page.getByRole('cell', { name: '[None, 64, 112, 112]' })).toBeVisible();
      await expect(page.getByTitle('738,216')).toBeVisible();
    }
    if (segment === 'artifacts')
      await expect(page.getByText('No artifacts logged by or used in this run')).toBeVisible();
    if (segment !== 'logs') await screenshots(page, segment, testInfo.outputPath.bind(testInfo));
  }

  // Someone signed out cannot see the private project's run, on any tab.
  await page.context().clearCookies();
  expect((await page.goto(base))?.status()).toBe(404);
  expect((await page.goto(`${base}/logs`))?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/runs/rhea/vision/resnet-1/logs`)).status()).toBe(404);
});

test('a running run counts its duration, follows new log lines, and can be stopped', async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const user = await signUpVerified(request, 'ravi');
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const apiKey = (await key.json()).data.createApiKey.secret as string;
  const run = await init({
    apiKey,
    baseUrl: baseURL,
    project: 'live',
    id: 'live-1',
    name: 'Live run',
    captureConsole: false,
    finishOnExit: false,
    flushIntervalMs: 100,
    systemMetricsIntervalMs: 0,
  });
  run.recordConsoleLine({ lineNo: 0, text: 'starting', stream: 'stdout' });
  run.log({ loss: 1 });
  await expect
    .poll(async () =>
      (
        await request.get('/api/v1/runs/ravi/live/live-1/logs', {
          headers: { authorization: `Bearer ${apiKey}` },
        })
      ).text(),
    )
    .toBe('starting\n');

  await page.goto('/ravi/live/runs/live-1/logs');
  await expect(page.getByRole('button', { name: 'Following' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // A line printed now shows up without a reload.
  run.recordConsoleLine({ lineNo: 1, text: '\u001b[33mstep 1 done\u001b[0m', stream: 'stdout' });
  await expect(page.getByText('step 1 done')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('step 1 done')).toHaveClass(/text-amber-300/);

  await page.goto('/ravi/live/runs/live-1');
  const duration = page.getByText(/and counting/).locator('..');
  const first = await duration.textContent();
  await expect.poll(() => duration.textContent(), { timeout: 5_000 }).not.toBe(first);

  // Stop asks first, then the run is killed and the SDK hears it.
  await page.getByRole('button', { name: 'Stop run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop this run?' });
  await expect(dialog).toBeVisible();
  await screenshots(page, 'stop-dialog', testInfo.outputPath.bind(testInfo));
  await dialog.getByRole('button', { name: 'Stop run' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Killed').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop run' })).toHaveCount(0);
  run.log({ loss: 0.5 });
  await expect.poll(() => run.stopRequested, { timeout: 10_000 }).toBe(true);
  await run.finish(143);

  // Made public, the run is readable by anyone, but where it ran stays with the team.
  const madePublic = await page.request.post('/api/graphql', {
    data: {
      query:
        'mutation { updateProject(entity: "ravi", project: "live", visibility: PUBLIC) { visibility } }',
    },
  });
  expect(await madePublic.json()).toEqual({ data: { updateProject: { visibility: 'PUBLIC' } } });
  await expect(page.getByText('Host', { exact: true })).toBeVisible();
  await page.context().clearCookies();
  expect((await page.goto('/ravi/live/runs/live-1'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Live run' })).toBeVisible();
  await expect(page.getByText(/visible to the project.s team only/)).toBeVisible();
  await expect(page.getByText('Host', { exact: true })).toHaveCount(0);
  await expect(page.getByText(/workerProcessEntry/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rename run' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit notes' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark as failed' })).toHaveCount(0);
  await screenshots(page, 'public-overview', testInfo.outputPath.bind(testInfo));
});
