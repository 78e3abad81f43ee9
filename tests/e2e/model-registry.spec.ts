import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { init } from '../../sdk/src/index';
import { signInWithPassword, signUpVerified } from './support/accounts';
import { screenshots } from './support/screenshots';
import { createTeam, joinTeam, signedInPage } from './support/teams';

test('a model logged with the SDK is linked, aliased and protected; a member cannot move it', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36).slice(-5);
  const team = `mlops-${suffix}`;
  const admin = await signUpVerified(request, `rhi${suffix}`);
  const member = await signUpVerified(request, `max${suffix}`);

  // Rhi creates the team, Max joins it as a member.
  await signInWithPassword(page, admin.username, admin.password);
  await createTeam(page, team, `MLOps ${suffix}`);
  const maxPage = await signedInPage(browser, member);
  await joinTeam(page, team, maxPage, member.email, 'MEMBER');

  // Max trains and logs two versions of a model through the real SDK.
  const key = await maxPage.request.post('/api/graphql', {
    data: { query: 'mutation { createApiKey(name: "e2e") { secret } }' },
  });
  const run = await init({
    apiKey: (await key.json()).data.createApiKey.secret as string,
    baseUrl: baseURL,
    entity: team,
    project: 'detector',
    id: 'train-1',
    name: 'YOLO fine-tune',
    captureConsole: false,
    finishOnExit: false,
    systemMetricsIntervalMs: 0,
  });
  const work = await mkdtemp(path.join(os.tmpdir(), 'e2e-registry-'));
  const weights = path.join(work, 'weights.bin');
  for (const content of ['weights after epoch 1', 'weights after epoch 2']) {
    await writeFile(weights, content);
    expect(await run.logArtifact({ name: 'yolo', type: 'model', files: [weights] })).toBeTruthy();
  }
  expect(await run.finish(0)).toBe(true);

  // Rhi, a team admin, makes herself a registry admin on the members page.
  await page.goto(`/teams/${team}/settings`);
  const toggle = page.getByRole('switch', { name: `Registry admin: ${admin.username}` });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');

  // The team page leads to the (empty) registry.
  await page.goto(`/${team}`);
  await page.getByRole('link', { name: 'Model registry' }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team}/registry$`));
  await expect(page.getByText('No registered models yet')).toBeVisible();
  await expect(page.getByText('linkModelVersion(entity:')).toBeVisible();
  await screenshots(page, 'model-registry-empty');

  // Link yolo:v0 into a new registered model from the artifact page, then v1 into it.
  await page.goto(`/${team}/detector/artifacts/yolo/v0`);
  await page.getByRole('button', { name: 'Link to registry' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link yolo:v0 to the registry' });
  await expect(dialog.getByRole('radio', { name: 'A new registered model' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'New model name' }).fill('detector');
  await dialog.getByRole('button', { name: 'Link version' }).click();
  await expect(dialog.getByText('Linked as detector:v0.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByRole('list', { name: 'Registry links of v0' })).toContainText(
    'detector:v0',
  );
  await page.goto(`/${team}/detector/artifacts/yolo/v1`);
  await page.getByRole('button', { name: 'Link to registry' }).click();
  const second = page.getByRole('dialog', { name: 'Link yolo:v1 to the registry' });
  await expect(second.getByRole('combobox', { name: 'Registered model' })).toHaveValue('detector');
  await second.getByRole('button', { name: 'Link version' }).click();
  await second.getByRole('link', { name: 'Open detector' }).click();

  // The model page: versions point at their artifact versions and the run.
  await expect(page).toHaveURL(new RegExp(`/teams/${team}/registry/detector$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('detector');
  const versions = page.getByRole('table', { name: 'Versions of detector' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('link', { name: 'yolo:v0' })).toHaveAttribute(
    'href',
    `/${team}/detector/artifacts/yolo/v0`,
  );
  await expect(versions.getByRole('link', { name: 'train-1' }).first()).toBeVisible();

  // Describe it, add production on v0 and protect it.
  await page.getByRole('button', { name: 'Edit description' }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill('Finds boxes in street scenes.');
  await page.getByRole('button', { name: 'Save description' }).click();
  await expect(page.getByText('Finds boxes in street scenes.')).toBeVisible();
  const aliases = page.getByRole('list', { name: 'Aliases of detector' });
  await page.getByRole('textbox', { name: 'Alias' }).fill('production');
  await page.getByRole('combobox', { name: 'Version' }).selectOption('v0');
  await page.getByRole('button', { name: 'Add alias', exact: true }).click();
  await expect(aliases.getByRole('listitem', { name: 'production' })).toContainText('→ v0');
  await page.getByRole('button', { name: 'Protect production' }).click();
  await expect(aliases.getByRole('listitem', { name: 'production' })).toContainText('Protected');
  await expect(versions.getByRole('row', { name: /v0/ })).toContainText('production');
  await screenshots(page, 'model-registry-model-admin');

  // The list shows it with its aliases; search filters it.
  await page.goto(`/teams/${team}/registry`);
  const list = page.getByRole('table', { name: 'Registered models' });
  await expect(list.getByRole('link', { name: 'detector' })).toBeVisible();
  await expect(list).toContainText('production');
  await page.getByRole('searchbox', { name: 'Search registered models' }).fill('nothing-like');
  await expect(page.getByText('No registered model matches')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search registered models' }).fill('prod');
  await expect(list.getByRole('link', { name: 'detector' })).toBeVisible();
  // Registry admins are managed here too (registry admins need not be team admins).
  const registryAdmins = page.getByRole('list', { name: 'Registry admins' });
  await expect(
    registryAdmins.getByRole('switch', { name: `Registry admin: ${admin.username}` }),
  ).toHaveAttribute('aria-checked', 'true');
  await expect(
    registryAdmins.getByRole('switch', { name: `Registry admin: ${member.username}` }),
  ).toHaveAttribute('aria-checked', 'false');
  await screenshots(page, 'model-registry-list');

  // Max, a member, may not move production: the server refuses and says why.
  await maxPage.goto(`/teams/${team}/registry`);
  await expect(maxPage.getByRole('link', { name: 'detector' })).toBeVisible();
  await expect(maxPage.getByRole('list', { name: 'Registry admins' })).toHaveCount(0);
  await maxPage.goto(`/teams/${team}/registry/detector`);
  await expect(
    maxPage.getByRole('button', { name: 'Unprotect production (registry admins only)' }),
  ).toBeDisabled();
  await expect(maxPage.getByRole('button', { name: 'Remove alias production' })).toBeDisabled();
  await maxPage.getByRole('textbox', { name: 'Alias' }).fill('production');
  await maxPage.getByRole('combobox', { name: 'Version' }).selectOption('v1');
  await expect(
    maxPage.getByText('It is protected: only registry admins may move it.'),
  ).toBeVisible();
  await maxPage.getByRole('button', { name: 'Move alias', exact: true }).click();
  await expect(
    maxPage
      .getByRole('alert')
      .filter({ hasText: '"production" is a protected alias: only registry admins may change it' }),
  ).toBeVisible();
  await screenshots(maxPage, 'model-registry-model-member');
  await maxPage.reload();
  await expect(
    maxPage
      .getByRole('list', { name: 'Aliases of detector' })
      .getByRole('listitem', { name: 'production' }),
  ).toContainText('→ v0');
  // Ordinary aliases are the members' to add.
  await maxPage.getByRole('textbox', { name: 'Alias' }).fill('staging');
  await maxPage.getByRole('combobox', { name: 'Version' }).selectOption('v1');
  await maxPage.getByRole('button', { name: 'Add alias', exact: true }).click();
  await expect(
    maxPage
      .getByRole('list', { name: 'Aliases of detector' })
      .getByRole('listitem', { name: 'staging' }),
  ).toContainText('→ v1');

  // On the artifact page, Max sees the lock of an artifact alias disabled; Rhi toggles it.
  await page.goto(`/${team}/detector/artifacts/yolo/v1`);
  await page.getByRole('textbox', { name: 'New alias' }).fill('best');
  await page.getByRole('button', { name: 'Add alias', exact: true }).click();
  await page.getByRole('button', { name: 'Protect alias best' }).click();
  await expect(page.getByRole('button', { name: 'Unprotect alias best' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await screenshots(page, 'model-registry-artifact-admin');
  await maxPage.goto(`/${team}/detector/artifacts/yolo/v1`);
  await expect(
    maxPage.getByRole('button', { name: 'Unprotect alias best (registry admins only)' }),
  ).toBeDisabled();
  await expect(
    maxPage.getByText('Protected aliases are the registry admins’ to move or remove.'),
  ).toBeVisible();
  await screenshots(maxPage, 'model-registry-artifact-member');
  await maxPage.context().close();
});
