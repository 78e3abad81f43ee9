import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import type { TeamAccess } from '../permissions/catalog';
import { adminOnlyPermissions } from '../permissions/custom-role-permissions';
import { isTeamPermission, type TeamPermission } from '../permissions/team-grants';

/** What the actor is to a team (role, custom-role extras, registry admin), for the catalog. */
export async function loadTeamAccess(actor: Actor, teamId: string): Promise<TeamAccess> {
  const none: TeamAccess = { teamId, role: null, extraPermissions: [], isRegistryAdmin: false };
  if (actor.kind !== 'user') return none;
  const membership = await getPrisma().membership.findUnique({
    where: { teamId_userId: { teamId, userId: actor.userId } },
    include: { customRole: true },
  });
  if (!membership) return none;
  return {
    teamId,
    role: membership.customRole ? membership.customRole.baseRole : membership.role,
    // Admin-only permissions are refused when a role is saved; dropped here too, for old rows.
    extraPermissions: (membership.customRole?.permissions ?? []).filter(
      (p): p is TeamPermission => isTeamPermission(p) && !adminOnlyPermissions.includes(p),
    ),
    isRegistryAdmin: membership.isRegistryAdmin,
  };
}

/** A team by its (entity) name; NOT_FOUND for unknown names. */
export async function findTeam(name: string) {
  const team = await getPrisma().team.findUnique({ where: { name } });
  if (!team) throw AppError.notFound('Team');
  return team;
}

/** The team and the actor's access to it, in one call for services. */
export async function teamWithAccess(actor: Actor, teamName: string) {
  const team = await findTeam(teamName);
  return { team, access: await loadTeamAccess(actor, team.id) };
}
