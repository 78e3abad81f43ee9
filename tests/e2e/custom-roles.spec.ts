import { expect, test } from '@playwright/test';
import { signInWithPassword, signUpVerified } from './support/accounts';
import { screenshots } from './support/screenshots';
import { createTeam, gql, joinTeam, signedInPage } from './support/teams';

test('an organization admin composes a role, assigns it to a member and showcases a project', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(120_000);
  // Names of their own: the e2e database is shared by the specs of a run.
  const suffix = Date.now().toString(36).slice(-5);
  const team = `forge-${suffix}`;
  const admin = await signUpVerified(request, `ria${suffix}`);
  const member = await signUpVerified(request, `rick${suffix}`);

  // Set-up through the API: Ria creates a team (and so its organization), Rick joins it.
  await signInWithPassword(page, admin.username, admin.password);
  await createTeam(page, team, `Forge ${suffix}`);
  const rickPage = await signedInPage(browser, member);
  await joinTeam(page, team, rickPage, member.email, 'MEMBER');

  // The roles page, reached from the team settings navigation.
  await page.goto(`/teams/${team}/settings`);
  await page
    .getByRole('navigation', { name: 'Team settings' })
    .getByRole('link', { name: 'Roles' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team}/settings/roles$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
  await expect(page.getByText('No custom roles yet')).toBeVisible();
  await screenshots(page, 'custom-roles-empty');

  // Compose "Run logger": View-only plus logging runs and downloading artifacts.
  await page.getByLabel('Role name').fill('Run logger');
  await page.getByRole('radio', { name: 'View-only' }).check();
  // What View-only already grants is ticked and locked.
  await expect(page.getByRole('checkbox', { name: /View reports/ })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: /View reports/ })).toBeChecked();
  await page.getByRole('checkbox', { name: /^Log runs/ }).check();
  await page.getByRole('checkbox', { name: /^Download artifacts/ }).check();
  await expect(page.getByText('(2 selected)')).toBeVisible();
  // Settings and roles are never offered: they make an Admin.
  await expect(page.getByRole('checkbox', { name: /team:manage-settings/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByText('Created the role “Run logger”.')).toBeVisible();
  const row = page.getByRole('listitem', { name: 'Run logger' });
  await expect(row.getByText('View-only + 2 permissions')).toBeVisible();
  await expect(row.getByRole('list', { name: 'Extra permissions of Run logger' })).toHaveText(
    /Log runs.*Download artifacts/,
  );
  await expect(row.getByText(`0 members in ${team}`)).toBeVisible();
  // The form starts over for the next role.
  await expect(page.getByLabel('Role name')).toHaveValue('');
  await screenshots(page, 'custom-roles-list');

  // The editor opens in a dialog with the role as saved.
  await row.getByRole('button', { name: 'Edit Run logger' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit “Run logger”' });
  await expect(dialog.getByRole('checkbox', { name: /^Log runs/ })).toBeChecked();
  await screenshots(page, 'custom-roles-edit', { fullPage: false });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // A team admin assigns it on the members page; the invite form offers it too.
  await page
    .getByRole('navigation', { name: 'Team settings' })
    .getByRole('link', { name: 'Members' })
    .click();
  await expect(
    page.getByLabel('Role', { exact: true }).getByRole('option', { name: 'Run logger (custom)' }),
  ).toHaveCount(1);
  const rickRole = page.getByLabel(`Role of ${member.username}`);
  await rickRole.selectOption({ label: 'Run logger (custom)' });
  await page.getByRole('button', { name: `Save ${member.username}'s role` }).click();
  await expect(page.getByText('Role saved.')).toBeVisible();
  await page.reload();
  await expect(rickRole.locator('option:checked')).toHaveText('Run logger (custom)');
  await screenshots(page, 'custom-roles-members');
  const members = (await gql(
    page.request,
    `query ($team: String!) { team(name: $team) { members { username role customRoleName } } }`,
    { team },
  )) as { team: { members: { username: string; role: string; customRoleName: string | null }[] } };
  expect(members.team.members).toContainEqual({
    username: member.username,
    role: 'VIEW_ONLY',
    customRoleName: 'Run logger',
  });

  // The holder is no admin: the settings (roles included) stay closed to them.
  await rickPage.goto(`/teams/${team}/settings/roles`);
  await expect(rickPage.getByText('Only team admins can view team settings')).toBeVisible();

  // The showcase: Rick logs a run (his role allows it), Ria picks its project for the profile.
  await gql(
    rickPage.request,
    `mutation ($input: UpsertRunInput!) { upsertRun(input: $input) { id } }`,
    { input: { entity: team, project: 'resnet', id: 'first' } },
  );
  await gql(
    page.request,
    `mutation ($team: String!) { updateProject(entity: $team, project: "resnet", description: "ResNet-50 baselines on ImageNet, with and without mixup.") { name } }`,
    { team },
  );
  await page.goto(`/${team}`);
  await expect(page.getByText('Nothing showcased yet')).toBeVisible();
  await page.getByRole('button', { name: 'Choose projects' }).click();
  const picker = page.getByRole('dialog', { name: 'Showcased projects' });
  await picker.getByRole('checkbox', { name: /resnet/ }).check();
  await expect(picker.getByText('1 of 6')).toBeVisible();
  await picker.getByRole('button', { name: 'Save showcase' }).click();
  await expect(picker).toBeHidden();
  const showcased = page.getByRole('list', { name: 'Showcased projects' });
  await expect(showcased.getByRole('link', { name: 'resnet' })).toBeVisible();
  await expect(showcased.getByText('1 run')).toBeVisible();
  await expect(showcased.getByText(/ResNet-50 baselines/)).toBeVisible();
  await screenshots(page, 'custom-roles-profile');
  // Rick sees it too, without the editor.
  await rickPage.goto(`/${team}`);
  await expect(
    rickPage
      .getByRole('list', { name: 'Showcased projects' })
      .getByRole('link', { name: 'resnet' }),
  ).toBeVisible();
  await expect(rickPage.getByRole('button', { name: 'Edit showcase' })).toHaveCount(0);

  // Deleting the role: the dialog says what happens to its holder, who falls back to View-only.
  await page.goto(`/teams/${team}/settings/roles`);
  await expect(page.getByText(`1 member in ${team}`)).toBeVisible();
  await page.getByRole('button', { name: 'Delete Run logger' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the role “Run logger”?' });
  await expect(confirm).toContainText('They stay in their teams as View-only');
  await confirm.getByRole('button', { name: 'Delete role' }).click();
  await expect(page.getByRole('listitem', { name: 'Run logger' })).toHaveCount(0);
  await expect(page.getByText('No custom roles yet')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Team settings' })
    .getByRole('link', { name: 'Members' })
    .click();
  await expect(page.getByLabel(`Role of ${member.username}`)).toHaveValue('VIEW_ONLY');
  await rickPage.context().close();
});
