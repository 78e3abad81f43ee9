import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { assertCan } from '../permissions/catalog';

export interface TeamSummary {
  name: string;
  organizationName: string;
  memberCount: number;
  createdAt: Date;
}

/** Every team of the instance, for system admins on /admin. */
export async function listAllTeams(actor: Actor): Promise<TeamSummary[]> {
  assertCan(actor, 'system:manage', {});
  const teams = await getPrisma().team.findMany({
    select: {
      name: true,
      createdAt: true,
      organization: { select: { name: true } },
      _count: { select: { memberships: true } },
    },
    orderBy: { name: 'asc' },
  });
  return teams.map((team) => ({
    name: team.name,
    organizationName: team.organization.name,
    memberCount: team._count.memberships,
    createdAt: team.createdAt,
  }));
}
