import { expect, test } from '@playwright/test';
import { init } from '../../sdk/src/index';
import { signInWithPassword, signUpVerified } from './support/accounts';
import { createTeam, gql, joinTeam, signedInPage } from './support/teams';

// Issue #8: "Mark as failed" and "Stop" work for the run's owner and are absent for a
// view-only member of the team.

test('the owner stops and marks runs failed from the run page; a view-only member gets neither button', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36).slice(-5);
  const team = `ops-${suffix}`;
  const owner = await signUpVerified(request, `olga${suffix}`);
  const viewer = await signUpVerified(request, `vlad${suffix}`);

  await signInWithPassword(page, owner.username, owner.password);
  await createTeam(page, team, `Ops ${suffix}`);
  const viewerPage = await signedInPage(browser, viewer);
  await joinTeam(page, team, viewerPage, viewer.email, 'VIEW_ONLY');

  const key = await gql(page.request, 'mutation { createApiKey(name: "e2e") { secret } }');
  const sdkOptions = {
    apiKey: (key.createApiKey as { secret: string }).secret,
    baseUrl: baseURL,
    entity: team,
    project: 'train',
    captureConsole: false,
    finishOnExit: false,
    flushIntervalMs: 100,
    systemMetricsIntervalMs: 0,
  };
  const stuck = await init({ ...sdkOptions, id: 'stuck', name: 'Stuck run' });
  const busy = await init({ ...sdkOptions, id: 'busy', name: 'Busy run' });
  stuck.log({ loss: 1 });
  busy.log({ loss: 1 });

  // The view-only member sees the run, but neither action.
  await viewerPage.goto(`/${team}/train/runs/stuck`);
  await expect(viewerPage.getByRole('heading', { level: 1, name: 'Stuck run' })).toBeVisible();
  await expect(viewerPage.getByRole('button', { name: 'Stop run' })).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: 'Mark as failed' })).toHaveCount(0);

  // The owner marks one failed…
  await page.goto(`/${team}/train/runs/stuck`);
  await page.getByRole('button', { name: 'Mark as failed' }).click();
  const failDialog = page.getByRole('dialog', { name: 'Mark this run as failed?' });
  await failDialog.getByRole('button', { name: 'Mark as failed' }).click();
  await expect(failDialog).toBeHidden();
  await expect(page.getByText('Failed', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as failed' })).toHaveCount(0);

  // …and stops the other, which the SDK hears in its next stream response.
  await page.goto(`/${team}/train/runs/busy`);
  await page.getByRole('button', { name: 'Stop run' }).click();
  const stopDialog = page.getByRole('dialog', { name: 'Stop this run?' });
  await stopDialog.getByRole('button', { name: 'Stop run' }).click();
  await expect(stopDialog).toBeHidden();
  await expect(page.getByText('Killed', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop run' })).toHaveCount(0);
  busy.log({ loss: 0.5 });
  await expect.poll(() => busy.stopRequested, { timeout: 10_000 }).toBe(true);

  const states = await gql(
    viewerPage.request,
    `query ($team: String!) { a: run(entity: $team, project: "train", id: "stuck") { state } b: run(entity: $team, project: "train", id: "busy") { state } }`,
    { team },
  );
  expect(states).toEqual({ a: { state: 'FAILED' }, b: { state: 'KILLED' } });
  await Promise.all([stuck.finish(1), busy.finish(143)]);
  await viewerPage.context().close();
});
