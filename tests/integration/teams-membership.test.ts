import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, type As } from '../helpers/graphql';
import {
  addMember,
  apiKeyOf,
  createTeamVia,
  errorCode,
  expectOk,
  insertUser,
  membershipOf,
  type TeamRole,
} from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// Set before any app module reads the environment (getEnv() caches per test file).
process.env.AUTH_SECRET = testAuthSecret;
process.env.LOG_LEVEL = 'silent';
delete process.env.SMTP_URL;
const { getPrisma } = await import('@/lib/db/prisma');

type User = Awaited<ReturnType<typeof createVerifiedUser>>;
let sysop: User; // the first user: the instance's system admin
let olga: User; // creates teams in her own organization
let pete: User; // an ordinary signed-in person

const createTeamMutation = `
  mutation ($input: CreateTeamInput!) {
    createTeam(input: $input) { name type organizationName memberCount viewerRole }
  }`;
const changeRole = `
  mutation ($team: String!, $userId: ID!, $role: TeamRole!, $customRoleId: ID) {
    changeMemberRole(team: $team, userId: $userId, role: $role, customRoleId: $customRoleId)
  }`;
const removeMutation = `mutation ($team: String!, $userId: ID!) { removeMember(team: $team, userId: $userId) }`;
const inviteMutation = `
  mutation ($team: String!, $email: String!, $role: TeamRole!) {
    inviteMember(team: $team, email: $email, role: $role) { email role }
  }`;
const myTeamsQuery = `{ myTeams { name role organizationName memberCount } }`;

const createTeam = (input: Record<string, unknown>, as: As) =>
  graphql<{ createTeam: Record<string, unknown> }>(
    createTeamMutation,
    { input: { type: 'WORK', ...input } },
    as,
  );
const fieldsOf = (result: Awaited<ReturnType<typeof graphql>>) =>
  result.errors?.[0]?.extensions?.fields;
const adminsOf = async (team: string) =>
  (
    await getPrisma().membership.findMany({
      where: { team: { name: team }, role: 'ADMIN', customRoleId: null },
      include: { user: true },
    })
  )
    .map((m) => m.user.username)
    .sort();
const entityExists = async (name: string) =>
  (await getPrisma().entity.count({ where: { name } })) === 1;

let vision = { name: 'vision', organizationId: '' };

beforeAll(async () => {
  sysop = await createVerifiedUser('sysop');
  expect(sysop.user.isSystemAdmin).toBe(true);
  olga = await createVerifiedUser('olga');
  pete = await createVerifiedUser('pete');
  vision = await createTeamVia(olga.session, 'vision', { newOrganizationName: 'Vision Org' });
});

describe('creating a team', () => {
  it('in a new organization makes the creator its admin and the team’s Admin', async () => {
    const result = await createTeam(
      { name: 'pete-lab', newOrganizationName: 'Pete Labs' },
      pete.session,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createTeam).toEqual({
      name: 'pete-lab',
      type: 'WORK',
      organizationName: 'Pete Labs',
      memberCount: 1,
      viewerRole: 'ADMIN',
    });
    const orgs = await graphql<{ administeredOrganizations: { id: string; name: string }[] }>(
      `
        {
          administeredOrganizations {
            id
            name
            type
          }
        }
      `,
      {},
      pete.session,
    );
    expect(orgs.data?.administeredOrganizations).toEqual([
      { id: expect.any(String), name: 'Pete Labs', type: 'WORK' },
    ]);
    expect(await getPrisma().entity.findUnique({ where: { name: 'pete-lab' } })).toMatchObject({
      kind: 'TEAM',
    });
  });

  it('in an existing organization needs its admin (or a system admin)', async () => {
    const second = await createTeam(
      { name: 'vision-two', organizationId: vision.organizationId },
      olga.session,
    );
    expect(second.data?.createTeam).toMatchObject({
      organizationName: 'Vision Org',
      viewerRole: 'ADMIN',
    });

    const refused = await createTeam(
      { name: 'pete-in-vision', organizationId: vision.organizationId },
      pete.session,
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await entityExists('pete-in-vision')).toBe(false);

    const bySysop = await createTeam(
      { name: 'sysop-in-vision', organizationId: vision.organizationId },
      sysop.session,
    );
    expect(bySysop.data?.createTeam).toMatchObject({ organizationName: 'Vision Org' });
    // A team member of vision is no organization admin.
    const mike = await createVerifiedUser('mike');
    await addMember('vision', mike.user.id, 'ADMIN');
    const byTeamAdmin = await createTeam(
      { name: 'mike-in-vision', organizationId: vision.organizationId },
      mike.session,
    );
    expect(errorCode(byTeamAdmin)).toBe('FORBIDDEN');
  });

  it('needs a signed-in browser session', async () => {
    const anonymous = await createTeam(
      { name: 'anon-team', newOrganizationName: 'Anon' },
      undefined,
    );
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const withKey = await createTeam(
      { name: 'key-team', newOrganizationName: 'Key Org' },
      await apiKeyOf(olga.session),
    );
    expect(errorCode(withKey)).toBe('FORBIDDEN');
    expect(await entityExists('anon-team')).toBe(false);
    expect(await entityExists('key-team')).toBe(false);
    expect(
      await getPrisma().organization.count({ where: { name: { in: ['Anon', 'Key Org'] } } }),
    ).toBe(0);
  });

  it('needs exactly one of an organization and a new organization name', async () => {
    const both = await createTeam(
      { name: 'both-ways', organizationId: vision.organizationId, newOrganizationName: 'Both' },
      olga.session,
    );
    expect(errorCode(both)).toBe('BAD_INPUT');
    expect(fieldsOf(both)).toEqual([{ field: 'organizationId', message: expect.any(String) }]);
    const neither = await createTeam({ name: 'no-way' }, olga.session);
    expect(errorCode(neither)).toBe('BAD_INPUT');
    expect(fieldsOf(neither)).toEqual([{ field: 'organizationId', message: expect.any(String) }]);
  });

  it('shares its namespace with usernames', async () => {
    // A team named like a user, with or without a new organization: CONFLICT on name.
    const likeUser = await createTeam(
      { name: 'pete', organizationId: vision.organizationId },
      olga.session,
    );
    expect(likeUser.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      fields: [{ field: 'name', message: 'is taken' }],
    });
    const likeUserNewOrg = await createTeam(
      { name: 'olga', newOrganizationName: 'Olga Two' },
      olga.session,
    );
    expect(likeUserNewOrg.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      fields: [{ field: 'name', message: 'is taken' }],
    });
    // The transaction left nothing behind.
    expect(await getPrisma().organization.count({ where: { name: 'Olga Two' } })).toBe(0);
    expect(await getPrisma().team.count({ where: { name: { in: ['pete', 'olga'] } } })).toBe(0);

    const likeTeam = await createTeam(
      { name: 'vision', newOrganizationName: 'Vision Again' },
      pete.session,
    );
    expect(likeTeam.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'name' }],
    });

    // …and the other way round: nobody can sign up with a team's name.
    const signUp = await graphql(
      `
        mutation ($input: SignUpInput!) {
          signUp(input: $input) {
            username
          }
        }
      `,
      { input: { email: 'v@example.com', username: 'vision', password: 'a-long-password-1' } },
    );
    expect(signUp.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'username', message: 'is taken' }],
    });
  });

  it('names the organization field when the new organization name is taken', async () => {
    const result = await createTeam(
      { name: 'fresh-team', newOrganizationName: 'Vision Org' },
      pete.session,
    );
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      fields: [{ field: 'newOrganizationName', message: 'is taken' }],
    });
    expect(await entityExists('fresh-team')).toBe(false);
  });

  it('validates the name', async () => {
    const cases: [string, string][] = [
      ['settings', 'is reserved'],
      ['invite', 'is reserved'],
      [
        'Bad Name',
        'use lowercase letters, digits, - and _, starting and ending with a letter or digit',
      ],
      ['ab', 'must be at least 3 characters'],
      ['a--b', 'must not contain two separators in a row'],
    ];
    for (const [name, message] of cases) {
      const result = await createTeam(
        { name, organizationId: vision.organizationId },
        olga.session,
      );
      expect(result.errors?.[0]?.extensions, name).toEqual({
        code: 'BAD_INPUT',
        fields: [{ field: 'name', message }],
      });
    }
    expect(await getPrisma().team.count({ where: { name: { in: cases.map(([n]) => n) } } })).toBe(
      0,
    );
  });

  it('reports an unknown organization as such, not as an internal error', async () => {
    // A system admin passes the organization-admin check for any id.
    const result = await createTeam(
      { name: 'nowhere-team', organizationId: 'no-such-organization' },
      sysop.session,
    );
    expect(['NOT_FOUND', 'BAD_INPUT']).toContain(errorCode(result));
    expect(await entityExists('nowhere-team')).toBe(false);
  });
});

describe('system settings: organizationCreation', () => {
  const update = (organizationCreation: string, as: As) =>
    graphql<{ updateSystemSettings: { organizationCreation: string } }>(
      `
        mutation ($value: String!) {
          updateSystemSettings(organizationCreation: $value, defaultStorageLimitGb: 100) {
            organizationCreation
            defaultStorageLimitGb
          }
        }
      `,
      { value: organizationCreation },
      as,
    );

  it('"admins" stops others from creating organizations, not from using their own', async () => {
    expect(
      expectOk(await update('admins', sysop.session)).updateSystemSettings.organizationCreation,
    ).toBe('admins');
    try {
      const read = await graphql<{ systemSettings: { organizationCreation: string } }>(
        `
          {
            systemSettings {
              organizationCreation
              defaultStorageLimitGb
            }
          }
        `,
        {},
        sysop.session,
      );
      expect(read.data?.systemSettings).toEqual({
        organizationCreation: 'admins',
        defaultStorageLimitGb: 100,
      });

      const refused = await createTeam(
        { name: 'pete-second', newOrganizationName: 'Pete Second' },
        pete.session,
      );
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/only system admins create organizations/);
      expect(await getPrisma().organization.count({ where: { name: 'Pete Second' } })).toBe(0);
      expect(await entityExists('pete-second')).toBe(false);

      // An organization admin still creates teams in her organization.
      expect(
        (
          await createTeam(
            { name: 'vision-three', organizationId: vision.organizationId },
            olga.session,
          )
        ).errors,
      ).toBeUndefined();
      const bySysop = await createTeam(
        { name: 'sysop-team', newOrganizationName: 'Sysop Org' },
        sysop.session,
      );
      expect(bySysop.data?.createTeam).toMatchObject({
        organizationName: 'Sysop Org',
        viewerRole: 'ADMIN',
      });
    } finally {
      expectOk(await update('anyone', sysop.session));
    }
  });

  it('is read and changed by system admins only, and validated', async () => {
    const read = await graphql(
      `
        {
          systemSettings {
            organizationCreation
          }
        }
      `,
      {},
      pete.session,
    );
    expect(errorCode(read)).toBe('FORBIDDEN');
    expect(errorCode(await update('admins', pete.session))).toBe('FORBIDDEN');
    const bad = await update('everyone', sysop.session);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'organizationCreation' }],
    });
    const stored = await getPrisma().systemSetting.findUnique({
      where: { key: 'organizationCreation' },
    });
    expect(stored?.value).toBe('anyone');
  });
});

describe('roles and leaving', () => {
  const team = 'roles';
  let rita: User;

  beforeAll(async () => {
    await createTeamVia(olga.session, team, { organizationId: vision.organizationId });
    rita = await createVerifiedUser('rita');
    await addMember(team, rita.user.id, 'MEMBER');
  });

  const members = async () =>
    expectOk(
      await graphql<{
        team: { members: { username: string; role: string; customRoleName: string | null }[] };
      }>(
        `
          query ($team: String!) {
            team(name: $team) {
              members {
                username
                role
                customRoleName
              }
            }
          }
        `,
        { team },
        olga.session,
      ),
    ).team.members;

  it('lets a team admin change roles, which members and myTeams reflect', async () => {
    for (const role of ['VIEW_ONLY', 'ADMIN', 'MEMBER'] as TeamRole[]) {
      expectOk(await graphql(changeRole, { team, userId: rita.user.id, role }, olga.session));
      expect(await members()).toContainEqual({ username: 'rita', role, customRoleName: null });
      const mine = await graphql<{ myTeams: { name: string; role: string }[] }>(
        myTeamsQuery,
        {},
        rita.session,
      );
      expect(mine.data?.myTeams.find((t) => t.name === team)?.role).toBe(role);
    }
  });

  it('answers NOT_FOUND for a user who is not a member', async () => {
    const result = await graphql(
      changeRole,
      { team, userId: pete.user.id, role: 'ADMIN' },
      olga.session,
    );
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect(await membershipOf(team, pete.user.id)).toBeNull();
  });

  it('never demotes or removes the last admin', async () => {
    expect(await adminsOf(team)).toEqual(['olga']);
    for (const role of ['MEMBER', 'VIEW_ONLY']) {
      const demote = await graphql(changeRole, { team, userId: olga.user.id, role }, olga.session);
      expect(errorCode(demote)).toBe('BAD_INPUT');
      expect(demote.errors?.[0]?.message).toMatch(/last admin cannot be demoted/);
    }
    const leave = await graphql(removeMutation, { team, userId: olga.user.id }, olga.session);
    expect(errorCode(leave)).toBe('BAD_INPUT');
    expect(leave.errors?.[0]?.message).toMatch(/last admin cannot be removed/);
    expect(await adminsOf(team)).toEqual(['olga']);

    // With a second admin, the first may step down; then the second is the last one.
    expectOk(
      await graphql(changeRole, { team, userId: rita.user.id, role: 'ADMIN' }, olga.session),
    );
    expectOk(
      await graphql(changeRole, { team, userId: olga.user.id, role: 'MEMBER' }, olga.session),
    );
    expect(await adminsOf(team)).toEqual(['rita']);
    const removeLast = await graphql(removeMutation, { team, userId: rita.user.id }, rita.session);
    expect(errorCode(removeLast)).toBe('BAD_INPUT');
    // Restore: olga admin again, rita member.
    expectOk(
      await graphql(changeRole, { team, userId: olga.user.id, role: 'ADMIN' }, rita.session),
    );
    expectOk(
      await graphql(changeRole, { team, userId: rita.user.id, role: 'MEMBER' }, olga.session),
    );
    expect(await adminsOf(team)).toEqual(['olga']);
  });

  it('lets members leave on their own, and nobody else remove them', async () => {
    const leaver = await createVerifiedUser('leaver');
    const viewOnly = await createVerifiedUser('viewer-leaver');
    await addMember(team, leaver.user.id, 'MEMBER');
    await addMember(team, viewOnly.user.id, 'VIEW_ONLY');

    // A member removing someone else: FORBIDDEN.
    const byPeer = await graphql(
      removeMutation,
      { team, userId: viewOnly.user.id },
      leaver.session,
    );
    expect(errorCode(byPeer)).toBe('FORBIDDEN');
    expect(await membershipOf(team, viewOnly.user.id)).not.toBeNull();

    for (const person of [leaver, viewOnly]) {
      expectOk(await graphql(removeMutation, { team, userId: person.user.id }, person.session));
      expect(await membershipOf(team, person.user.id)).toBeNull();
      const mine = await graphql<{ myTeams: unknown[] }>(myTeamsQuery, {}, person.session);
      expect(mine.data?.myTeams).toEqual([]);
    }
    // Leaving a team one is not in is no way in: FORBIDDEN, not NOT_FOUND.
    const notIn = await graphql(removeMutation, { team, userId: pete.user.id }, pete.session);
    expect(errorCode(notIn)).toBe('FORBIDDEN');
  });

  it('lets an admin remove another admin', async () => {
    const other = await insertUser('other-admin');
    await addMember(team, other.id, 'ADMIN');
    expectOk(await graphql(removeMutation, { team, userId: other.id }, olga.session));
    expect(await membershipOf(team, other.id)).toBeNull();
  });
});

describe('two admins demoting or removing each other at the same moment', () => {
  // Each round starts from exactly two admins; whatever the interleaving, one wins.
  it.each([
    ['demote', changeRole, (userId: string) => ({ role: 'MEMBER', userId })],
    ['remove', removeMutation, (userId: string) => ({ userId })],
  ] as const)('%s: exactly one succeeds and one admin remains', async (verb, mutation, vars) => {
    const team = `duo-${verb}`;
    await createTeamVia(olga.session, team, { organizationId: vision.organizationId });
    const partner = await createVerifiedUser(`partner-${verb}`);
    await addMember(team, partner.user.id, 'MEMBER');
    for (let round = 0; round < 8; round++) {
      // Back to two admins (the loser of the last round may have been demoted or removed).
      for (const person of [olga, partner]) {
        const existing = await membershipOf(team, person.user.id);
        if (existing) {
          await getPrisma().membership.update({
            where: { id: existing.id },
            data: { role: 'ADMIN' },
          });
        } else {
          await addMember(team, person.user.id, 'ADMIN');
        }
      }
      expect(await adminsOf(team)).toHaveLength(2);

      const results = await Promise.all([
        graphql(mutation, { team, ...vars(partner.user.id) }, olga.session),
        graphql(mutation, { team, ...vars(olga.user.id) }, partner.session),
      ]);
      const succeeded = results.filter((r) => r.errors === undefined);
      expect(succeeded, `round ${round}`).toHaveLength(1);
      const loser = results.find((r) => r.errors !== undefined)!;
      // The loser either lost the race inside the lock (BAD_INPUT: last admin) or had
      // already lost admin rights when it was checked (FORBIDDEN).
      expect(['BAD_INPUT', 'FORBIDDEN']).toContain(errorCode(loser));
      expect(await adminsOf(team), `round ${round}`).toHaveLength(1);
    }
  });
});

describe('custom roles', () => {
  const team = 'customs';
  let adam: User; // a team admin, not an organization admin
  let cora: User;
  let roleId = '';

  beforeAll(async () => {
    await createTeamVia(olga.session, team, { organizationId: vision.organizationId });
    adam = await createVerifiedUser('adam');
    cora = await createVerifiedUser('cora');
    await addMember(team, adam.user.id, 'ADMIN');
    await addMember(team, cora.user.id, 'VIEW_ONLY');
  });

  const createRole = (
    variables: { name: string; baseRole: string; permissions: string[]; org?: string },
    as: As,
  ) =>
    graphql<{
      createCustomRole: { id: string; name: string; baseRole: string; permissions: string[] };
    }>(
      `
        mutation (
          $org: ID!
          $name: String!
          $baseRole: TeamRole!
          $permissions: [TeamPermission!]!
        ) {
          createCustomRole(
            organizationId: $org
            name: $name
            baseRole: $baseRole
            permissions: $permissions
          ) {
            id
            name
            baseRole
            permissions
          }
        }
      `,
      { org: vision.organizationId, ...variables },
      as,
    );

  it('are composed by organization admins only, from View-only or Member', async () => {
    const created = await createRole(
      { name: 'Recruiter', baseRole: 'VIEW_ONLY', permissions: ['TEAM_INVITE'] },
      olga.session,
    );
    expect(created.data?.createCustomRole).toEqual({
      id: expect.any(String),
      name: 'Recruiter',
      baseRole: 'VIEW_ONLY',
      permissions: ['TEAM_INVITE'],
    });
    roleId = created.data!.createCustomRole.id;

    const byTeamAdmin = await createRole(
      { name: 'Sneaky', baseRole: 'MEMBER', permissions: ['TEAM_MANAGE_SETTINGS'] },
      adam.session,
    );
    expect(errorCode(byTeamAdmin)).toBe('FORBIDDEN');
    const duplicate = await createRole(
      { name: 'Recruiter', baseRole: 'MEMBER', permissions: [] },
      olga.session,
    );
    expect(duplicate.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      fields: [{ field: 'name', message: 'is taken' }],
    });
    const adminBased = await createRole(
      { name: 'Boss', baseRole: 'ADMIN', permissions: [] },
      olga.session,
    );
    expect(adminBased.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'baseRole' }],
    });
    const shortName = await createRole(
      { name: 'x', baseRole: 'MEMBER', permissions: [] },
      olga.session,
    );
    expect(fieldsOf(shortName)).toEqual([
      { field: 'name', message: 'must be at least 2 characters' },
    ]);
    expect(
      await getPrisma().customRole.count({ where: { name: { in: ['Sneaky', 'Boss', 'x'] } } }),
    ).toBe(0);
  });

  it('are assigned by team admins and decide the member’s permissions', async () => {
    // Before: a view-only member cannot invite.
    const before = await graphql(
      inviteMutation,
      { team, email: 'recruit-0@example.com', role: 'MEMBER' },
      cora.session,
    );
    expect(errorCode(before)).toBe('FORBIDDEN');

    expectOk(
      await graphql(
        changeRole,
        { team, userId: cora.user.id, role: 'VIEW_ONLY', customRoleId: roleId },
        adam.session,
      ),
    );
    const listed = await graphql<{
      team: {
        customRoles: { name: string }[];
        members: { username: string; role: string; customRoleName: string | null }[];
      };
    }>(
      `
        query ($team: String!) {
          team(name: $team) {
            customRoles {
              name
            }
            members {
              username
              role
              customRoleName
            }
          }
        }
      `,
      { team },
      adam.session,
    );
    expect(listed.data?.team.customRoles.map((r) => r.name)).toContain('Recruiter');
    expect(listed.data?.team.members).toContainEqual({
      username: 'cora',
      role: 'VIEW_ONLY',
      customRoleName: 'Recruiter',
    });

    // After: she can invite, and nothing else an admin can.
    const invited = await graphql(
      inviteMutation,
      { team, email: 'recruit-1@example.com', role: 'MEMBER' },
      cora.session,
    );
    expect(invited.errors).toBeUndefined();
    expect(await getPrisma().invite.count({ where: { email: 'recruit-1@example.com' } })).toBe(1);
    const readMembers = await graphql(
      `
        query ($team: String!) {
          team(name: $team) {
            members {
              username
            }
          }
        }
      `,
      { team },
      cora.session,
    );
    expect(errorCode(readMembers)).toBe('FORBIDDEN');
    const promote = await graphql(
      changeRole,
      { team, userId: cora.user.id, role: 'ADMIN' },
      cora.session,
    );
    expect(errorCode(promote)).toBe('FORBIDDEN');

    // Back to plain View-only: the extra permission goes with the role.
    expectOk(
      await graphql(changeRole, { team, userId: cora.user.id, role: 'VIEW_ONLY' }, adam.session),
    );
    const afterwards = await graphql(
      inviteMutation,
      { team, email: 'recruit-2@example.com', role: 'MEMBER' },
      cora.session,
    );
    expect(errorCode(afterwards)).toBe('FORBIDDEN');
    expect((await membershipOf(team, cora.user.id))?.customRoleId).toBeNull();
  });

  it('do not let an inviter hand out a higher role than their own', async () => {
    // team:invite alone must not mint admins: a Recruiter could otherwise invite a second
    // account of theirs as Admin and take the team over.
    expectOk(
      await graphql(
        changeRole,
        { team, userId: cora.user.id, role: 'VIEW_ONLY', customRoleId: roleId },
        adam.session,
      ),
    );
    const result = await graphql(
      inviteMutation,
      { team, email: 'cora.alt@example.com', role: 'ADMIN' },
      cora.session,
    );
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await getPrisma().invite.count({ where: { email: 'cora.alt@example.com' } })).toBe(0);
  });

  it('of another organization cannot be assigned', async () => {
    const other = await createTeamVia(pete.session, 'pete-roles', {
      newOrganizationName: 'Pete Roles Org',
    });
    const foreign = expectOk(
      await createRole(
        {
          name: 'Foreign',
          baseRole: 'MEMBER',
          permissions: ['TEAM_INVITE'],
          org: other.organizationId,
        },
        pete.session,
      ),
    );
    const result = await graphql(
      changeRole,
      { team, userId: cora.user.id, role: 'MEMBER', customRoleId: foreign.createCustomRole.id },
      adam.session,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'customRoleId' }],
    });
    expect((await membershipOf(team, cora.user.id))?.customRoleId).not.toBe(
      foreign.createCustomRole.id,
    );
  });

  it('cannot be given to the last admin', async () => {
    const solo = await createTeamVia(olga.session, 'solo', {
      organizationId: vision.organizationId,
    });
    const result = await graphql(
      changeRole,
      { team: solo.name, userId: olga.user.id, role: 'VIEW_ONLY', customRoleId: roleId },
      olga.session,
    );
    expect(errorCode(result)).toBe('BAD_INPUT');
    expect(await adminsOf(solo.name)).toEqual(['olga']);
  });
});

describe('service accounts', () => {
  const team = 'robots';
  const create = (name: string, as: As = olga.session) =>
    graphql<{ createServiceAccount: { id: string; name: string; secret: string } }>(
      `
        mutation ($team: String!, $name: String!) {
          createServiceAccount(team: $team, name: $name) {
            id
            name
            secret
          }
        }
      `,
      { team, name },
      as,
    );

  beforeAll(async () => {
    await createTeamVia(olga.session, team, { organizationId: vision.organizationId });
  });

  it('authenticate with their key, cannot read team settings, and die with their account', async () => {
    const created = expectOk(await create('ci-bot')).createServiceAccount;
    expect(created.name).toBe('ci-bot');
    expect(created.secret).toMatch(/^sxt_/);
    const key: As = { authorization: `Bearer ${created.secret}` };

    const asRobot = await graphql<{
      team: { name: string; viewerRole: string | null; settings: unknown };
    }>(
      `
        query ($team: String!) {
          team(name: $team) {
            name
            viewerRole
            settings {
              forcePrivateProjects
            }
          }
        }
      `,
      { team },
      key,
    );
    expect(asRobot.status).toBe(200);
    expect(asRobot.data?.team).toEqual({ name: team, viewerRole: null, settings: null });
    expect(asRobot.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const listed = expectOk(
      await graphql<{
        team: {
          serviceAccounts: {
            id: string;
            name: string;
            keyPrefix: string;
            lastUsedAt: string | null;
          }[];
        };
      }>(
        `
          query ($team: String!) {
            team(name: $team) {
              serviceAccounts {
                id
                name
                keyPrefix
                lastUsedAt
              }
            }
          }
        `,
        { team },
        olga.session,
      ),
    ).team.serviceAccounts;
    expect(listed).toEqual([
      {
        id: created.id,
        name: 'ci-bot',
        keyPrefix: created.secret.slice(0, 12),
        lastUsedAt: expect.any(String),
      },
    ]);
    expect(listed[0]!.keyPrefix).not.toBe(created.secret);

    expectOk(
      await graphql(
        `
          mutation ($team: String!, $id: ID!) {
            deleteServiceAccount(team: $team, id: $id)
          }
        `,
        { team, id: created.id },
        olga.session,
      ),
    );
    const dead = await graphql(
      `
        query ($team: String!) {
          team(name: $team) {
            name
          }
        }
      `,
      { team },
      key,
    );
    expect(dead.status).toBe(401);
    expect(dead.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await getPrisma().apiKey.count({ where: { serviceAccountId: created.id } })).toBe(0);
  });

  it('validate names and refuse duplicates', async () => {
    expectOk(await create('nightly'));
    const duplicate = await create('nightly');
    expect(duplicate.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      fields: [{ field: 'name', message: 'is taken' }],
    });
    const bad = await create('<script>');
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'name' }],
    });
    expect(await getPrisma().serviceAccount.count({ where: { team: { name: team } } })).toBe(1);
  });

  it('of another team cannot be deleted through this one', async () => {
    const outsider = await createTeamVia(pete.session, 'pete-robots', {
      newOrganizationName: 'Pete Robots Org',
    });
    const theirs = expectOk(
      await graphql<{ createServiceAccount: { id: string } }>(
        `
          mutation ($team: String!) {
            createServiceAccount(team: $team, name: "theirs") {
              id
            }
          }
        `,
        { team: outsider.name },
        pete.session,
      ),
    ).createServiceAccount;
    const result = await graphql(
      `
        mutation ($team: String!, $id: ID!) {
          deleteServiceAccount(team: $team, id: $id)
        }
      `,
      { team, id: theirs.id },
      olga.session,
    );
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect(await getPrisma().serviceAccount.count({ where: { id: theirs.id } })).toBe(1);
  });
});

describe('team profile and settings', () => {
  const team = 'profiled';
  const updateProfile = (
    intro: string,
    links: { label: string; url: string }[],
    as: As = olga.session,
  ) =>
    graphql(
      `
        mutation ($team: String!, $intro: String!, $links: [TeamLinkInput!]!) {
          updateTeamProfile(team: $team, intro: $intro, links: $links)
        }
      `,
      { team, intro, links },
      as,
    );
  const updateSettings = (input: Record<string, unknown>) =>
    graphql<{ updateTeamSettings: Record<string, unknown> }>(
      `
        mutation ($team: String!, $input: TeamSettingsInput!) {
          updateTeamSettings(team: $team, input: $input) {
            forcePrivateProjects
            codeSavingDefault
            runFinishedSlack
            slackWebhookUrl
          }
        }
      `,
      {
        team,
        input: {
          forcePrivateProjects: false,
          codeSavingDefault: false,
          runFinishedEmail: false,
          runFinishedSlack: false,
          runCrashedEmail: true,
          runCrashedSlack: false,
          ...input,
        },
      },
      olga.session,
    );

  beforeAll(async () => {
    await createTeamVia(olga.session, team, { organizationId: vision.organizationId });
  });

  it('saves the intro and links, which anyone can read on the profile', async () => {
    const links = [{ label: 'Lab site', url: 'https://lab.example.com' }];
    expectOk(await updateProfile('# Hello', links));
    const profile = await graphql<{
      team: { intro: string; links: unknown[]; memberCount: number };
    }>(
      `
        query ($team: String!) {
          team(name: $team) {
            intro
            links {
              label
              url
            }
            memberCount
          }
        }
      `,
      { team },
    );
    expect(profile.data?.team).toEqual({ intro: '# Hello', links, memberCount: 1 });
  });

  it('refuses bad links with the field, changing nothing', async () => {
    const cases = [
      [[{ label: 'Evil', url: 'javascript:alert(1)' }], 'links.0.url'],
      [
        [
          { label: 'Ok', url: 'https://ok.example.com' },
          { label: 'Rel', url: '/relative' },
        ],
        'links.1.url',
      ],
      [[{ label: '  ', url: 'https://ok.example.com' }], 'links.0.label'],
    ] as const;
    for (const [links, field] of cases) {
      const result = await updateProfile('changed', [...links]);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_INPUT',
        fields: [{ field }],
      });
    }
    const tooMany = await updateProfile(
      'changed',
      Array.from({ length: 11 }, (_, i) => ({ label: `L${i}`, url: `https://e.example.com/${i}` })),
    );
    expect(fieldsOf(tooMany)).toEqual([{ field: 'links', message: 'at most 10 links' }]);
    const stored = await getPrisma().team.findUniqueOrThrow({ where: { name: team } });
    expect(stored.intro).toBe('# Hello');
  });

  it('saves settings and refuses Slack alerts without a valid https webhook', async () => {
    const saved = expectOk(
      await updateSettings({ forcePrivateProjects: true, codeSavingDefault: true }),
    );
    expect(saved.updateTeamSettings).toEqual({
      forcePrivateProjects: true,
      codeSavingDefault: true,
      runFinishedSlack: false,
      slackWebhookUrl: null,
    });
    const missing = await updateSettings({ runFinishedSlack: true });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'slackWebhookUrl' }],
    });
    const insecure = await updateSettings({
      runFinishedSlack: true,
      slackWebhookUrl: 'http://hooks.slack.com/services/x',
    });
    expect(insecure.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'slackWebhookUrl', message: 'must be an https:// URL' }],
    });
    const stored = await getPrisma().team.findUniqueOrThrow({ where: { name: team } });
    expect([
      stored.forcePrivateProjects,
      stored.alertRunFinishedSlack,
      stored.slackWebhookUrl,
    ]).toEqual([true, false, null]);
    const slack = expectOk(
      await updateSettings({
        runFinishedSlack: true,
        slackWebhookUrl: 'https://hooks.slack.com/services/x',
      }),
    );
    expect(slack.updateTeamSettings).toMatchObject({
      runFinishedSlack: true,
      slackWebhookUrl: 'https://hooks.slack.com/services/x',
    });
  });
});

describe('myTeams and deleting a team', () => {
  it("lists the viewer's teams by name with their roles, and nothing for anonymous requests", async () => {
    const tess = await createVerifiedUser('tess');
    await createTeamVia(olga.session, 'gamma-team', { organizationId: vision.organizationId });
    await createTeamVia(pete.session, 'alpha-team', { newOrganizationName: 'Alpha Org' });
    await createTeamVia(olga.session, 'beta-team', { organizationId: vision.organizationId });
    await addMember('gamma-team', tess.user.id, 'VIEW_ONLY');
    await addMember('alpha-team', tess.user.id, 'ADMIN');
    const role = await getPrisma().customRole.create({
      data: {
        organizationId: vision.organizationId,
        name: 'Tess role',
        baseRole: 'MEMBER',
        permissions: [],
      },
    });
    await addMember('beta-team', tess.user.id, 'VIEW_ONLY', { customRoleId: role.id });
    await addMember('beta-team', pete.user.id, 'MEMBER');
    const mine = await graphql<{ myTeams: unknown[] }>(myTeamsQuery, {}, tess.session);
    expect(mine.data?.myTeams).toEqual([
      { name: 'alpha-team', role: 'ADMIN', organizationName: 'Alpha Org', memberCount: 2 },
      // A custom role shows as its base role.
      { name: 'beta-team', role: 'MEMBER', organizationName: 'Vision Org', memberCount: 3 },
      { name: 'gamma-team', role: 'VIEW_ONLY', organizationName: 'Vision Org', memberCount: 2 },
    ]);
    expect((await graphql(myTeamsQuery)).data).toEqual({ myTeams: [] });
  });

  it('by a system admin removes it with its memberships and frees its name', async () => {
    const doomed = await createTeamVia(olga.session, 'doomed', {
      organizationId: vision.organizationId,
    });
    expectOk(
      await graphql(
        `
          mutation {
            deleteTeam(name: "doomed")
          }
        `,
        {},
        sysop.session,
      ),
    );
    expect(await entityExists(doomed.name)).toBe(false);
    expect(await getPrisma().membership.count({ where: { team: { name: doomed.name } } })).toBe(0);
    const mine = await graphql<{ myTeams: { name: string }[] }>(myTeamsQuery, {}, olga.session);
    expect(mine.data?.myTeams.map((t) => t.name)).not.toContain('doomed');
    expect(
      errorCode(
        await graphql(`
          {
            team(name: "doomed") {
              name
            }
          }
        `),
      ),
    ).toBe('NOT_FOUND');
    // The name is free again.
    expect(
      (await createTeam({ name: 'doomed', organizationId: vision.organizationId }, olga.session))
        .errors,
    ).toBeUndefined();
  });
});
