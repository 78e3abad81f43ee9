import { expect } from 'vitest';
import { graphql, type As, type GraphQLResponse } from './graphql';

/**
 * Team fixtures for integration tests. App modules are imported lazily, so a test file can
 * set its environment (getEnv() caches) before anything here touches the database.
 */

export type TeamRole = 'ADMIN' | 'MEMBER' | 'VIEW_ONLY';

/** The first error's code, or undefined when the operation succeeded. */
export const errorCode = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

/** Fails the test with the server's errors when an operation that must work did not. */
export function expectOk<T>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/**
 * Creates a team through the real createTeam mutation (a browser session is required):
 * in a new organization, or in one the creator administers. Returns the organization id.
 */
export async function createTeamVia(
  as: As,
  name: string,
  organization: { newOrganizationName: string } | { organizationId: string },
): Promise<{ name: string; organizationId: string }> {
  expectOk(
    await graphql(
      `
        mutation ($input: CreateTeamInput!) {
          createTeam(input: $input) {
            name
          }
        }
      `,
      { input: { name, type: 'WORK', ...organization } },
      as,
    ),
  );
  const { getPrisma } = await import('@/lib/db/prisma');
  const team = await getPrisma().team.findUniqueOrThrow({ where: { name } });
  return { name, organizationId: team.organizationId };
}

/**
 * A person with a verified email and no password, written straight to the database: the
 * cheap kind of user for targets that a test only adds, removes or re-roles.
 */
export async function insertUser(username: string) {
  const { getPrisma } = await import('@/lib/db/prisma');
  return getPrisma().user.create({
    data: {
      username,
      entity: { create: { name: username, kind: 'USER' } },
      emails: {
        create: { address: `${username}@example.com`, isPrimary: true, verifiedAt: new Date() },
      },
    },
  });
}

/** Adds a membership directly (fixture set-up, not the behaviour under test). */
export async function addMember(
  teamName: string,
  userId: string,
  role: TeamRole,
  extra: { customRoleId?: string; isRegistryAdmin?: boolean } = {},
) {
  const { getPrisma } = await import('@/lib/db/prisma');
  const team = await getPrisma().team.findUniqueOrThrow({ where: { name: teamName } });
  return getPrisma().membership.create({
    data: { teamId: team.id, userId, role, ...extra },
  });
}

/** The membership of a user in a team, or null. */
export async function membershipOf(teamName: string, userId: string) {
  const { getPrisma } = await import('@/lib/db/prisma');
  return getPrisma().membership.findFirst({ where: { team: { name: teamName }, userId } });
}

/** A personal API key made through the createApiKey mutation, as an Authorization header. */
export async function apiKeyOf(session: As, name = 'test key'): Promise<{ authorization: string }> {
  const data = expectOk(
    await graphql<{ createApiKey: { secret: string } }>(
      `
        mutation ($name: String!) {
          createApiKey(name: $name) {
            secret
          }
        }
      `,
      { name },
      session,
    ),
  );
  return { authorization: `Bearer ${data.createApiKey.secret}` };
}
