import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { signInWithPassword } from './accounts';
import { linkIn, waitForMail } from './mailbox';

/*
 * Team set-up the specs share: GraphQL calls with the signed-in person's cookies, creating a
 * team, and "invite by email + accept" through the real invite flow (mail and token), without
 * clicking through the pages teams.spec.ts already covers.
 */

/** A GraphQL call that must succeed (any error fails the test, naming the query). */
export async function gql(request: APIRequestContext, query: string, variables = {}) {
  const response = await request.post('/api/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors, query).toBeUndefined();
  return body.data!;
}

/** A work team (and its new organization) created by the person signed in on `page`. */
export async function createTeam(page: Page, team: string, organization: string) {
  await gql(
    page.request,
    `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { name } }`,
    { input: { name: team, type: 'WORK', newOrganizationName: organization } },
  );
}

/** A person signed in in a browser context of their own (close it with `page.context()`). */
export async function signedInPage(
  browser: Browser,
  account: { username: string; password: string },
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithPassword(page, account.username, account.password);
  return page;
}

/**
 * The admin on `adminPage` invites `email` with `role`; the person signed in on `memberPage`
 * accepts with the token from the mail.
 */
export async function joinTeam(
  adminPage: Page,
  team: string,
  memberPage: Page,
  email: string,
  role: 'ADMIN' | 'MEMBER' | 'VIEW_ONLY',
) {
  const invitedAt = Date.now();
  await gql(
    adminPage.request,
    `mutation ($team: String!, $email: String!, $role: TeamRole!) { inviteMember(team: $team, email: $email, role: $role) { id } }`,
    { team, email, role },
  );
  const mail = await waitForMail(email, new RegExp(`invited to join ${team}`), invitedAt - 1000);
  const token = new URL(linkIn(mail, '/invite/')).pathname.split('/').pop();
  await gql(memberPage.request, `mutation ($token: String!) { acceptInvite(token: $token) }`, {
    token,
  });
}
