/**
 * What each team role may do: the seed's permission tables (../shared/PERMISSIONS.md),
 * cell by cell. `own` means only on things the actor created (runs, reports).
 */
export const teamRoles = ['ADMIN', 'MEMBER', 'VIEW_ONLY'] as const;
export type TeamRoleName = (typeof teamRoles)[number];

export const teamPermissions = [
  // Team settings
  'team:view-settings',
  'team:invite',
  'team:remove-member',
  'team:manage-settings',
  // Experiments
  'run:view',
  /**
   * Where a run ran: host, OS, language version, command. Never public: "the Python details
   * are private, even if you make the page itself public".
   */
  'run:view-environment',
  'workspace:edit',
  'run:log',
  'run:delete',
  'run:stop',
  /** Rename, notes and tags. */
  'run:edit',
  /** Move to another project of the same entity; "own" follows the run's creator. */
  'run:move',
  // Projects ("Admins can modify all projects and delete anything")
  'project:create',
  /** Description and visibility. */
  'project:manage',
  'project:delete',
  // Reports
  'report:view',
  'report:comment',
  'report:create',
  'report:edit',
  'report:delete',
  // Artifacts
  'artifact:view',
  'artifact:create',
  'artifact:delete',
  'artifact:edit-metadata',
  'artifact:edit-aliases',
  'artifact:delete-aliases',
  'artifact:download',
  // Model registry
  'registry:view',
  'registry:download',
  'registry:add-aliases',
  'registry:add-models',
  'registry:manage-admins',
  'registry:manage-protected-aliases',
] as const;
export type TeamPermission = (typeof teamPermissions)[number];

export type Grant = 'all' | 'own';

const viewOnly: Partial<Record<TeamPermission, Grant>> = {
  'run:view': 'all',
  'run:view-environment': 'all',
  'report:view': 'all',
  // "View-only members can also follow and comment on reports."
  'report:comment': 'all',
  'artifact:view': 'all',
  'registry:view': 'all',
  'registry:download': 'all',
};

const member: Partial<Record<TeamPermission, Grant>> = {
  ...viewOnly,
  'workspace:edit': 'all',
  'run:log': 'all',
  'run:delete': 'own',
  'run:stop': 'own',
  'run:edit': 'all',
  'run:move': 'own',
  // Logging to a new project creates it, so whoever may log may create one.
  'project:create': 'all',
  'project:manage': 'own',
  'project:delete': 'own',
  'report:create': 'all',
  'report:edit': 'own',
  'report:delete': 'own',
  'artifact:create': 'all',
  'artifact:delete': 'all',
  'artifact:edit-metadata': 'all',
  'artifact:edit-aliases': 'all',
  'artifact:delete-aliases': 'all',
  'artifact:download': 'all',
  'registry:add-aliases': 'all',
  'registry:add-models': 'all',
};

const admin: Partial<Record<TeamPermission, Grant>> = {
  ...member,
  'team:view-settings': 'all',
  'team:invite': 'all',
  'team:remove-member': 'all',
  'team:manage-settings': 'all',
  'run:delete': 'all',
  'run:stop': 'all',
  'run:move': 'all',
  'project:manage': 'all',
  'project:delete': 'all',
  'report:edit': 'all',
  'report:delete': 'all',
  'registry:manage-admins': 'all',
  // Protected aliases are the registry admins' alone, team admins included.
};

/** Model-registry admins, a flag on a membership, add the registry's own powers. */
export const registryAdminGrants: Partial<Record<TeamPermission, Grant>> = {
  'registry:view': 'all',
  'registry:download': 'all',
  'registry:add-aliases': 'all',
  'registry:add-models': 'all',
  'registry:manage-admins': 'all',
  'registry:manage-protected-aliases': 'all',
};

export const roleGrants: Record<TeamRoleName, Partial<Record<TeamPermission, Grant>>> = {
  ADMIN: admin,
  MEMBER: member,
  VIEW_ONLY: viewOnly,
};

/** Custom roles start from one of these and add permissions from `teamPermissions`. */
export const customRoleBases: TeamRoleName[] = ['MEMBER', 'VIEW_ONLY'];

export function isTeamPermission(value: string): value is TeamPermission {
  return (teamPermissions as readonly string[]).includes(value);
}
