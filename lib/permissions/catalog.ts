import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

/**
 * The one permission catalog (DESIGN.md §2 rule 2). Every action is a named permission;
 * `can` decides it for an actor and a resource, services call `assertCan`, nothing else
 * decides access. Team roles, projects, runs and artifacts join this table in their issues.
 */
export interface PermissionResources {
  /** A person's own account: profile, emails, API keys, sessions, deletion. */
  'account:read': { userId: string };
  /** Profile, beta features, alert preferences. */
  'account:manage': { userId: string };
  /** Emails, API keys, password, sessions, deletion: what could lock the owner out. */
  'account:secure': { userId: string };
  /** Instance-wide settings. */
  'system:manage': Record<string, never>;
}

export type Permission = keyof PermissionResources;

type Rule<P extends Permission> = (actor: Actor, resource: PermissionResources[P]) => boolean;

const isSelf = (actor: Actor, userId: string) => actor.kind === 'user' && actor.userId === userId;

const rules: { [P in Permission]: Rule<P> } = {
  'account:read': (actor, { userId }) => isSelf(actor, userId),
  'account:manage': (actor, { userId }) => isSelf(actor, userId),
  // Only a browser session: a leaked API key must not be able to take the account over.
  'account:secure': (actor, { userId }) =>
    isSelf(actor, userId) && actor.kind === 'user' && actor.via === 'session',
  'system:manage': (actor) => actor.kind === 'user' && actor.isSystemAdmin,
};

export function can<P extends Permission>(
  actor: Actor,
  permission: P,
  resource: PermissionResources[P],
): boolean {
  return rules[permission](actor, resource);
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
