import { expect, test } from '@playwright/test';
import { signInWithPassword, signUpVerified } from './support/accounts';
import { linkIn, waitForMail } from './support/mailbox';

test('an admin creates a team, invites a new person by email, who joins; made view-only, they lose admin powers', async ({
  page,
  request,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const admin = await signUpVerified(request, 'olga');
  await signInWithPassword(page, admin.username, admin.password);

  // Create the team in a new organization.
  await page.goto('/create-team');
  await page.getByLabel('Team name').fill('nlp-lab');
  await page.getByLabel(/Organization name/).fill('Acme Research');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page).toHaveURL(/\/teams\/nlp-lab\/settings$/);
  await expect(page.getByRole('cell', { name: /olga/ }).first()).toBeVisible();

  // Invite a new address as a member.
  const invitedAt = Date.now();
  await page.getByLabel('Email address').fill('pat@example.com');
  await page.getByRole('button', { name: 'Send invite' }).click();
  await expect(page.getByText('pat@example.com').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('team-members.png'), fullPage: true });

  // The invitee opens the link from the email in their own browser and signs up through it.
  const mail = await waitForMail('pat@example.com', /invited to join nlp-lab/, invitedAt);
  const invitee = await browser.newContext();
  const patPage = await invitee.newPage();
  await patPage.goto(linkIn(mail, '/invite/'));
  await expect(patPage.getByText('nlp-lab').first()).toBeVisible();
  await patPage.getByRole('link', { name: 'Create an account' }).click();
  await expect(patPage.getByLabel('Email')).toHaveValue('pat@example.com');
  await patPage.getByLabel('Username').fill('pat');
  await patPage.getByLabel('Password').fill('sunny-garden-77');
  await patPage.getByRole('button', { name: 'Create account' }).click();
  await expect(patPage).toHaveURL(/notice=invite-joined/);
  await patPage.getByLabel('Email or username').fill('pat');
  await patPage.getByLabel('Password').fill('sunny-garden-77');
  await patPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(patPage).toHaveURL(/\/nlp-lab$/);
  await expect(patPage.getByRole('heading', { level: 1, name: 'nlp-lab' })).toBeVisible();

  // The admin sees the new member and makes them view-only.
  await page.reload();
  await page.getByLabel('Role of pat').selectOption({ label: 'View-only' });
  await page.getByRole('button', { name: "Save pat's role" }).click();
  await expect(page.getByLabel('Role of pat')).toHaveValue('VIEW_ONLY');

  // The view-only member sees no admin controls, and the API refuses admin actions.
  await patPage.goto('/teams/nlp-lab/settings');
  await expect(patPage.getByText('Only team admins can view team settings')).toBeVisible();
  await expect(patPage.getByRole('button', { name: /Remove olga/ })).toHaveCount(0);
  await patPage.screenshot({ path: testInfo.outputPath('team-view-only.png'), fullPage: true });
  const members = await page.request.post('/api/graphql', {
    data: { query: '{ team(name: "nlp-lab") { members { username role } } }' },
  });
  const olgaId = (
    await page.request
      .post('/api/graphql', { data: { query: '{ viewer { id } }' } })
      .then((r) => r.json())
  ).data.viewer.id as string;
  expect((await members.json()).data.team.members).toEqual(
    expect.arrayContaining([
      { username: 'pat', role: 'VIEW_ONLY' },
      { username: 'olga', role: 'ADMIN' },
    ]),
  );
  for (const mutation of [
    `mutation { inviteMember(team: "nlp-lab", email: "x@example.com", role: MEMBER) { id } }`,
    `mutation { removeMember(team: "nlp-lab", userId: "${olgaId}") }`,
  ]) {
    const refused = await patPage.request.post('/api/graphql', { data: { query: mutation } });
    const body = await refused.json();
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  }
  await invitee.close();
});
