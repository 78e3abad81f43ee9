import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import type { TeamPermission } from '../permissions/team-grants';
import { parseInput } from '../validation';
import { customRoleSchema } from './schemas';
import { teamWithAccess } from './team-access';

export interface CustomRoleView {
  id: string;
  name: string;
  baseRole: 'MEMBER' | 'VIEW_ONLY';
  permissions: TeamPermission[];
}

const view = (role: {
  id: string;
  name: string;
  baseRole: string;
  permissions: string[];
}): CustomRoleView => ({
  id: role.id,
  name: role.name,
  baseRole: role.baseRole as CustomRoleView['baseRole'],
  permissions: role.permissions as TeamPermission[],
});

async function isOrganizationAdmin(actor: Actor, organizationId: string): Promise<boolean> {
  const { userId } = requireUser(actor);
  return !!(await getPrisma().organizationAdmin.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
  }));
}

/** Organization admins compose a role from View-only or Member plus extra permissions. */
export async function createCustomRole(
  actor: Actor,
  organizationId: string,
  input: { name: string; baseRole: 'MEMBER' | 'VIEW_ONLY'; permissions: string[] },
): Promise<CustomRoleView> {
  assertCan(actor, 'organization:manage-roles', {
    isOrganizationAdmin: await isOrganizationAdmin(actor, organizationId),
  });
  const role = parseInput(customRoleSchema, input);
  try {
    return view(await getPrisma().customRole.create({ data: { organizationId, ...role } }));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'A role with this name exists', {
        fields: [{ field: 'name', message: 'is taken' }],
      });
    }
    throw error;
  }
}

/** The custom roles a team admin may assign: those of the team's organization. */
export async function listCustomRolesForTeam(
  actor: Actor,
  teamName: string,
): Promise<CustomRoleView[]> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:view-settings', { access });
  const roles = await getPrisma().customRole.findMany({
    where: { organizationId: team.organizationId },
    orderBy: { name: 'asc' },
  });
  return roles.map(view);
}
