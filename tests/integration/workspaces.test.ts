import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, sessionCookie, type As } from '../helpers/graphql';
import { addMember, createTeamVia, errorCode, expectOk, insertUser } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');

let admin: As;
let member: As;
let viewer: As;
let outsider: As;

const fields = 'personal shared canSavePersonal canSaveShared';
const load = (as: As) =>
  graphql<{ workspace: Record<string, unknown> }>(
    `{ workspace(entity: "lab", project: "vision") { ${fields} } }`,
    {},
    as,
  );
const save = (as: As, scope: 'PERSONAL' | 'SHARED', layout: unknown) =>
  graphql<{ saveWorkspace: Record<string, unknown> }>(
    `mutation ($scope: WorkspaceScope!, $layout: JSON!) {
      saveWorkspace(entity: "lab", project: "vision", scope: $scope, layout: $layout) { ${fields} }
    }`,
    { scope, layout },
    as,
  );

const panel = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  section: 'train',
  xAxis: '_step',
  yKeys: ['train/loss'],
  logY: false,
  logX: false,
  smoothing: 0,
  legend: 'top',
  size: 'medium',
  ...extra,
});
const layout = (...panels: ReturnType<typeof panel>[]) => ({
  version: 1,
  panels,
  dismissedKeys: [],
  collapsedSections: [],
});

async function sessionFor(username: string, role: 'MEMBER' | 'VIEW_ONLY') {
  const user = await insertUser(username);
  await addMember('lab', user.id, role);
  return { session: await sessionCookie(user.id, user.sessionVersion, testAuthSecret) };
}

beforeAll(async () => {
  const owner = await createVerifiedUser('labadmin');
  admin = owner.session;
  await createTeamVia(admin, 'lab', { newOrganizationName: 'Lab org' });
  member = await sessionFor('labmember', 'MEMBER');
  viewer = await sessionFor('labviewer', 'VIEW_ONLY');
  outsider = (await createVerifiedUser('outsider')).session;
  expectOk(
    await graphql(
      `
        mutation {
          upsertRun(input: { entity: "lab", project: "vision", id: "r1" }) {
            id
          }
        }
      `,
      {},
      admin,
    ),
  );
});

describe('workspace layouts', () => {
  it('keeps each person’s own layout, seen by nobody else', async () => {
    const mine = layout(panel('a', { logY: true, smoothing: 0.6, title: 'Loss' }));
    const saved = expectOk(await save(admin, 'PERSONAL', mine)).saveWorkspace;
    expect(saved.personal).toEqual(mine);
    expect(expectOk(await load(admin)).workspace).toMatchObject({
      personal: mine,
      shared: null,
      canSavePersonal: true,
      canSaveShared: true,
    });
    expect(expectOk(await load(member)).workspace.personal).toBeNull();
    // Saving again replaces, it does not add a second layout.
    const again = layout(panel('a', { size: 'large' }), panel('b'));
    expectOk(await save(admin, 'PERSONAL', again));
    expect(expectOk(await load(admin)).workspace.personal).toEqual(again);
    expect(await getPrisma().workspace.count()).toBe(1);
  });

  it('lets members save the shared default, which view-only members see but cannot save', async () => {
    const shared = layout(panel('s', { xAxis: '_runtime', legend: 'right' }));
    expectOk(await save(member, 'SHARED', shared));
    const seen = expectOk(await load(viewer)).workspace;
    expect(seen).toMatchObject({
      shared,
      personal: null,
      canSaveShared: false,
      canSavePersonal: true,
    });
    const refused = await save(viewer, 'SHARED', layout());
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(expectOk(await load(admin)).workspace.shared).toEqual(shared);
    // Their own view is theirs to keep.
    expectOk(await save(viewer, 'PERSONAL', layout(panel('v'))));
    expect(expectOk(await load(viewer)).workspace.personal).toEqual(layout(panel('v')));
  });

  it('resets a person’s layout back to the shared default', async () => {
    const reset = expectOk(
      await graphql<{ resetWorkspace: { personal: unknown; shared: unknown } }>(
        `
          mutation {
            resetWorkspace(entity: "lab", project: "vision") {
              personal
              shared
            }
          }
        `,
        {},
        viewer,
      ),
    ).resetWorkspace;
    expect(reset.personal).toBeNull();
    expect(reset.shared).not.toBeNull();
    expect(expectOk(await load(admin)).workspace.personal).not.toBeNull();
  });

  it('hides a team project from outsiders and anonymous visitors', async () => {
    expect(errorCode(await load(outsider))).toBe('NOT_FOUND');
    expect(errorCode(await save(outsider, 'PERSONAL', layout()))).toBe('NOT_FOUND');
    expect(errorCode(await load(undefined))).toBe('NOT_FOUND');
  });

  it('shows a public project’s default to anyone, but only signed-in people save a layout', async () => {
    await getPrisma().project.updateMany({
      where: { name: 'vision' },
      data: { visibility: 'PUBLIC' },
    });
    const anonymous = expectOk(await load(undefined)).workspace;
    expect(anonymous).toMatchObject({ canSavePersonal: false, canSaveShared: false });
    expect(anonymous.shared).not.toBeNull();
    expect(errorCode(await save(undefined, 'PERSONAL', layout()))).toBe('UNAUTHENTICATED');
    expect(expectOk(await load(outsider)).workspace.canSaveShared).toBe(false);
    expect(errorCode(await save(outsider, 'SHARED', layout()))).toBe('FORBIDDEN');
  });

  it('refuses a malformed layout naming the field, and stores nothing', async () => {
    const before = expectOk(await load(admin)).workspace.personal;
    const result = await save(admin, 'PERSONAL', layout(panel('x', { size: 'huge' })));
    expect(errorCode(result)).toBe('BAD_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/layout\.panels\.0\.size/);
    expect(expectOk(await load(admin)).workspace.personal).toEqual(before);
  });
});
