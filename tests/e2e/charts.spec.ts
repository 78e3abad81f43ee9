import { expect, test, type Locator, type Page } from '@playwright/test';
import { init } from '../../sdk/src/index';
import { signInWithPassword, signUpVerified } from './support/accounts';

const shotDir = process.env.E2E_SHOT_DIR ?? '/tmp/shots';

async function screenshots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    // Plotly redraws with the theme's colours after the class changes.
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shotDir}/charts-${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The panel (a list item named by its title) and its plot's drawn line paths. */
function panel(page: Page, title: string): Locator {
  return page.getByRole('listitem', { name: title, exact: true });
}
const lines = (panelLocator: Locator) => panelLocator.locator('.scatterlayer .trace path.js-line');

/** The axis type Plotly actually drew (its full layout hangs on the plot element). */
function yAxisType(panelLocator: Locator) {
  return panelLocator
    .getByTestId('plot')
    .evaluate(
      (el) =>
        (el as unknown as { _fullLayout?: { yaxis: { type: string } } })._fullLayout?.yaxis.type,
    );
}

test('charts of a run logged with the SDK: lines drawn, a panel edited and saved, zoom re-reads, system metrics with units', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The e2e data folder outlives a run when started by hand: a fresh name each time.
  const user = await signUpVerified(request, `plotter${Date.now() % 1_000_000}`);
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const apiKey = (await key.json()).data.createApiKey.secret as string;

  const run = await init({
    apiKey,
    baseUrl: baseURL,
    project: 'curves',
    id: 'long-run',
    name: 'Long run',
    captureConsole: false,
    finishOnExit: false,
    flushIntervalMs: 100,
    systemMetricsIntervalMs: 150,
  });
  for (let step = 0; step < 5000; step++) {
    run.log({
      'train/loss': Math.exp(-step / 1000) + (step === 2500 ? 3 : 0) + 0.05 * Math.sin(step),
      'train/acc': 1 - Math.exp(-step / 1500),
      ...(step % 100 === 0 ? { 'val/loss': Math.exp(-step / 1100) } : {}),
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 800));
  expect(await run.finish(0, { timeoutMs: 30_000 })).toBe(true);
  // A second run to compare with on the project page.
  const second = await init({
    apiKey,
    baseUrl: baseURL,
    project: 'curves',
    id: 'short-run',
    name: 'Short run',
    captureConsole: false,
    finishOnExit: false,
    flushIntervalMs: 100,
    systemMetricsIntervalMs: 0,
  });
  for (let step = 0; step < 3000; step++) {
    second.log({
      'train/loss': 1.3 * Math.exp(-step / 700) + 0.08 * Math.cos(step / 3),
      'train/acc': 1 - Math.exp(-step / 900),
    });
  }
  expect(await second.finish(0, { timeoutMs: 30_000 })).toBe(true);

  await page.goto(`/${user.username}/curves/runs/long-run/charts`);
  await expect(page.getByRole('heading', { name: 'Charts', exact: true })).toBeVisible();
  // One panel per metric, in sections by prefix.
  await expect(page.getByRole('button', { name: /^train\s*2$/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(page.getByRole('button', { name: /^val\s*1$/ })).toBeVisible();
  const loss = panel(page, 'train/loss');
  await expect(lines(loss).first()).toBeVisible({ timeout: 30_000 });
  expect(await lines(loss).first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
  await expect(lines(panel(page, 'val/loss')).first()).toBeVisible();

  // Search by regular expression.
  await page.getByLabel('Search panels').fill('^val/');
  await expect(page.getByText('1 of 3 panels')).toBeVisible();
  await expect(loss).toBeHidden();
  await page.getByLabel('Search panels').fill('');

  // Zooming (a drag on the plot) asks the server again for the visible range only.
  const box = (await loss.locator('.nsewdrag').boundingBox())!;
  const reread = page.waitForRequest(
    (req) => req.url().endsWith('/api/graphql') && /"minX":\d/.test(req.postData() ?? ''),
  );
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const body = JSON.parse((await reread).postData()!) as {
    variables: { input: { minX: number; maxX: number } };
  };
  expect(body.variables.input.maxX - body.variables.input.minX).toBeLessThan(1000);

  // Edit the panel: log scale and smoothing; the layout is saved for this person.
  await page.getByRole('button', { name: 'Edit train/loss' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit train/loss' });
  await dialog.getByLabel('Log scale (y)').check();
  await dialog.getByLabel(/^Smoothing/).fill('0.6');
  await dialog.getByLabel('Title').fill('Training loss');
  await dialog.getByRole('button', { name: 'Save panel' }).click();
  await expect(dialog).toBeHidden();
  const edited = panel(page, 'Training loss');
  await expect(edited.getByText('log y')).toBeVisible();
  await expect.poll(() => yAxisType(edited)).toBe('log');
  await expect(page.getByText('Layout saved')).toBeVisible();

  await screenshots(page, 'run');

  await page.reload();
  const reloaded = panel(page, 'Training loss');
  await expect(reloaded.getByText('smoothing 0.60')).toBeVisible();
  await expect(lines(reloaded).first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => yAxisType(reloaded)).toBe('log');

  // The project page shows the same saved panels for all its runs, one colour per run.
  const seriesRequests: string[] = [];
  page.on('request', (req) => {
    const body = req.url().endsWith('/api/graphql') ? (req.postData() ?? '') : '';
    if (body.includes('chartSeries(')) seriesRequests.push(body);
  });
  await page.goto(`/${user.username}/curves`);
  const compared = panel(page, 'Training loss');
  await expect
    .poll(
      async () =>
        new Set(
          await lines(compared).evaluateAll((paths) =>
            paths.map((p) => getComputedStyle(p).stroke),
          ),
        ).size,
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThanOrEqual(2);
  // The panels asked for their lines together: one request, one aliased field per panel.
  await expect(lines(panel(page, 'val/loss')).first()).toBeVisible();
  expect(seriesRequests[0]!.match(/chartSeries\(/g)).toHaveLength(3);
  await screenshots(page, 'project');

  // System metrics, grouped, with units on the axes.
  await page.goto(`/${user.username}/curves/runs/long-run/system`);
  const cpu = panel(page, 'CPU utilization');
  await expect(lines(cpu).first()).toBeVisible({ timeout: 30_000 });
  await expect(cpu.locator('.ytitle')).toHaveText('CPU (%)');
  await expect(panel(page, 'System memory in use').locator('.ytitle')).toHaveText('Memory (%)');
  await screenshots(page, 'system');
});
