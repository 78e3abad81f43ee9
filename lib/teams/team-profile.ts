import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { can } from '../permissions/catalog';
import type { TeamRoleName } from '../permissions/team-grants';
import { isOrganizationAdmin } from './custom-roles';
import { loadTeamAccess } from './team-access';

export interface TeamProfile {
  name: string;
  type: 'WORK' | 'ACADEMIC';
  organizationName: string;
  intro: string;
  links: { label: string; url: string }[];
  avatarUrl: string | null;
  memberCount: number;
  createdAt: Date;
  /** The viewer's role in the team, if any. */
  viewerRole: TeamRoleName | null;
  viewerCanManage: boolean;
  /**
   * Organization admins compose the organization's custom roles, so they may open this
   * team's Roles page even when they are no admin of the team (its other settings stay
   * team admins' only).
   */
  viewerCanComposeRoles: boolean;
}

/** The team's public profile (intro, links, size) plus what the viewer may do there. */
export async function getTeamProfile(actor: Actor, teamName: string): Promise<TeamProfile> {
  const team = await getPrisma().team.findUnique({
    where: { name: teamName },
    include: { organization: true, _count: { select: { memberships: true } } },
  });
  if (!team) throw AppError.notFound('Team');
  const access = await loadTeamAccess(actor, team.id);
  return {
    name: team.name,
    type: team.type,
    organizationName: team.organization.name,
    intro: team.intro,
    links: Array.isArray(team.links) ? (team.links as { label: string; url: string }[]) : [],
    avatarUrl: team.avatarUpdatedAt
      ? `/api/v1/avatars/${team.name}?v=${team.avatarUpdatedAt.getTime()}`
      : null,
    memberCount: team._count.memberships,
    createdAt: team.createdAt,
    viewerRole: access.role,
    viewerCanManage: can(actor, 'team:view-settings', { access }),
    viewerCanComposeRoles: can(actor, 'organization:manage-roles', {
      isOrganizationAdmin: await isOrganizationAdmin(actor, team.organizationId),
    }),
  };
}
