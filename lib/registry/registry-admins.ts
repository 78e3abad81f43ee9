import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import type { TeamRoleName } from '../permissions/team-grants';
import { canOnRegistry, loadRegistryScope } from './registry-scope';

export interface RegistryMember {
  userId: string;
  username: string;
  name: string;
  role: TeamRoleName;
  isRegistryAdmin: boolean;
}

/**
 * A team's members with their registry-admin flag, for those who may add and remove registry
 * admins (`registry:manage-admins`: team admins and registry admins). The team settings page
 * shows the same switch, but registry admins who are no team admin cannot open it. Null for
 * everyone else, and for a personal registry (its owner is its only admin).
 */
export async function registryAdminsOf(
  actor: Actor,
  entity: string,
): Promise<RegistryMember[] | null> {
  const scope = await loadRegistryScope(actor, entity);
  if (scope.entity.kind !== 'TEAM' || !canOnRegistry(actor, 'registry:manage-admins', scope)) {
    return null;
  }
  const memberships = await getPrisma().membership.findMany({
    where: { teamId: scope.access.teamId },
    include: { user: { select: { username: true, name: true } }, customRole: true },
    orderBy: [{ isRegistryAdmin: 'desc' }, { createdAt: 'asc' }],
  });
  return memberships.map((m) => ({
    userId: m.userId,
    username: m.user.username,
    name: m.user.name,
    role: m.customRole?.baseRole ?? m.role,
    isRegistryAdmin: m.isRegistryAdmin,
  }));
}
