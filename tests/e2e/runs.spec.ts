import { expect, test } from '@playwright/test';
import { signInWithPassword, signUpVerified } from './support/accounts';

test('a run logged through the API shows up on the profile, the project page and the run page', async ({
  page,
  request,
}, testInfo) => {
  const user = await signUpVerified(request, 'rita');
  await signInWithPassword(page, user.username, user.password);
  const key = await page.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const secret = (await key.json()).data.createApiKey.secret as string;
  const headers = { authorization: `Bearer ${secret}` };
  const base = '/api/v1/runs/rita/mnist/baseline';
  expect(
    (
      await request.post(base, {
        headers,
        data: { displayName: 'Baseline', config: { lr: 0.001, batch: 64 }, tags: ['e2e'] },
      })
    ).ok(),
  ).toBe(true);
  const rows = Array.from({ length: 3000 }, (_, step) => ({
    step,
    values: { 'train/loss': Math.exp(-step / 800) + (step === 1500 ? 2 : 0), acc: step / 3000 },
  }));
  const stream = await request.post(`${base}/stream`, {
    headers,
    data: {
      history: { offset: 0, rows },
      console: [
        { lineNo: 0, text: 'epoch 1/3' },
        { lineNo: 1, text: 'warning: lr high', stream: 'stderr' },
      ],
      finish: { exitCode: 0 },
    },
  });
  expect(await stream.json()).toMatchObject({ historyOffset: 3000, state: 'FINISHED' });

  await page.goto('/rita');
  await page.getByRole('list', { name: 'Projects' }).getByRole('link', { name: 'mnist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'mnist' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Finished' })).toBeVisible();
  await page.getByRole('link', { name: 'Baseline' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Baseline' })).toBeVisible();
  await expect(page.getByText('0.001')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('run-overview.png'), fullPage: true });
  // Console output has its own tab (tests/e2e/run-page.spec.ts covers the run tabs).
  await page.getByRole('navigation', { name: 'Run' }).getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByText('warning: lr high')).toBeVisible();

  // Someone else cannot see the private project at all.
  await page.context().clearCookies();
  const response = await page.goto('/rita/mnist');
  expect(response?.status()).toBe(404);
});
