import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import type { TeamRoleName } from '../permissions/team-grants';

export interface MyTeam {
  name: string;
  role: TeamRoleName;
  organizationName: string;
  memberCount: number;
}

/** The teams the signed-in person belongs to, for navigation and the profile. */
export async function listMyTeams(actor: Actor): Promise<MyTeam[]> {
  if (actor.kind !== 'user') return [];
  const memberships = await getPrisma().membership.findMany({
    where: { userId: actor.userId },
    include: {
      team: { include: { organization: true, _count: { select: { memberships: true } } } },
      customRole: true,
    },
    orderBy: { team: { name: 'asc' } },
  });
  return memberships.map((m) => ({
    name: m.team.name,
    role: m.customRole?.baseRole ?? m.role,
    organizationName: m.team.organization.name,
    memberCount: m.team._count.memberships,
  }));
}
