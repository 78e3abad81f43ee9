import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import {
  registryAdminGrants,
  roleGrants,
  type Grant,
  type TeamPermission,
  type TeamRoleName,
} from './team-grants';

/**
 * The one permission catalog (DESIGN.md §2 rule 2). Every action is a named permission;
 * `can` decides it for an actor and a resource, services call `assertCan`, nothing else
 * decides access. Team roles come from team-grants.ts (the seed's tables).
 */

/** What an actor is to one team; built by lib/teams/team-access.ts. */
export interface TeamAccess {
  teamId: string;
  /** null: not a member. */
  role: TeamRoleName | null;
  /** Added by a custom role. */
  extraPermissions: TeamPermission[];
  isRegistryAdmin: boolean;
}

export type ProjectVisibility = 'PRIVATE' | 'TEAM' | 'PUBLIC' | 'OPEN';

export interface TeamResource {
  access: TeamAccess;
  /** Who created the run or report, for "own" rules. */
  createdById?: string | null;
  /** For project-scoped actions: public projects are readable by anyone, open ones loggable by anyone signed in. */
  visibility?: ProjectVisibility;
}

export interface PermissionResources extends Record<TeamPermission, TeamResource> {
  /** A person's own account: profile, beta features, alert preferences. */
  'account:read': { userId: string };
  'account:manage': { userId: string };
  /** Emails, API keys, password, sessions, deletion: what could lock the owner out. */
  'account:secure': { userId: string };
  /** Instance-wide settings. */
  'system:manage': Record<string, never>;
  /** Creating a team in an organization (its admins) or anywhere (system admins). */
  'team:create': { isOrganizationAdmin: boolean };
  /** Deleting a whole team: system admins. */
  'team:delete': Record<string, never>;
  /** Composing custom roles: organization admins. */
  'organization:manage-roles': { isOrganizationAdmin: boolean };
}

export type Permission = keyof PermissionResources;

const isSelf = (actor: Actor, userId: string) => actor.kind === 'user' && actor.userId === userId;
const isSystemAdmin = (actor: Actor) => actor.kind === 'user' && actor.isSystemAdmin;

/** Read-only actions anyone may take on a public project. */
const publicReadable = new Set<TeamPermission>([
  'run:view',
  'report:view',
  'artifact:view',
  'registry:view',
]);

function teamGrant(
  actor: Actor,
  permission: TeamPermission,
  access: TeamAccess,
): Grant | undefined {
  if (actor.kind === 'service-account') {
    // A service account works like a member of its own team, and nothing elsewhere; comments
    // and follows are signed by people, so not those.
    if (permission === 'report:comment') return undefined;
    return actor.teamId === access.teamId ? roleGrants.MEMBER[permission] : undefined;
  }
  if (actor.kind !== 'user' || !access.role) return undefined;
  // "View-only members have no API key access to the team." A custom role built on View-only
  // is another role: its extra permissions (e.g. log runs) are meant for code, so its
  // holders use API keys with the whole role (docs/decisions/012).
  if (actor.via === 'api-key' && access.role === 'VIEW_ONLY' && !access.extraPermissions.length)
    return undefined;
  const fromRole = roleGrants[access.role][permission];
  const fromRegistry = access.isRegistryAdmin ? registryAdminGrants[permission] : undefined;
  const fromCustom = access.extraPermissions.includes(permission) ? 'all' : undefined;
  const grants = [fromRole, fromRegistry, fromCustom];
  return grants.includes('all') ? 'all' : grants.includes('own') ? 'own' : undefined;
}

function canOnTeam(actor: Actor, permission: TeamPermission, resource: TeamResource): boolean {
  const grant = teamGrant(actor, permission, resource.access);
  if (grant === 'all') return true;
  if (grant === 'own')
    return actor.kind === 'user' && !!resource.createdById && resource.createdById === actor.userId;
  if (resource.visibility === 'PUBLIC' && publicReadable.has(permission)) return true;
  if (
    resource.visibility === 'OPEN' &&
    (publicReadable.has(permission) || permission === 'run:log')
  ) {
    return permission !== 'run:log' || actor.kind !== 'anonymous';
  }
  return false;
}

const rules: {
  [P in Exclude<Permission, TeamPermission>]: (
    actor: Actor,
    resource: PermissionResources[P],
  ) => boolean;
} = {
  'account:read': (actor, { userId }) => isSelf(actor, userId),
  'account:manage': (actor, { userId }) => isSelf(actor, userId),
  // Only a browser session: a leaked API key must not be able to take the account over.
  'account:secure': (actor, { userId }) =>
    isSelf(actor, userId) && actor.kind === 'user' && actor.via === 'session',
  'system:manage': (actor) => isSystemAdmin(actor),
  'team:create': (actor, { isOrganizationAdmin }) =>
    actor.kind === 'user' && (isOrganizationAdmin || actor.isSystemAdmin),
  'team:delete': (actor) => isSystemAdmin(actor),
  'organization:manage-roles': (actor, { isOrganizationAdmin }) =>
    actor.kind === 'user' && (isOrganizationAdmin || actor.isSystemAdmin),
};

export function can<P extends Permission>(
  actor: Actor,
  permission: P,
  resource: PermissionResources[P],
): boolean {
  if (permission in rules) {
    return (rules[permission as keyof typeof rules] as (a: Actor, r: unknown) => boolean)(
      actor,
      resource,
    );
  }
  return canOnTeam(actor, permission as TeamPermission, resource as TeamResource);
}

export function assertCan<P extends Permission>(
  actor: Actor,
  permission: P,
  resource: PermissionResources[P],
): void {
  if (can(actor, permission, resource)) return;
  if (actor.kind === 'anonymous') throw AppError.unauthenticated();
  throw AppError.forbidden();
}
