import { roleGrants, teamPermissions, type TeamPermission, type TeamRoleName } from './team-grants';

/**
 * What an organization admin may add to a custom role, in plain words for the role editor.
 * A custom role's extras are granted on everything (not only "own"), so an extra like
 * run:delete on a Member base means "delete other people's runs too".
 */

export type CustomRoleBase = Extract<TeamRoleName, 'MEMBER' | 'VIEW_ONLY'>;

export const baseRoleLabels: Record<CustomRoleBase, string> = {
  VIEW_ONLY: 'View-only',
  MEMBER: 'Member',
};

/**
 * Never addable: together they are the Admin role (whoever may change settings may change
 * roles, their own included). To give them, make the person an Admin.
 */
export const adminOnlyPermissions: readonly TeamPermission[] = [
  'team:view-settings',
  'team:manage-settings',
];

export interface PermissionGroup {
  label: string;
  permissions: readonly TeamPermission[];
}

/** Labels for every permission of the catalog; the type makes a new permission need one. */
export const permissionLabels: Record<TeamPermission, string> = {
  'team:view-settings': 'See the member list and team settings',
  'team:invite': 'Invite people as members or view-only members',
  'team:remove-member': 'Remove members (not admins)',
  'team:manage-settings': 'Change team settings and roles',
  'run:view': 'View runs: history, system metrics, files and logs',
  'run:view-environment': 'See where runs ran: host, OS and command',
  'workspace:edit': 'Edit panels and workspaces',
  'run:log': 'Log runs',
  'run:delete': "Delete runs, other people's too",
  'run:stop': "Stop runs, other people's too",
  'run:edit': 'Rename runs and edit their notes and tags',
  'run:move': "Move runs between projects, other people's too",
  'project:create': 'Create projects',
  'project:manage': "Edit projects' description and visibility, other people's too",
  'project:delete': "Delete projects, other people's too",
  'report:view': 'View reports',
  'report:comment': 'Follow and comment on reports',
  'report:create': 'Create reports',
  'report:edit': "Edit reports, other people's too",
  'report:delete': "Delete reports, other people's too",
  'artifact:view': 'View artifacts',
  'artifact:create': 'Create artifacts',
  'artifact:delete': 'Delete artifacts',
  'artifact:edit-metadata': 'Edit artifact metadata',
  'artifact:edit-aliases': 'Add and edit artifact aliases',
  'artifact:delete-aliases': 'Delete artifact aliases',
  'artifact:download': 'Download artifacts',
  'registry:view': 'View models in the registry',
  'registry:download': 'Download models',
  'registry:add-aliases': 'Add model aliases',
  'registry:add-models': 'Add models to the registry',
  'registry:manage-admins': 'Add and remove model-registry admins',
  'registry:manage-protected-aliases': 'Add and remove protected aliases',
};

const groupOf = (permission: TeamPermission): string => {
  const area = permission.split(':')[0];
  switch (area) {
    case 'team':
      return 'Team';
    case 'run':
    case 'workspace':
    case 'project':
      return 'Runs and projects';
    case 'report':
      return 'Reports';
    case 'artifact':
      return 'Artifacts';
    default:
      return 'Model registry';
  }
};

/** Whether adding `permission` to `base` would give anything (the base may grant only "own"). */
export function isAddableExtra(base: CustomRoleBase, permission: TeamPermission): boolean {
  return !adminOnlyPermissions.includes(permission) && roleGrants[base][permission] !== 'all';
}

/** Every permission a custom role can involve (all but the admin-only ones), grouped. */
export const permissionGroups: PermissionGroup[] = (() => {
  const groups = new Map<string, TeamPermission[]>();
  for (const permission of teamPermissions) {
    if (adminOnlyPermissions.includes(permission)) continue;
    const label = groupOf(permission);
    groups.set(label, [...(groups.get(label) ?? []), permission]);
  }
  return [...groups].map(([label, permissions]) => ({ label, permissions }));
})();

/** The permissions a role on `base` may add, in catalog order, grouped for the editor. */
export function addableExtras(base: CustomRoleBase): PermissionGroup[] {
  return permissionGroups
    .map((group) => ({
      label: group.label,
      permissions: group.permissions.filter((p) => isAddableExtra(base, p)),
    }))
    .filter((group) => group.permissions.length > 0);
}

/** What the base role itself grants, for explaining a role ("View-only: view runs, …"). */
export function baseGrants(base: CustomRoleBase): TeamPermission[] {
  return teamPermissions.filter((permission) => roleGrants[base][permission] !== undefined);
}
