import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { can, type TeamAccess, type TeamResource } from './catalog';
import type { TeamPermission, TeamRoleName } from './team-grants';

/**
 * ../shared/PERMISSIONS.md, cell by cell: ✓ = allowed, 'own' = only on what the actor
 * created, '' = refused. Columns: View-only, Member, Admin.
 */
const spec: Record<TeamPermission, [string, string, string]> = {
  'team:invite': ['', '', '✓'],
  'team:remove-member': ['', '', '✓'],
  'team:manage-settings': ['', '', '✓'],
  'team:view-settings': ['', '', '✓'],
  'run:view': ['✓', '✓', '✓'],
  'run:view-environment': ['✓', '✓', '✓'],
  'workspace:edit': ['', '✓', '✓'],
  'run:log': ['', '✓', '✓'],
  'run:delete': ['', 'own', '✓'],
  'run:stop': ['', 'own', '✓'],
  'run:edit': ['', '✓', '✓'],
  'run:move': ['', 'own', '✓'],
  'project:create': ['', '✓', '✓'],
  'project:manage': ['', 'own', '✓'],
  'project:delete': ['', 'own', '✓'],
  'report:view': ['✓', '✓', '✓'],
  'report:comment': ['✓', '✓', '✓'],
  'report:create': ['', '✓', '✓'],
  'report:edit': ['', 'own', '✓'],
  'report:delete': ['', 'own', '✓'],
  'artifact:view': ['✓', '✓', '✓'],
  'artifact:create': ['', '✓', '✓'],
  'artifact:delete': ['', '✓', '✓'],
  'artifact:edit-metadata': ['', '✓', '✓'],
  'artifact:edit-aliases': ['', '✓', '✓'],
  'artifact:delete-aliases': ['', '✓', '✓'],
  'artifact:download': ['', '✓', '✓'],
  'registry:view': ['✓', '✓', '✓'],
  'registry:download': ['✓', '✓', '✓'],
  'registry:add-aliases': ['', '✓', '✓'],
  'registry:add-models': ['', '✓', '✓'],
  'registry:manage-admins': ['', '', '✓'],
  'registry:manage-protected-aliases': ['', '', ''],
};

const me = 'user-me';
const someoneElse = 'user-other';
const user = (via: 'session' | 'api-key' = 'session'): Actor => ({
  kind: 'user',
  userId: me,
  username: 'me',
  isSystemAdmin: false,
  via,
});
const access = (role: TeamRoleName | null, extra: Partial<TeamAccess> = {}): TeamAccess => ({
  teamId: 'team-1',
  role,
  extraPermissions: [],
  isRegistryAdmin: false,
  ...extra,
});
const roles: TeamRoleName[] = ['VIEW_ONLY', 'MEMBER', 'ADMIN'];

describe('team permission tables', () => {
  for (const [permission, cells] of Object.entries(spec) as [
    TeamPermission,
    [string, string, string],
  ][]) {
    roles.forEach((role, column) => {
      const cell = cells[column];
      it(`${role} ${cell || '✗'} ${permission}`, () => {
        const onOwn: TeamResource = { access: access(role), createdById: me };
        const onOthers: TeamResource = { access: access(role), createdById: someoneElse };
        expect(can(user(), permission, onOwn)).toBe(cell !== '');
        expect(can(user(), permission, onOthers)).toBe(cell === '✓');
      });
    });
  }

  it('registry admins manage protected aliases and registry admins, which team admins cannot', () => {
    const registryAdmin = access('VIEW_ONLY', { isRegistryAdmin: true });
    for (const permission of [
      'registry:manage-protected-aliases',
      'registry:manage-admins',
      'registry:add-aliases',
    ] as const) {
      expect(can(user(), permission, { access: registryAdmin })).toBe(true);
    }
    expect(can(user(), 'registry:manage-protected-aliases', { access: access('ADMIN') })).toBe(
      false,
    );
  });

  it('a custom role adds its extra permissions to its base role, and nothing else', () => {
    const custom = access('VIEW_ONLY', { extraPermissions: ['artifact:download', 'run:delete'] });
    expect(can(user(), 'artifact:download', { access: custom })).toBe(true);
    expect(can(user(), 'run:delete', { access: custom, createdById: someoneElse })).toBe(true);
    expect(can(user(), 'run:log', { access: custom })).toBe(false);
    expect(can(user(), 'team:invite', { access: custom })).toBe(false);
  });

  it('view-only members have no API-key access to the team; members keep it', () => {
    expect(can(user('api-key'), 'run:view', { access: access('VIEW_ONLY') })).toBe(false);
    expect(can(user('api-key'), 'run:log', { access: access('MEMBER') })).toBe(true);
  });

  it('a custom role built on View-only works over API keys with the whole role', () => {
    const logger = access('VIEW_ONLY', { extraPermissions: ['run:log'] });
    expect(can(user('api-key'), 'run:log', { access: logger })).toBe(true);
    expect(can(user('api-key'), 'run:view', { access: logger })).toBe(true);
    expect(can(user('api-key'), 'run:delete', { access: logger, createdById: someoneElse })).toBe(
      false,
    );
  });

  it('outsiders and anonymous visitors get nothing from a private team project', () => {
    const anonymous: Actor = { kind: 'anonymous' };
    for (const permission of Object.keys(spec) as TeamPermission[]) {
      expect(can(user(), permission, { access: access(null), visibility: 'PRIVATE' })).toBe(false);
      expect(can(anonymous, permission, { access: access(null), visibility: 'TEAM' })).toBe(false);
    }
  });

  it('public projects are readable by anyone; open projects are loggable by anyone signed in', () => {
    const anonymous: Actor = { kind: 'anonymous' };
    expect(can(anonymous, 'run:view', { access: access(null), visibility: 'PUBLIC' })).toBe(true);
    expect(can(anonymous, 'run:log', { access: access(null), visibility: 'PUBLIC' })).toBe(false);
    expect(
      can(user(), 'run:delete', { access: access(null), visibility: 'PUBLIC', createdById: me }),
    ).toBe(false);
    expect(can(user(), 'run:log', { access: access(null), visibility: 'OPEN' })).toBe(true);
    expect(can(anonymous, 'run:log', { access: access(null), visibility: 'OPEN' })).toBe(false);
  });

  it('a service account acts as a member of its own team only, and logs to another team only when open', () => {
    const robot: Actor = {
      kind: 'service-account',
      serviceAccountId: 'sa',
      teamId: 'team-1',
      name: 'ci',
      apiKeyId: 'k',
    };
    expect(can(robot, 'run:log', { access: access(null) })).toBe(true);
    expect(can(robot, 'team:invite', { access: access(null) })).toBe(false);
    // It writes reports, but comments and follows are signed by people.
    expect(can(robot, 'report:create', { access: access(null) })).toBe(true);
    expect(can(robot, 'report:comment', { access: access(null) })).toBe(false);
    const otherTeam = { ...access(null), teamId: 'team-2' };
    expect(can(robot, 'run:log', { access: otherTeam, visibility: 'PRIVATE' })).toBe(false);
    expect(can(robot, 'run:log', { access: otherTeam, visibility: 'OPEN' })).toBe(true);
  });
});

describe('system and organization permissions', () => {
  const systemAdmin: Actor = {
    kind: 'user',
    userId: 'root',
    username: 'root',
    isSystemAdmin: true,
    via: 'session',
  };
  it('only system admins configure the instance and delete teams', () => {
    expect(can(systemAdmin, 'system:manage', {})).toBe(true);
    expect(can(systemAdmin, 'team:delete', {})).toBe(true);
    expect(can(user(), 'system:manage', {})).toBe(false);
    expect(can(user(), 'team:delete', {})).toBe(false);
  });
  it('organization admins (and system admins) create teams and compose custom roles', () => {
    expect(can(user(), 'team:create', { isOrganizationAdmin: true })).toBe(true);
    expect(can(user(), 'team:create', { isOrganizationAdmin: false })).toBe(false);
    expect(can(systemAdmin, 'team:create', { isOrganizationAdmin: false })).toBe(true);
    expect(can(user(), 'organization:manage-roles', { isOrganizationAdmin: false })).toBe(false);
  });
});
