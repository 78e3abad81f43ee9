import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { hashPassword, verifyPassword } from '../auth/password';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { deleteEntityHistory } from '../runs/delete-entity-history';
import { passwordSchema } from './schemas';

/** Invalidates every session of the user, this one included. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:secure', { userId });
  await getPrisma().user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
  });
}

/**
 * Sets a new password (the current one is required when there is one) and signs out
 * every session, so a stolen session dies with the old password.
 */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:secure', { userId });
  const prisma = getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.passwordHash && !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw AppError.badInput('The current password is not correct', [
      { field: 'currentPassword', message: 'is not correct' },
    ]);
  }
  const newPassword = parseInput(passwordSchema, input.newPassword);
  await prisma.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
}

/**
 * Deletes the account for good: personal data, emails, login methods, API keys and every
 * session go; the personal entity (and with it personal projects) goes too. The username
 * must be typed to confirm.
 */
export async function deleteAccount(actor: Actor, confirmUsername: string): Promise<void> {
  const { userId, username } = requireUser(actor);
  assertCan(actor, 'account:secure', { userId });
  if (confirmUsername.trim() !== username) {
    throw AppError.badInput('Type your username exactly to confirm', [
      { field: 'confirmUsername', message: `must be "${username}"` },
    ]);
  }
  const prisma = getPrisma();
  // A team is never left without an admin: the last admin hands over first.
  const soleAdminOf = await prisma.team.findMany({
    where: {
      memberships: { some: { userId, role: 'ADMIN', customRoleId: null } },
      NOT: {
        memberships: { some: { userId: { not: userId }, role: 'ADMIN', customRoleId: null } },
      },
    },
    select: { name: true },
  });
  if (soleAdminOf.length > 0) {
    const names = soleAdminOf.map((team) => team.name).join(', ');
    throw AppError.badInput(
      `You are the only admin of ${names}. Make someone else an admin there first.`,
    );
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  // Personal projects go with the account; runs in team projects stay (their author id then
  // points at nobody and shows as a deleted user).
  await deleteEntityHistory(user.entityId);
  await prisma.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: userId } });
    await tx.entity.delete({ where: { id: user.entityId } });
  });
}
