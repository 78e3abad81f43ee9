import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, can } from '../permissions/catalog';
import type { TeamRoleName } from '../permissions/team-grants';
import { parseField } from '../validation';
import { teamRoleSchema } from './schemas';
import { teamWithAccess } from './team-access';

export interface MemberView {
  userId: string;
  username: string;
  name: string;
  email: string | null;
  role: TeamRoleName;
  customRoleId: string | null;
  customRoleName: string | null;
  isRegistryAdmin: boolean;
  joinedAt: Date;
}

/** The team's members with their roles and primary emails (team admins). */
export async function listMembers(actor: Actor, teamName: string): Promise<MemberView[]> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:view-settings', { access });
  const memberships = await getPrisma().membership.findMany({
    where: { teamId: team.id },
    include: { user: { include: { emails: { where: { isPrimary: true } } } }, customRole: true },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
  });
  return memberships.map((m) => ({
    userId: m.userId,
    username: m.user.username,
    name: m.user.name,
    email: m.user.emails[0]?.address ?? null,
    role: m.customRole?.baseRole ?? m.role,
    customRoleId: m.customRoleId,
    customRoleName: m.customRole?.name ?? null,
    isRegistryAdmin: m.isRegistryAdmin,
    joinedAt: m.createdAt,
  }));
}

/**
 * Locks the team's memberships for the rest of the transaction, so two admins demoting or
 * removing each other at the same moment cannot leave the team without an admin.
 */
async function lockAdmins(tx: Prisma.TransactionClient, teamId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership" WHERE "teamId" = ${teamId} AND "role" = 'ADMIN' AND "customRoleId" IS NULL FOR UPDATE`;
  return rows.map((row) => row.userId);
}

function assertNotLastAdmin(admins: string[], userId: string, action: string): void {
  if (admins.length === 1 && admins[0] === userId) {
    throw AppError.badInput(
      `The team's last admin cannot be ${action}. Make someone else an admin first.`,
    );
  }
}

export async function changeMemberRole(
  actor: Actor,
  teamName: string,
  userId: string,
  input: { role: TeamRoleName; customRoleId?: string | null },
): Promise<void> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const prisma = getPrisma();
  let role = parseField(teamRoleSchema, 'role', input.role);
  if (input.customRoleId) {
    const customRole = await prisma.customRole.findFirst({
      where: { id: input.customRoleId, organizationId: team.organizationId },
    });
    if (!customRole)
      throw AppError.badInput('Unknown custom role', [
        { field: 'customRoleId', message: 'is not a role of this organization' },
      ]);
    // The stored role is the custom role's base, so losing the custom role never escalates.
    role = customRole.baseRole;
  }
  await prisma.$transaction(async (tx) => {
    const admins = await lockAdmins(tx, team.id);
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: team.id, userId } },
    });
    if (!membership) throw AppError.notFound('Member');
    if (role !== 'ADMIN' || input.customRoleId) assertNotLastAdmin(admins, userId, 'demoted');
    await tx.membership.update({
      where: { id: membership.id },
      data: { role, customRoleId: input.customRoleId ?? null },
    });
  });
}

/** Removes a member (admins), or lets a member leave. Their runs stay in the team. */
export async function removeMember(actor: Actor, teamName: string, userId: string): Promise<void> {
  const { team, access } = await teamWithAccess(actor, teamName);
  // Leaving takes a browser session: view-only members have no API-key access to the team at all.
  const leaving =
    actor.kind === 'user' &&
    actor.via === 'session' &&
    actor.userId === userId &&
    access.role !== null;
  if (!leaving) assertCan(actor, 'team:remove-member', { access });
  await getPrisma().$transaction(async (tx) => {
    const admins = await lockAdmins(tx, team.id);
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: team.id, userId } },
    });
    if (!membership) throw AppError.notFound('Member');
    // A custom role may remove members, but only admins remove admins ("Admins can add and
    // remove other admins").
    if (!leaving && admins.includes(userId) && !can(actor, 'team:manage-settings', { access }))
      throw AppError.forbidden('Only team admins can remove an admin');
    assertNotLastAdmin(admins, userId, 'removed');
    await tx.membership.delete({ where: { id: membership.id } });
  });
}

export async function setRegistryAdmin(
  actor: Actor,
  teamName: string,
  userId: string,
  isRegistryAdmin: boolean,
): Promise<void> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'registry:manage-admins', { access });
  const updated = await getPrisma().membership.updateMany({
    where: { teamId: team.id, userId },
    data: { isRegistryAdmin },
  });
  if (updated.count === 0) throw AppError.notFound('Member');
}
