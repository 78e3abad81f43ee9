import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, type As, type GraphQLResponse } from '../helpers/graphql';
import {
  addMember,
  createTeamVia,
  errorCode,
  expectOk,
  insertUser,
  membershipOf,
} from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// Set before any app module reads the environment (getEnv() caches per test file).
process.env.AUTH_SECRET = testAuthSecret;
process.env.LOG_LEVEL = 'silent';
delete process.env.SMTP_URL;
const { getPrisma } = await import('@/lib/db/prisma');

/**
 * Custom roles end to end through the GraphQL endpoint: who may compose, change and delete
 * them (organization admins only), what happens to their holders, and that a holder gets
 * exactly the base role plus the extras from the permission catalog. Also the team profile
 * showcase, which team admins choose and every viewer sees filtered by visibility.
 */

type User = Awaited<ReturnType<typeof createVerifiedUser>>;
let sysop: User; // first user: system admin, member of nothing
let olga: User; // organization admin, created the team (its first admin)
let adam: User; // team admin, not an organization admin
let mike: User; // member
let cora: User; // view-only; gets custom roles in the tests
let pete: User; // admin of another organization
const team = 'forge';
let organizationId = '';

const roleFields = 'id name baseRole permissions memberCount';
const createMutation = `
  mutation ($org: ID!, $name: String!, $baseRole: TeamRole!, $permissions: [TeamPermission!]!) {
    createCustomRole(organizationId: $org, name: $name, baseRole: $baseRole, permissions: $permissions) { ${roleFields} }
  }`;
const updateMutation = `
  mutation ($id: ID!, $name: String!, $baseRole: TeamRole!, $permissions: [TeamPermission!]!) {
    updateCustomRole(id: $id, name: $name, baseRole: $baseRole, permissions: $permissions) { ${roleFields} }
  }`;
const deleteMutation = `mutation ($id: ID!) { deleteCustomRole(id: $id) }`;
const changeRole = `
  mutation ($team: String!, $userId: ID!, $role: TeamRole!, $customRoleId: ID) {
    changeMemberRole(team: $team, userId: $userId, role: $role, customRoleId: $customRoleId)
  }`;

interface RoleData {
  id: string;
  name: string;
  baseRole: string;
  permissions: string[];
  memberCount: number;
}

let serial = 0;
const unique = (prefix: string) => `${prefix} ${++serial}`;

const createRole = (
  as: As,
  input: { name?: string; baseRole?: string; permissions?: string[]; org?: string } = {},
) =>
  graphql<{ createCustomRole: RoleData }>(
    createMutation,
    {
      org: input.org ?? organizationId,
      name: input.name ?? unique('Role'),
      baseRole: input.baseRole ?? 'VIEW_ONLY',
      permissions: input.permissions ?? ['RUN_LOG'],
    },
    as,
  );

/** A role made by the organization admin, for tests about someone else changing it. */
async function olgasRole(input: Parameters<typeof createRole>[1] = {}) {
  return expectOk(await createRole(olga.session, input)).createCustomRole;
}

async function assign(userId: string, roleId: string | null, role = 'VIEW_ONLY') {
  expectOk(await graphql(changeRole, { team, userId, role, customRoleId: roleId }, adam.session));
}

const upsertRun = (as: As, project: string, id: string) =>
  graphql(
    `
      mutation ($input: UpsertRunInput!) {
        upsertRun(input: $input) {
          id
        }
      }
    `,
    { input: { entity: team, project, id } },
    as,
  );
const stopRun = (as: As, project: string, id: string) =>
  graphql(
    `
      mutation ($run: RunTarget!) {
        stopRun(run: $run) {
          state
        }
      }
    `,
    { run: { entity: team, project, id } },
    as,
  );
const runExists = async (project: string, runId: string) =>
  (await getPrisma().run.count({ where: { runId, project: { name: project } } })) === 1;

beforeAll(async () => {
  sysop = await createVerifiedUser('sysop');
  expect(sysop.user.isSystemAdmin).toBe(true);
  olga = await createVerifiedUser('olga');
  adam = await createVerifiedUser('adam');
  mike = await createVerifiedUser('mike');
  cora = await createVerifiedUser('cora');
  pete = await createVerifiedUser('pete');
  ({ organizationId } = await createTeamVia(olga.session, team, {
    newOrganizationName: 'Forge Org',
  }));
  await createTeamVia(pete.session, 'elsewhere', { newOrganizationName: 'Elsewhere Org' });
  await addMember(team, adam.user.id, 'ADMIN');
  await addMember(team, mike.user.id, 'MEMBER');
  await addMember(team, cora.user.id, 'VIEW_ONLY');
});

describe('composing custom roles', () => {
  /** Who may create, update and delete a role of Forge Org, and who is refused with what. */
  const refused: [string, () => As, string][] = [
    ['an anonymous request', () => undefined, 'UNAUTHENTICATED'],
    ['a team admin who is no organization admin', () => adam.session, 'FORBIDDEN'],
    ['a member', () => mike.session, 'FORBIDDEN'],
    ['a view-only member', () => cora.session, 'FORBIDDEN'],
    ["another organization's admin", () => pete.session, 'FORBIDDEN'],
  ];
  const allowed: [string, () => As][] = [
    ['the organization admin', () => olga.session],
    ['a system admin', () => sysop.session],
  ];

  for (const [who, as] of allowed) {
    it(`${who} creates, updates and deletes a role`, async () => {
      const created = expectOk(
        await createRole(as(), { name: unique('Runner'), permissions: ['RUN_LOG'] }),
      ).createCustomRole;
      expect(created).toMatchObject({ baseRole: 'VIEW_ONLY', permissions: ['RUN_LOG'] });
      const name = unique('Janitor');
      const updated = expectOk(
        await graphql<{ updateCustomRole: RoleData }>(
          updateMutation,
          { id: created.id, name, baseRole: 'MEMBER', permissions: ['RUN_DELETE', 'RUN_STOP'] },
          as(),
        ),
      ).updateCustomRole;
      expect(updated).toEqual({
        id: created.id,
        name,
        baseRole: 'MEMBER',
        permissions: ['RUN_DELETE', 'RUN_STOP'],
        memberCount: 0,
      });
      expectOk(await graphql(deleteMutation, { id: created.id }, as()));
      expect(await getPrisma().customRole.count({ where: { id: created.id } })).toBe(0);
    });
  }

  for (const [who, as, code] of refused) {
    it(`refuses ${who} (${code}) and changes nothing`, async () => {
      const name = unique('Refused');
      const create = await createRole(as(), { name });
      expect(create.errors?.map((e) => e.extensions?.code)).toEqual([code]);
      expect(await getPrisma().customRole.count({ where: { name } })).toBe(0);

      const role = await olgasRole({ permissions: ['ARTIFACT_DOWNLOAD'] });
      const update = await graphql(
        updateMutation,
        { id: role.id, name: unique('Hijacked'), baseRole: 'MEMBER', permissions: ['RUN_LOG'] },
        as(),
      );
      expect(errorCode(update)).toBe(code);
      const remove = await graphql(deleteMutation, { id: role.id }, as());
      expect(errorCode(remove)).toBe(code);
      const stored = await getPrisma().customRole.findUniqueOrThrow({ where: { id: role.id } });
      expect([stored.name, stored.baseRole, stored.permissions]).toEqual([
        role.name,
        'VIEW_ONLY',
        ['artifact:download'],
      ]);
    });
  }

  it('refuses the admin-only permissions, naming the field, and keeps nothing', async () => {
    const name = unique('Boss');
    const result = await createRole(olga.session, {
      name,
      baseRole: 'MEMBER',
      permissions: ['RUN_DELETE', 'TEAM_MANAGE_SETTINGS'],
    });
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'BAD_INPUT',
      fields: [{ field: 'permissions', message: 'cannot include team:manage-settings' }],
    });
    expect(await getPrisma().customRole.count({ where: { name } })).toBe(0);

    const role = await olgasRole();
    const update = await graphql(
      updateMutation,
      { id: role.id, name: role.name, baseRole: 'VIEW_ONLY', permissions: ['TEAM_VIEW_SETTINGS'] },
      olga.session,
    );
    expect(errorCode(update)).toBe('BAD_INPUT');
    expect(
      (await getPrisma().customRole.findUniqueOrThrow({ where: { id: role.id } })).permissions,
    ).toEqual(['run:log']);
  });

  it('keeps only the extras that add to the base, in catalog order', async () => {
    const role = await olgasRole({
      baseRole: 'MEMBER',
      // run:log and artifact:download are Member's already; run:delete is only "own" there.
      permissions: ['REPORT_DELETE', 'RUN_LOG', 'RUN_DELETE', 'ARTIFACT_DOWNLOAD'],
    });
    expect(role.permissions).toEqual(['RUN_DELETE', 'REPORT_DELETE']);
  });

  it('answers a taken name with CONFLICT and an unknown role with NOT_FOUND', async () => {
    const first = await olgasRole();
    const second = await olgasRole();
    const rename = await graphql(
      updateMutation,
      { id: second.id, name: first.name, baseRole: 'VIEW_ONLY', permissions: [] },
      olga.session,
    );
    expect(rename.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      fields: [{ field: 'name', message: 'is taken' }],
    });
    expect(
      (await getPrisma().customRole.findUniqueOrThrow({ where: { id: second.id } })).name,
    ).toBe(second.name);
    expect(errorCode(await graphql(deleteMutation, { id: 'no-such-role' }, olga.session))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('holding a custom role', () => {
  it('gives exactly the base role plus the extras, through the catalog', async () => {
    // A run of mike's for the stop checks.
    expectOk(await upsertRun(mike.session, 'shared', 'mikes-run'));

    // View-only plus "log runs": may log, may not stop someone else's run.
    const logger = await olgasRole({ name: 'Logger', permissions: ['RUN_LOG'] });
    await assign(cora.user.id, logger.id);
    expectOk(await upsertRun(cora.session, 'shared', 'coras-run'));
    expect(await runExists('shared', 'coras-run')).toBe(true);
    expect(errorCode(await stopRun(cora.session, 'shared', 'mikes-run'))).toBe('FORBIDDEN');

    // View-only plus something else: logging is refused and no run appears.
    const downloader = await olgasRole({ name: 'Downloader', permissions: ['ARTIFACT_DOWNLOAD'] });
    await assign(cora.user.id, downloader.id);
    const refused = await upsertRun(cora.session, 'shared', 'refused-run');
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await runExists('shared', 'refused-run')).toBe(false);

    // Member plus "stop runs": stops other people's runs, which a plain member cannot.
    expectOk(await upsertRun(adam.session, 'shared', 'adams-run'));
    expect(errorCode(await stopRun(mike.session, 'shared', 'adams-run'))).toBe('FORBIDDEN');
    const stopper = await olgasRole({
      name: 'Stopper',
      baseRole: 'MEMBER',
      permissions: ['RUN_STOP'],
    });
    await assign(cora.user.id, stopper.id, 'MEMBER');
    const stopped = await stopRun(cora.session, 'shared', 'mikes-run');
    expect(stopped.errors).toBeUndefined();
    expect((stopped.data as { stopRun: { state: string } }).stopRun.state).toBe('KILLED');
  });

  it('changes for its holders when the role changes, and falls back to the base on delete', async () => {
    const role = await olgasRole({ name: 'Shifting', permissions: ['RUN_LOG'] });
    await assign(cora.user.id, role.id);
    await getPrisma().invite.create({
      data: {
        team: { connect: { name: team } },
        email: 'shifting@example.com',
        role: 'VIEW_ONLY',
        customRole: { connect: { id: role.id } },
        tokenHash: 'shifting-hash',
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const members = await graphql<{ team: { customRoles: RoleData[] } }>(
      `
        query ($team: String!) {
          team(name: $team) {
            customRoles {
              ${roleFields}
            }
          }
        }
      `,
      { team },
      adam.session,
    );
    expect(members.data?.team.customRoles.find((r) => r.id === role.id)?.memberCount).toBe(1);

    // Rebased on Member: the stored fallback follows, for memberships and invites.
    expectOk(
      await graphql(
        updateMutation,
        { id: role.id, name: 'Shifting', baseRole: 'MEMBER', permissions: ['RUN_STOP'] },
        olga.session,
      ),
    );
    expect((await membershipOf(team, cora.user.id))?.role).toBe('MEMBER');
    expect(
      (await getPrisma().invite.findFirstOrThrow({ where: { email: 'shifting@example.com' } }))
        .role,
    ).toBe('MEMBER');

    const deleted = await graphql<{ deleteCustomRole: number }>(
      deleteMutation,
      { id: role.id },
      olga.session,
    );
    expect(deleted.data?.deleteCustomRole).toBe(1);
    const after = await membershipOf(team, cora.user.id);
    expect([after?.role, after?.customRoleId]).toEqual(['MEMBER', null]);
    const invite = await getPrisma().invite.findFirstOrThrow({
      where: { email: 'shifting@example.com' },
    });
    expect([invite.role, invite.customRoleId]).toEqual(['MEMBER', null]);
    // As a plain Member now: logs runs, cannot stop someone else's.
    expectOk(await upsertRun(cora.session, 'shared', 'after-delete'));
    expect(errorCode(await stopRun(cora.session, 'shared', 'coras-run'))).toBe(undefined);
    expectOk(await upsertRun(mike.session, 'shared', 'mikes-second'));
    expect(errorCode(await stopRun(cora.session, 'shared', 'mikes-second'))).toBe('FORBIDDEN');
    await assign(cora.user.id, null);
  });

  it('may remove members, but only admins remove admins', async () => {
    const remover = await olgasRole({ name: 'Remover', permissions: ['TEAM_REMOVE_MEMBER'] });
    await assign(cora.user.id, remover.id);
    const target = await insertUser('removable');
    await addMember(team, target.id, 'MEMBER');
    const remove = (userId: string) =>
      graphql(
        `
          mutation ($team: String!, $userId: ID!) {
            removeMember(team: $team, userId: $userId)
          }
        `,
        { team, userId },
        cora.session,
      );
    expectOk(await remove(target.id));
    expect(await membershipOf(team, target.id)).toBeNull();
    expect(errorCode(await remove(adam.user.id))).toBe('FORBIDDEN');
    expect((await membershipOf(team, adam.user.id))?.role).toBe('ADMIN');
    await assign(cora.user.id, null);
  });
});

describe('the profile showcase', () => {
  const setShowcase = (projectIds: string[], as: As) =>
    graphql(
      `
        mutation ($team: String!, $ids: [ID!]!) {
          setTeamShowcase(team: $team, projectIds: $ids)
        }
      `,
      { team, ids: projectIds },
      as,
    );
  const showcase = async (as: As) =>
    (
      await graphql<{
        team: { showcasedProjects: { name: string; description: string; runCount: number }[] };
      }>(
        `
          query ($team: String!) {
            team(name: $team) {
              showcasedProjects {
                name
                description
                runCount
              }
            }
          }
        `,
        { team },
        as,
      )
    ).data?.team.showcasedProjects;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const entity = await getPrisma().entity.findUniqueOrThrow({ where: { name: team } });
    for (const [name, visibility] of [
      ['open-data', 'PUBLIC'],
      ['secret-sauce', 'PRIVATE'],
      ['team-notes', 'TEAM'],
    ] as const) {
      const project = await getPrisma().project.create({
        data: { entityId: entity.id, name, visibility, description: `About ${name}` },
      });
      ids[name] = project.id;
    }
    await getPrisma().run.createMany({
      data: ['a', 'b'].map((runId) => ({
        projectId: ids['open-data']!,
        runId,
        displayName: runId,
      })),
    });
  });

  it('is chosen by team admins only, from the team’s own projects', async () => {
    const refusedMember: GraphQLResponse = await setShowcase([ids['open-data']!], mike.session);
    expect(errorCode(refusedMember)).toBe('FORBIDDEN');
    expect(errorCode(await setShowcase([ids['open-data']!], pete.session))).toBe('FORBIDDEN');
    expect(errorCode(await setShowcase([ids['open-data']!], undefined))).toBe('UNAUTHENTICATED');
    const foreign = await getPrisma().project.create({
      data: {
        entityId: (await getPrisma().entity.findUniqueOrThrow({ where: { name: 'elsewhere' } })).id,
        name: 'theirs',
      },
    });
    const wrong = await setShowcase([ids['open-data']!, foreign.id], adam.session);
    expect(wrong.errors?.[0]?.extensions).toEqual({
      code: 'BAD_INPUT',
      fields: [{ field: 'projectIds.1', message: 'is not a project of forge' }],
    });
    const tooMany = await setShowcase(
      Array.from({ length: 7 }, (_, i) => `id-${i}`),
      adam.session,
    );
    expect(tooMany.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'projectIds', message: 'at most 6 projects' },
    ]);
    expect(
      (await getPrisma().team.findUniqueOrThrow({ where: { name: team } })).showcasedProjectIds,
    ).toEqual([]);

    expectOk(
      await setShowcase(
        [ids['secret-sauce']!, ids['open-data']!, ids['team-notes']!],
        adam.session,
      ),
    );
  });

  it('shows each viewer only what they may see, in the chosen order, with run counts', async () => {
    expect(await showcase(mike.session)).toEqual([
      { name: 'secret-sauce', description: 'About secret-sauce', runCount: 0 },
      { name: 'open-data', description: 'About open-data', runCount: 2 },
      { name: 'team-notes', description: 'About team-notes', runCount: 0 },
    ]);
    const outside = [{ name: 'open-data', description: 'About open-data', runCount: 2 }];
    expect(await showcase(pete.session)).toEqual(outside);
    expect(await showcase(undefined)).toEqual(outside);

    // A deleted project simply drops out.
    await getPrisma().project.delete({ where: { id: ids['secret-sauce']! } });
    expect((await showcase(mike.session))?.map((p) => p.name)).toEqual(['open-data', 'team-notes']);
  });
});
