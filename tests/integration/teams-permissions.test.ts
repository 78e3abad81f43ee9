import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, type As, type GraphQLResponse } from '../helpers/graphql';
import {
  addMember,
  apiKeyOf,
  createTeamVia,
  expectOk,
  insertUser,
  membershipOf,
} from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// Set before any app module reads the environment (getEnv() caches per test file). Without
// SMTP, invite mails stay in the local outbox: this file is about who may do what.
process.env.AUTH_SECRET = testAuthSecret;
process.env.LOG_LEVEL = 'silent';
delete process.env.SMTP_URL;
const { getPrisma } = await import('@/lib/db/prisma');
const { getSystemSettings } = await import('@/lib/system/settings');

/**
 * Every actor against every team action of the GraphQL API (PERMISSIONS.md, "Team settings"
 * and "System settings"). Allowed: no error and the effect is there. Refused: exactly one
 * error, FORBIDDEN for anyone who proved who they are and UNAUTHENTICATED for anonymous
 * requests, and nothing changed in the database.
 */

const actorNames = [
  'anonymous',
  'outsider',
  'viewOnly',
  'member',
  'customRole',
  'registryAdmin',
  'admin',
  'orgAdmin',
  'systemAdmin',
  'serviceAccount',
  'memberApiKey',
  'viewOnlyApiKey',
  'customRoleApiKey',
  'adminApiKey',
] as const;
type ActorName = (typeof actorNames)[number];

/** Who each actor is, for failure messages. */
const actorDescriptions: Record<ActorName, string> = {
  anonymous: 'an anonymous request',
  outsider: 'a signed-in admin of another team',
  viewOnly: 'a view-only member',
  member: 'a member',
  customRole: 'a custom-role member (view-only + team:invite)',
  registryAdmin: 'a member who is a model-registry admin',
  admin: 'a team admin',
  orgAdmin: 'the organization admin who created the team (its first admin)',
  systemAdmin: 'a system admin who is not a member',
  serviceAccount: "the team's service account",
  memberApiKey: "a member's API key",
  viewOnlyApiKey: "a view-only member's API key",
  customRoleApiKey: "the custom-role member's API key",
  adminApiKey: "a team admin's API key",
};
/** Each actor's credentials (filled in beforeAll). */
const as = {} as Record<ActorName, As>;

const team = 'acme';
let organizationId = '';
let serial = 0;
/** A name no other case uses, so no case sees another's side effects. */
const unique = (prefix: string) => `${prefix}-${++serial}`;

const teamAdmins: ActorName[] = ['admin', 'orgAdmin', 'adminApiKey'];

interface Action<S> {
  /** The one line to edit: who may do it. */
  allowed: readonly ActorName[];
  /** Per-case fixture (throwaway target, fresh name, reset state). */
  prepare: () => Promise<S>;
  run: (actor: As, state: S) => Promise<GraphQLResponse>;
  /** Whether the action happened (for reads: whether the data came back). */
  happened: (state: S, response: GraphQLResponse) => Promise<boolean>;
  /** Reads answer 200 with partial data; refused mutations answer the error's status. */
  read?: boolean;
}
const action = <S>(definition: Action<S>) => definition as Action<unknown>;

/** A member who exists only for this case, so removing or re-roling them harms nobody. */
async function throwawayMember() {
  const user = await insertUser(unique('target'));
  await addMember(team, user.id, 'MEMBER');
  return user;
}

const teamField = (field: string) =>
  `query ($team: String!) { team(name: $team) { name ${field} } }`;
const teamData = (response: GraphQLResponse) =>
  (response.data as { team?: Record<string, unknown> } | null | undefined)?.team;

const settingsInput = {
  forcePrivateProjects: false,
  codeSavingDefault: true,
  runFinishedEmail: true,
  runFinishedSlack: false,
  runCrashedEmail: true,
  runCrashedSlack: false,
  slackWebhookUrl: null,
};

const actions: Record<string, Action<unknown>> = {
  'read team settings': action({
    allowed: teamAdmins,
    read: true,
    prepare: async () => undefined,
    run: (actor) => graphql(teamField('settings { forcePrivateProjects }'), { team }, actor),
    happened: async (_s, response) => {
      const settings = teamData(response)?.settings;
      if (settings) expect(settings).toEqual({ forcePrivateProjects: false });
      return settings != null;
    },
  }),
  'read members': action({
    allowed: teamAdmins,
    read: true,
    prepare: async () => undefined,
    run: (actor) => graphql(teamField('members { username role email }'), { team }, actor),
    happened: async (_s, response) => {
      const members = teamData(response)?.members as { username: string }[] | null | undefined;
      if (members) {
        expect(members).toContainEqual({
          username: 'olga',
          role: 'ADMIN',
          email: 'olga@example.com',
        });
        expect(members.map((m) => m.username)).toEqual(
          expect.arrayContaining(['vera', 'mike', 'cora', 'rita', 'adam']),
        );
      }
      return members != null;
    },
  }),
  'read invites': action({
    allowed: teamAdmins,
    read: true,
    prepare: async () => {
      const email = `${unique('listed')}@example.com`;
      await getPrisma().invite.create({
        data: {
          team: { connect: { name: team } },
          email,
          role: 'MEMBER',
          tokenHash: unique('hash'),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return email;
    },
    run: (actor) => graphql(teamField('invites { email state }'), { team }, actor),
    happened: async (email, response) => {
      const invites = teamData(response)?.invites;
      if (invites) expect(invites).toContainEqual({ email, state: 'pending' });
      return invites != null;
    },
  }),
  'invite a member': action({
    allowed: [...teamAdmins, 'customRole'],
    prepare: async () => `${unique('invitee')}@example.com`,
    run: (actor, email) =>
      graphql(
        `
          mutation ($team: String!, $email: String!) {
            inviteMember(team: $team, email: $email, role: MEMBER) {
              email
              state
            }
          }
        `,
        { team, email },
        actor,
      ),
    happened: async (email) => (await getPrisma().invite.count({ where: { email: email } })) === 1,
  }),
  'remove a member': action({
    allowed: teamAdmins,
    prepare: throwawayMember,
    run: (actor, target) =>
      graphql(
        `
          mutation ($team: String!, $userId: ID!) {
            removeMember(team: $team, userId: $userId)
          }
        `,
        { team, userId: target.id },
        actor,
      ),
    happened: async (target) => !(await membershipOf(team, target.id)),
  }),
  "change a member's role": action({
    allowed: teamAdmins,
    prepare: throwawayMember,
    run: (actor, target) =>
      graphql(
        `
          mutation ($team: String!, $userId: ID!) {
            changeMemberRole(team: $team, userId: $userId, role: VIEW_ONLY)
          }
        `,
        { team, userId: target.id },
        actor,
      ),
    happened: async (target) => (await membershipOf(team, target.id))?.role === 'VIEW_ONLY',
  }),
  'update team settings': action({
    allowed: teamAdmins,
    prepare: async () => {
      await getPrisma().team.update({ where: { name: team }, data: { codeSavingDefault: false } });
    },
    run: (actor) =>
      graphql(
        `
          mutation ($team: String!, $input: TeamSettingsInput!) {
            updateTeamSettings(team: $team, input: $input) {
              codeSavingDefault
            }
          }
        `,
        { team, input: settingsInput },
        actor,
      ),
    happened: async () =>
      (await getPrisma().team.findUniqueOrThrow({ where: { name: team } })).codeSavingDefault,
  }),
  'update the team profile': action({
    allowed: teamAdmins,
    prepare: async () => unique('intro'),
    run: (actor, intro) =>
      graphql(
        `
          mutation ($team: String!, $intro: String!) {
            updateTeamProfile(team: $team, intro: $intro, links: [])
          }
        `,
        { team, intro },
        actor,
      ),
    happened: async (intro) =>
      (await getPrisma().team.findUniqueOrThrow({ where: { name: team } })).intro === intro,
  }),
  'create a service account': action({
    allowed: teamAdmins,
    prepare: async () => unique('robot'),
    run: (actor, name) =>
      graphql(
        `
          mutation ($team: String!, $name: String!) {
            createServiceAccount(team: $team, name: $name) {
              id
              secret
            }
          }
        `,
        { team, name },
        actor,
      ),
    happened: async (name) =>
      (await getPrisma().serviceAccount.count({ where: { name: name } })) === 1,
  }),
  'set a registry admin': action({
    allowed: [...teamAdmins, 'registryAdmin'],
    prepare: throwawayMember,
    run: (actor, target) =>
      graphql(
        `
          mutation ($team: String!, $userId: ID!) {
            setRegistryAdmin(team: $team, userId: $userId, isRegistryAdmin: true)
          }
        `,
        { team, userId: target.id },
        actor,
      ),
    happened: async (target) => !!(await membershipOf(team, target.id))?.isRegistryAdmin,
  }),
  'create a custom role': action({
    allowed: ['orgAdmin', 'systemAdmin'],
    prepare: async () => unique('Role'),
    run: (actor, name) =>
      graphql(
        `
          mutation ($org: ID!, $name: String!) {
            createCustomRole(
              organizationId: $org
              name: $name
              baseRole: MEMBER
              permissions: [RUN_DELETE]
            ) {
              id
            }
          }
        `,
        { org: organizationId, name },
        actor,
      ),
    happened: async (name) => (await getPrisma().customRole.count({ where: { name: name } })) === 1,
  }),
  "create a team in the team's organization": action({
    // Only the organization's admins and system admins, and only from a browser session.
    allowed: ['orgAdmin', 'systemAdmin'],
    prepare: async () => unique('sibling'),
    run: (actor, name) =>
      graphql(
        `
          mutation ($input: CreateTeamInput!) {
            createTeam(input: $input) {
              name
            }
          }
        `,
        { input: { name, type: 'WORK', organizationId } },
        actor,
      ),
    happened: async (name) => (await getPrisma().entity.count({ where: { name: name } })) === 1,
  }),
  'delete a team': action({
    allowed: ['systemAdmin'],
    prepare: async () => {
      // A team of its own per case (same organization, same members' roles as acme).
      const name = unique('doomed');
      const olga = await getPrisma().user.findUniqueOrThrow({ where: { username: 'olga' } });
      await getPrisma().team.create({
        data: {
          name,
          type: 'WORK',
          organization: { connect: { id: organizationId } },
          entity: { create: { name, kind: 'TEAM' } },
          memberships: { create: { userId: olga.id, role: 'ADMIN' } },
        },
      });
      return name;
    },
    run: (actor, name) =>
      graphql(
        `
          mutation ($name: String!) {
            deleteTeam(name: $name)
          }
        `,
        { name },
        actor,
      ),
    happened: async (name) => {
      const [teams, entities] = await Promise.all([
        getPrisma().team.count({ where: { name: name } }),
        getPrisma().entity.count({ where: { name: name } }),
      ]);
      expect(teams).toBe(entities);
      return teams === 0;
    },
  }),
  'update system settings': action({
    allowed: ['systemAdmin'],
    prepare: async () => {
      await getPrisma().systemSetting.deleteMany();
    },
    run: (actor) =>
      graphql(
        `
          mutation {
            updateSystemSettings(organizationCreation: "anyone", defaultStorageLimitGb: 4242) {
              defaultStorageLimitGb
            }
          }
        `,
        {},
        actor,
      ),
    happened: async () => (await getSystemSettings()).defaultStorageLimitGb === 4242,
  }),
};

beforeAll(async () => {
  // The first user of an instance is its system admin: created first on purpose.
  const root = await createVerifiedUser('sysop');
  expect(root.user.isSystemAdmin).toBe(true);
  const olga = await createVerifiedUser('olga');
  ({ organizationId } = await createTeamVia(olga.session, team, {
    newOrganizationName: 'Acme Corp',
  }));
  const otto = await createVerifiedUser('otto');
  await createTeamVia(otto.session, 'otto-lab', { newOrganizationName: 'Otto Inc' });

  const [vera, mike, cora, rita, adam] = await Promise.all(
    ['vera', 'mike', 'cora', 'rita', 'adam'].map((name) => createVerifiedUser(name)),
  );
  await addMember(team, vera!.user.id, 'VIEW_ONLY');
  await addMember(team, mike!.user.id, 'MEMBER');
  await addMember(team, cora!.user.id, 'MEMBER');
  await addMember(team, rita!.user.id, 'MEMBER');
  await addMember(team, adam!.user.id, 'ADMIN');

  // The custom role, composed by the organization admin and assigned by a team admin.
  const role = expectOk(
    await graphql<{ createCustomRole: { id: string } }>(
      `
        mutation ($org: ID!) {
          createCustomRole(
            organizationId: $org
            name: "Recruiter"
            baseRole: VIEW_ONLY
            permissions: [TEAM_INVITE]
          ) {
            id
          }
        }
      `,
      { org: organizationId },
      olga.session,
    ),
  );
  expectOk(
    await graphql(
      `
        mutation ($team: String!, $userId: ID!, $roleId: ID!) {
          changeMemberRole(team: $team, userId: $userId, role: VIEW_ONLY, customRoleId: $roleId)
        }
      `,
      { team, userId: cora!.user.id, roleId: role.createCustomRole.id },
      adam!.session,
    ),
  );
  expectOk(
    await graphql(
      `
        mutation ($team: String!, $userId: ID!) {
          setRegistryAdmin(team: $team, userId: $userId, isRegistryAdmin: true)
        }
      `,
      { team, userId: rita!.user.id },
      adam!.session,
    ),
  );
  const robot = expectOk(
    await graphql<{ createServiceAccount: { secret: string } }>(
      `
        mutation ($team: String!) {
          createServiceAccount(team: $team, name: "ci-bot") {
            secret
          }
        }
      `,
      { team },
      adam!.session,
    ),
  );

  Object.assign(as, {
    anonymous: undefined,
    outsider: otto.session,
    viewOnly: vera!.session,
    member: mike!.session,
    customRole: cora!.session,
    registryAdmin: rita!.session,
    admin: adam!.session,
    orgAdmin: olga.session,
    systemAdmin: root.session,
    serviceAccount: { authorization: `Bearer ${robot.createServiceAccount.secret}` },
    memberApiKey: await apiKeyOf(mike!.session),
    viewOnlyApiKey: await apiKeyOf(vera!.session),
    customRoleApiKey: await apiKeyOf(cora!.session),
    adminApiKey: await apiKeyOf(adam!.session),
  } satisfies Record<ActorName, As>);
});

describe('the fixture', () => {
  it('has every actor in the role it claims', async () => {
    const { data } = await graphql<{ myTeams: { name: string; role: string }[] }>(
      `
        {
          myTeams {
            name
            role
          }
        }
      `,
      {},
      as.customRole,
    );
    expect(data?.myTeams).toEqual([{ name: team, role: 'VIEW_ONLY' }]);
    const members = await getPrisma().membership.findMany({
      where: {
        team: { name: team },
        user: { username: { in: ['olga', 'adam', 'vera', 'mike', 'cora', 'rita'] } },
      },
      include: { user: true, customRole: true },
    });
    const byName = Object.fromEntries(
      members.map((m) => [
        m.user.username,
        [m.role, m.customRole?.name ?? null, m.isRegistryAdmin] as const,
      ]),
    );
    expect(byName).toEqual({
      olga: ['ADMIN', null, false],
      adam: ['ADMIN', null, false],
      vera: ['VIEW_ONLY', null, false],
      mike: ['MEMBER', null, false],
      cora: ['VIEW_ONLY', 'Recruiter', false],
      rita: ['MEMBER', null, true],
    });
    // The system admin and the outsider are no members of acme.
    const viewerRole = async (actor: As) =>
      (
        await graphql<{ team: { viewerRole: string | null } }>(
          teamField('viewerRole'),
          { team },
          actor,
        )
      ).data?.team.viewerRole;
    expect(await viewerRole(as.systemAdmin)).toBeNull();
    expect(await viewerRole(as.outsider)).toBeNull();
    expect(await viewerRole(as.admin)).toBe('ADMIN');
  });

  it('lists only known actors in the table', () => {
    for (const { allowed } of Object.values(actions)) {
      for (const name of allowed) expect(actorNames).toContain(name);
    }
  });
});

for (const [actionName, definition] of Object.entries(actions)) {
  describe(actionName, () => {
    for (const actor of actorNames) {
      const allowed = definition.allowed.includes(actor);
      it(`${allowed ? 'allows' : 'refuses'} ${actor}`, async () => {
        const state = await definition.prepare();
        const response = await definition.run(as[actor], state);
        const happened = await definition.happened(state, response);
        const who = `${actorDescriptions[actor]} trying to ${actionName}`;
        if (allowed) {
          expect(response.errors, who).toBeUndefined();
          expect(happened, who).toBe(true);
          return;
        }
        const expected = actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        expect(
          response.errors?.map((error) => error.extensions?.code),
          who,
        ).toEqual([expected]);
        expect(happened, `${who}: refused, but it happened anyway`).toBe(false);
        if (!definition.read)
          expect(response.status, who).toBe(expected === 'FORBIDDEN' ? 403 : 401);
      });
    }
  });
}
