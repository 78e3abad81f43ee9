import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signInWithPassword, signUpVerified } from './support/accounts';

const shots = '/tmp/shots';
// The e2e server's data folder outlives a run: a fresh name per run.
const owner = `tess${Date.now() % 1_000_000}`;

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${shots}/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A finished run logged through the ingest API, the way the SDK does it. */
async function logRun(
  request: APIRequestContext,
  headers: Record<string, string>,
  run: { id: string; name: string; lr: number; optimizer: string; tags: string[]; acc: number },
) {
  const base = `/api/v1/runs/${owner}/cifar/${run.id}`;
  const created = await request.post(base, {
    headers,
    data: {
      displayName: run.name,
      tags: run.tags,
      config: { lr: run.lr, optimizer: { name: run.optimizer } },
    },
  });
  expect(created.ok()).toBe(true);
  const rows = Array.from({ length: 20 }, (_, step) => ({
    step,
    values: { acc: (run.acc * (step + 1)) / 20, loss: 1 / (step + 1) },
  }));
  const stream = await request.post(`${base}/stream`, {
    headers,
    data: { history: { offset: 0, rows }, finish: { exitCode: 0 } },
  });
  expect(stream.ok()).toBe(true);
}

const rowsOf = (page: Page) =>
  page.getByRole('table', { name: 'Runs of cifar' }).locator('tbody tr');

test('the runs table filters, sorts, picks columns, survives reload and tags selected runs', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const user = await signUpVerified(request, owner);
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const headers = { authorization: `Bearer ${(await key.json()).data.createApiKey.secret}` };
  const runs = [
    { id: 'alpha', name: 'alpha', lr: 0.1, optimizer: 'adam', tags: ['base'], acc: 10 },
    { id: 'bravo', name: 'bravo', lr: 0.01, optimizer: 'sgd', tags: ['base'], acc: 2 },
    { id: 'charlie', name: 'charlie', lr: 0.001, optimizer: 'adam', tags: [], acc: 9.5 },
    { id: 'delta', name: 'delta', lr: 0.05, optimizer: 'sgd', tags: ['final'], acc: 7 },
  ];
  for (const run of runs) await logRun(request, headers, run);

  // The entity page lists the project with its run count.
  await page.goto(`/${owner}`);
  const projects = page.getByRole('list', { name: 'Projects' });
  await expect(projects.getByText('4 runs')).toBeVisible();
  await shoot(page, 'entity');

  await projects.getByRole('link', { name: 'cifar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'cifar' })).toBeVisible();
  await expect(rowsOf(page)).toHaveCount(4);
  // The chart workspace of the shown runs sits under the table.
  await expect(page.getByRole('region', { name: 'Charts' }).first()).toBeAttached();
  await shoot(page, 'project');

  // Sort by summary acc, ascending then descending: numeric order (2 < 7 < 9.5 < 10).
  const accHeader = page.getByRole('columnheader', { name: /summary\.acc/ });
  await page.getByRole('button', { name: 'Sort by summary.acc' }).click();
  await expect(accHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(rowsOf(page).first()).toContainText('bravo');
  await expect(rowsOf(page).last()).toContainText('alpha');
  await page.getByRole('button', { name: 'Sort by summary.acc' }).click();
  await expect(accHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rowsOf(page).first()).toContainText('alpha');

  // Search.
  await page.getByRole('searchbox', { name: 'Search runs' }).fill('char');
  await expect(rowsOf(page)).toHaveCount(1);
  await expect(rowsOf(page).first()).toContainText('charlie');
  await page.getByRole('searchbox', { name: 'Search runs' }).fill('');
  await expect(rowsOf(page)).toHaveCount(4);

  // Filter: config.lr ≥ 0.05 keeps alpha and delta.
  await page.getByRole('button', { name: 'Filters' }).click();
  const filters = page.getByRole('dialog', { name: 'Filters' });
  await filters.getByLabel('Filter 1 column').selectOption('config.lr');
  await filters.getByLabel('Filter 1 operator').selectOption('gte');
  await filters.getByLabel('Filter 1 value').fill('0.05');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rowsOf(page)).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(
    'config.lr ≥ 0.05',
  );

  // Pick a column: the nested optimizer name.
  await page.getByRole('button', { name: 'Columns' }).click();
  const picker = page.getByRole('dialog', { name: 'Columns' });
  await picker.getByRole('searchbox', { name: 'Search columns' }).fill('optim');
  // The table's state lives in the URL (history.replaceState): the box ticks once Next's
  // search params catch up, a moment after the click, so wait for it rather than check().
  const optimizer = picker.getByLabel('config.optimizer.name');
  await optimizer.click();
  await expect(optimizer).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: /optimizer\.name/ })).toBeVisible();
  await expect(rowsOf(page).filter({ hasText: 'delta' })).toContainText('sgd');

  // Everything lives in the URL: a reload shows the same table.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(
    'config.lr ≥ 0.05',
  );
  await expect(page.getByRole('columnheader', { name: /optimizer\.name/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /summary\.acc/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(rowsOf(page)).toHaveCount(2);

  // Select both runs and tag them.
  await page.getByRole('checkbox', { name: 'Select alpha' }).check();
  await page.getByRole('checkbox', { name: 'Select delta' }).check();
  const bar = page.getByRole('region', { name: 'Selected runs' });
  await expect(bar).toContainText('2 runs selected');
  await expect(bar.getByRole('button', { name: 'Delete' })).toBeVisible();
  await shoot(page, 'project-selected');
  await bar.getByRole('button', { name: 'Tag selected runs' }).click();
  await page
    .getByRole('dialog', { name: 'Tag selected runs' })
    .getByLabel('Add tags')
    .fill('e2e-best');
  await page.getByRole('button', { name: 'Apply tags' }).click();
  await expect(page.getByText('Tags changed on 2 runs')).toBeVisible();
  await expect(rowsOf(page).filter({ hasText: 'e2e-best' })).toHaveCount(2);

  // Hide a run from the charts with its eye toggle.
  const eye = page.getByRole('button', { name: 'Show alpha in charts' });
  await expect(eye).toHaveAttribute('aria-pressed', 'true');
  await eye.click();
  await expect(eye).toHaveAttribute('aria-pressed', 'false');

  // Group by optimizer with the mean accuracy.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Group runs' }).click();
  const grouping = page.getByRole('dialog', { name: 'Group runs' });
  await grouping.getByLabel('Group by').selectOption('config.optimizer.name');
  await grouping.getByLabel('Aggregate (min, max, mean)').selectOption('summary.acc');
  await page.keyboard.press('Escape');
  const groups = page.getByRole('table', { name: 'Runs grouped by config.optimizer.name' });
  await expect(groups.getByRole('row', { name: /adam/ })).toContainText('9.75');
  await groups.getByRole('button', { name: 'sgd' }).click();
  await expect(page.getByRole('table', { name: 'Runs in sgd' }).locator('tbody tr')).toHaveCount(2);
  await shoot(page, 'project-grouped');

  // Project settings, and a new empty project from the entity page.
  await page.goto(`/${owner}/cifar/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Project settings' })).toBeVisible();
  await page.getByLabel('Description').fill('CIFAR-10 sweeps');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await shoot(page, 'project-settings');

  await page.goto(`/${owner}`);
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name').fill('empty-one');
  await shoot(page, 'create-project');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'empty-one' })).toBeVisible();
  await expect(page.getByText('Log your first run')).toBeVisible();
  await shoot(page, 'project-empty');
});
