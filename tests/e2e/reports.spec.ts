import { expect, test, type Browser, type Page } from '@playwright/test';
import { init } from '../../sdk/src/index';
import { signInWithPassword, signUpVerified } from './support/accounts';
import { screenshots } from './support/screenshots';
import { createTeam, gql, joinTeam } from './support/teams';

/** A person signed in in a browser context of their own. */
async function person(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = await signUpVerified(context.request, username);
  await signInWithPassword(page, account.username, account.password);
  return { page, account, context };
}

test('a member writes a report with markdown and a chart; a view-only member reads, follows and comments', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The e2e data folder outlives a run when started by hand: fresh names each time.
  const suffix = (Date.now() % 1_000_000).toString(36);
  const team = `rlab${suffix}`;
  const admin = await person(browser, `radmin${suffix}`);
  const member = await person(browser, `rmember${suffix}`);
  const viewer = await person(browser, `rviewer${suffix}`);
  await createTeam(admin.page, team, `Report Org ${suffix}`);
  await joinTeam(admin.page, team, member.page, member.account.email, 'MEMBER');
  await joinTeam(admin.page, team, viewer.page, viewer.account.email, 'VIEW_ONLY');

  // The member logs two runs with a loss curve through the SDK.
  const key = (await gql(
    member.page.request,
    'mutation { createApiKey(name: "e2e") { secret } }',
  )) as {
    createApiKey: { secret: string };
  };
  for (const [id, name, rate] of [
    ['warmup', 'With warm-up', 0.08],
    ['baseline', 'Baseline', 0.03],
  ] as const) {
    const run = await init({
      apiKey: key.createApiKey.secret,
      baseUrl: baseURL,
      entity: team,
      project: 'vision',
      id,
      name,
      captureConsole: false,
      finishOnExit: false,
      flushIntervalMs: 100,
      systemMetricsIntervalMs: 0,
    });
    for (let step = 0; step < 60; step++) run.log({ loss: 2 * Math.exp(-rate * step) + 0.1 });
    await run.finish();
  }

  // The project page links to its reports; none yet, with an explanation and the button.
  const { page } = member;
  await page.goto(`/${team}/vision`);
  await page.getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${team}/vision/reports$`));
  await expect(page.getByText('No reports yet')).toBeVisible();
  await screenshots(page, 'reports-list-empty', { settleMs: 300 });
  await page.getByRole('link', { name: 'Create report' }).click();

  // Write it: a title, markdown (previewed) and a chart of both runs' loss.
  await page.getByLabel('Title', { exact: true }).fill('Warm-up stabilises training');
  await page.getByLabel('Description').fill('Loss with and without a learning-rate warm-up');
  await page
    .getByLabel('Text', { exact: true })
    .fill(
      '## Findings\n\nWarm-up makes the loss fall **faster** and more smoothly.\n\n- 60 steps each\n- same seed\n\n<script>window.hacked = true</script>',
    );
  await page.getByRole('tab', { name: 'preview' }).click();
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
  await page.getByRole('tab', { name: 'write' }).click();
  const runsList = page.getByRole('list', { name: 'Runs to chart' });
  await runsList.getByLabel(/With warm-up/).check();
  await runsList.getByLabel(/Baseline/).check();
  const metric = page.getByLabel('Metric');
  await expect(metric.locator('option', { hasText: 'loss' })).toHaveCount(1);
  await metric.selectOption('loss');
  await page.getByLabel('Chart title').fill('Training loss');
  await page.getByRole('button', { name: 'Add chart' }).click();
  const chart = page.getByRole('listitem', { name: 'Training loss', exact: true });
  await expect(chart.locator('.scatterlayer .trace path.js-line')).toHaveCount(2, {
    timeout: 20_000,
  });
  await screenshots(page, 'reports-editor', { settleMs: 300 });
  await page.getByRole('button', { name: 'Create report' }).click();

  // The report page: rendered markdown (no script), the chart, the author.
  // Saving leaves /reports/new for the report's own URL.
  await expect(page).toHaveURL(new RegExp(`/${team}/vision/reports/(?!new$)[a-z0-9]+$`));
  const reportUrl = page.url();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Warm-up stabilises training' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
  await expect(page.locator('article strong', { hasText: 'faster' })).toBeVisible();
  expect(await page.evaluate(() => (window as { hacked?: boolean }).hacked)).toBeUndefined();
  await expect(page.getByText(`By ${member.account.username}`)).toBeVisible();
  const shown = page.getByRole('listitem', { name: 'Training loss', exact: true });
  await expect(shown.locator('.scatterlayer .trace path.js-line')).toHaveCount(2, {
    timeout: 20_000,
  });
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();

  // The view-only member reads it: no editing, no "Create report", but follow and comment.
  const reader = viewer.page;
  await reader.goto(`/${team}/vision/reports`);
  await expect(reader.getByRole('link', { name: 'Warm-up stabilises training' })).toBeVisible();
  await expect(reader.getByRole('link', { name: 'Create report' })).toHaveCount(0);
  await reader.getByRole('link', { name: 'Warm-up stabilises training' }).click();
  await expect(reader).toHaveURL(reportUrl);
  await expect(reader.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(reader.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await reader.getByRole('button', { name: /Follow/ }).click();
  await expect(reader.getByRole('button', { name: /Unfollow/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await reader.getByLabel('Add a comment').fill('Does this hold with a larger batch size?');
  await reader.getByRole('button', { name: 'Comment', exact: true }).click();
  const comments = reader.getByRole('list', { name: 'Comments' });
  await expect(comments.getByText('Does this hold with a larger batch size?')).toBeVisible();
  await expect(comments.getByText(viewer.account.username)).toBeVisible();
  await expect(reader.getByLabel('Add a comment')).toHaveValue('');
  await expect(
    reader
      .getByRole('listitem', { name: 'Training loss', exact: true })
      .locator('.scatterlayer .trace path.js-line'),
  ).toHaveCount(2, { timeout: 20_000 });
  await screenshots(reader, 'reports-view', { settleMs: 300 });

  // A team admin showcases it on the team profile, where the view-only member finds it.
  await admin.page.goto(`/${team}`);
  await admin.page.getByRole('button', { name: 'Choose reports' }).click();
  const picker = admin.page.getByRole('dialog');
  await picker.getByLabel(/Warm-up stabilises training/).check();
  await picker.getByRole('button', { name: 'Save showcase' }).click();
  const showcased = (p: Page) =>
    p
      .getByRole('list', { name: 'Showcased reports' })
      .getByRole('link', { name: 'Warm-up stabilises training' });
  await expect(showcased(admin.page)).toBeVisible();
  await reader.goto(`/${team}`);
  await expect(showcased(reader)).toBeVisible();
  await screenshots(reader, 'reports-team-showcase', { settleMs: 300 });

  // The author sees the comment; then deletes the report through the confirmation dialog.
  await page.reload();
  await expect(page.getByText('Does this hold with a larger batch size?')).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Delete “Warm-up stabilises training”?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete report' }).click();
  await expect(page).toHaveURL(new RegExp(`/${team}/vision/reports$`));
  await expect(page.getByText('No reports yet')).toBeVisible();

  for (const who of [admin, member, viewer]) await who.context.close();
});
