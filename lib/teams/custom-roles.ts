import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, can } from '../permissions/catalog';
import {
  adminOnlyPermissions,
  isAddableExtra,
  type CustomRoleBase,
} from '../permissions/custom-role-permissions';
import { teamPermissions, type TeamPermission } from '../permissions/team-grants';
import { parseInput } from '../validation';
import { customRoleSchema } from './schemas';
import { teamWithAccess } from './team-access';

export interface CustomRoleView {
  id: string;
  name: string;
  baseRole: CustomRoleBase;
  permissions: TeamPermission[];
  /** Memberships holding it, across every team of the organization. */
  memberCount: number;
}

type CustomRoleInput = { name: string; baseRole: CustomRoleBase; permissions: string[] };

const withCounts = { _count: { select: { memberships: true } } } as const;

const view = (role: {
  id: string;
  name: string;
  baseRole: string;
  permissions: string[];
  _count: { memberships: number };
}): CustomRoleView => ({
  id: role.id,
  name: role.name,
  baseRole: role.baseRole as CustomRoleBase,
  permissions: role.permissions as TeamPermission[],
  memberCount: role._count.memberships,
});

/** Whether the actor administers the organization (composes its custom roles). */
export async function isOrganizationAdmin(actor: Actor, organizationId: string): Promise<boolean> {
  if (actor.kind !== 'user') return false;
  return !!(await getPrisma().organizationAdmin.findUnique({
    where: { organizationId_userId: { organizationId, userId: actor.userId } },
  }));
}

async function assertCanCompose(actor: Actor, organizationId: string): Promise<void> {
  assertCan(actor, 'organization:manage-roles', {
    isOrganizationAdmin: await isOrganizationAdmin(actor, organizationId),
  });
}

/**
 * Validates a role and keeps only the extras that add something to its base, in catalog
 * order. Admin-only permissions are refused: a role holding them would be an Admin.
 */
function parseRole(input: CustomRoleInput) {
  const role = parseInput(customRoleSchema, input);
  const refused = role.permissions.filter((p) => adminOnlyPermissions.includes(p));
  if (refused.length > 0) {
    throw AppError.badInput(
      `${refused.join(', ')} cannot be part of a custom role: make the person an Admin instead`,
      [{ field: 'permissions', message: `cannot include ${refused.join(', ')}` }],
    );
  }
  const permissions = teamPermissions.filter(
    (p) => role.permissions.includes(p) && isAddableExtra(role.baseRole, p),
  );
  return { ...role, permissions };
}

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw new AppError('CONFLICT', 'A role with this name exists', {
      fields: [{ field: 'name', message: 'is taken' }],
    });
  }
  throw error;
}

/** A role by id, for the organization-admin check that every change starts with. */
async function findRole(roleId: string) {
  const role = await getPrisma().customRole.findUnique({ where: { id: roleId } });
  if (!role) throw AppError.notFound('Custom role');
  return role;
}

/** Organization admins compose a role from View-only or Member plus extra permissions. */
export async function createCustomRole(
  actor: Actor,
  organizationId: string,
  input: CustomRoleInput,
): Promise<CustomRoleView> {
  await assertCanCompose(actor, organizationId);
  const role = parseRole(input);
  try {
    return view(
      await getPrisma().customRole.create({
        data: { organizationId, ...role },
        include: withCounts,
      }),
    );
  } catch (error) {
    nameTaken(error);
  }
}

/**
 * Renames a role or changes its base or extras; everyone holding it gets the change at once.
 * Memberships and invites also store the base role (what they fall back to if the role is
 * deleted), so a new base is written to them in the same transaction.
 */
export async function updateCustomRole(
  actor: Actor,
  roleId: string,
  input: CustomRoleInput,
): Promise<CustomRoleView> {
  const existing = await findRole(roleId);
  await assertCanCompose(actor, existing.organizationId);
  const role = parseRole(input);
  try {
    return await getPrisma().$transaction(async (tx) => {
      const updated = await tx.customRole.update({
        where: { id: roleId },
        data: role,
        include: withCounts,
      });
      if (existing.baseRole !== role.baseRole) {
        await tx.membership.updateMany({
          where: { customRoleId: roleId },
          data: { role: role.baseRole },
        });
        await tx.invite.updateMany({
          where: { customRoleId: roleId },
          data: { role: role.baseRole },
        });
      }
      return view(updated);
    });
  } catch (error) {
    nameTaken(error);
  }
}

/**
 * Deletes a role. Its members keep their place in their teams with the role's base
 * (View-only or Member), and pending invites with it invite to that base role.
 */
export async function deleteCustomRole(
  actor: Actor,
  roleId: string,
): Promise<{ membersFallenBack: number; baseRole: CustomRoleBase }> {
  const existing = await findRole(roleId);
  await assertCanCompose(actor, existing.organizationId);
  return getPrisma().$transaction(async (tx) => {
    // The stored role already is the base; written again in case an old row drifted.
    const { count } = await tx.membership.updateMany({
      where: { customRoleId: roleId },
      data: { role: existing.baseRole, customRoleId: null },
    });
    await tx.invite.updateMany({
      where: { customRoleId: roleId },
      data: { role: existing.baseRole, customRoleId: null },
    });
    await tx.customRole.delete({ where: { id: roleId } });
    return { membersFallenBack: count, baseRole: existing.baseRole as CustomRoleBase };
  });
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
    include: withCounts,
    orderBy: { name: 'asc' },
  });
  return roles.map(view);
}

export interface TeamCustomRoles {
  organizationId: string;
  organizationName: string;
  /** Organization admins (and system admins) compose roles; team admins only assign them. */
  viewerCanCompose: boolean;
  roles: (CustomRoleView & { teamMemberCount: number })[];
}

/** The roles page of a team's settings: the organization's roles and who in this team holds each. */
export async function getTeamCustomRoles(actor: Actor, teamName: string): Promise<TeamCustomRoles> {
  const { team, access } = await teamWithAccess(actor, teamName);
  const viewerCanCompose = can(actor, 'organization:manage-roles', {
    isOrganizationAdmin: await isOrganizationAdmin(actor, team.organizationId),
  });
  if (!viewerCanCompose) assertCan(actor, 'team:view-settings', { access });
  const prisma = getPrisma();
  const [organization, roles, inTeam] = await Promise.all([
    prisma.organization.findUniqueOrThrow({ where: { id: team.organizationId } }),
    prisma.customRole.findMany({
      where: { organizationId: team.organizationId },
      include: withCounts,
      orderBy: { name: 'asc' },
    }),
    prisma.membership.groupBy({
      by: ['customRoleId'],
      where: { teamId: team.id, customRoleId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const teamCounts = new Map(inTeam.map((row) => [row.customRoleId, row._count._all]));
  return {
    organizationId: organization.id,
    organizationName: organization.name,
    viewerCanCompose,
    roles: roles.map((role) => ({ ...view(role), teamMemberCount: teamCounts.get(role.id) ?? 0 })),
  };
}
