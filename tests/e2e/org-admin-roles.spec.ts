import { expect, test } from '@playwright/test';
import { signInWithPassword, signUpVerified } from './support/accounts';
import { screenshots } from './support/screenshots';
import { createTeam, gql, joinTeam, signedInPage } from './support/teams';

test('an organization admin who is no team admin opens only the Roles settings and composes a role', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36).slice(-5);
  const team = `guild-${suffix}`;
  const owner = await signUpVerified(request, `orla${suffix}`);
  const admin = await signUpVerified(request, `abe${suffix}`);

  // Orla creates the team (and its organization), makes Abe an admin, and Abe makes her a member.
  await signInWithPassword(page, owner.username, owner.password);
  await createTeam(page, team, `Guild ${suffix}`);
  const abePage = await signedInPage(browser, admin);
  await joinTeam(page, team, abePage, admin.email, 'ADMIN');
  const { team: listed } = (await gql(
    page.request,
    `query ($team: String!) { team(name: $team) { members { userId username } } }`,
    { team },
  )) as { team: { members: { userId: string; username: string }[] } };
  const orlaId = listed.members.find((m) => m.username === owner.username)!.userId;
  await gql(
    abePage.request,
    `mutation ($team: String!, $userId: ID!) { changeMemberRole(team: $team, userId: $userId, role: MEMBER) }`,
    { team, userId: orlaId },
  );

  // The members page refuses her, points her to Roles, and the navigation offers Roles alone.
  await page.goto(`/teams/${team}/settings`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Only team admins can view team settings' }),
  ).toBeVisible();
  await expect(page.getByText(`You are a member of ${team}.`, { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: /invite/i })).toHaveCount(0);
  const nav = page.getByRole('navigation', { name: 'Team settings' });
  await expect(nav.getByRole('link')).toHaveText(['Roles']);
  await screenshots(page, 'org-admin-roles-members-refused');
  await page.getByRole('link', { name: `Open the roles of ${team}` }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team}/settings/roles$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();

  // She composes a role there: the organization's roles are hers to make.
  await page.getByLabel('Role name').fill('Auditor');
  await page.getByRole('radio', { name: 'View-only' }).check();
  await page.getByRole('checkbox', { name: /^Log runs/ }).check();
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByText('Created the role “Auditor”.')).toBeVisible();
  await expect(
    page.getByRole('listitem', { name: 'Auditor' }).getByText('View-only + 1 permission'),
  ).toBeVisible();
  await screenshots(page, 'org-admin-roles-roles');

  // Every other section stays closed to her, whatever the URL.
  for (const section of ['general', 'usage', 'service-accounts', 'storage']) {
    await page.goto(`/teams/${team}/settings/${section}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Only team admins can view team settings' }),
    ).toBeVisible();
    await expect(nav.getByRole('link')).toHaveText(['Roles']);
  }

  // A team admin still sees every section, and the role Orla composed.
  await abePage.goto(`/teams/${team}/settings/roles`);
  await expect(
    abePage.getByRole('navigation', { name: 'Team settings' }).getByRole('link'),
  ).toHaveText(['Members', 'Roles', 'Service accounts', 'Usage', 'Storage', 'General']);
  await expect(abePage.getByRole('listitem', { name: 'Auditor' })).toBeVisible();
  // Abe is no organization admin: he assigns roles but does not compose them.
  await expect(abePage.getByLabel('Role name')).toHaveCount(0);

  // Someone who is neither a team admin nor an organization admin gets the refusal alone.
  const stranger = await signUpVerified(request, `sam${suffix}`);
  const samContext = await browser.newContext();
  const samPage = await samContext.newPage();
  await signInWithPassword(samPage, stranger.username, stranger.password);
  await samPage.goto(`/teams/${team}/settings/roles`);
  await expect(samPage.getByText(`You are not a member of ${team}.`)).toBeVisible();
  await expect(samPage.getByRole('navigation', { name: 'Team settings' })).toHaveCount(0);
  await expect(samPage.getByRole('heading', { level: 1, name: 'Roles' })).toHaveCount(0);
  await Promise.all([abePage.context().close(), samContext.close()]);
});
