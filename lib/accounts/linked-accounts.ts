import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';

export interface LinkedAccountView {
  id: string;
  provider: string;
  displayName: string | null;
  email: string | null;
  createdAt: Date;
}

/** Login methods and integrations (SSO, GitHub, Google) linked to the signed-in user. */
export async function listLinkedAccounts(actor: Actor): Promise<LinkedAccountView[]> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:read', { userId });
  const accounts = await getPrisma().account.findMany({
    where: { userId },
    include: { email: true },
    orderBy: { createdAt: 'asc' },
  });
  return accounts.map((account) => ({
    id: account.id,
    provider: account.provider,
    displayName: account.displayName,
    email: account.email?.address ?? null,
    createdAt: account.createdAt,
  }));
}

/** Disconnects a linked login, unless it is the only way left to sign in. */
export async function unlinkAccount(actor: Actor, accountId: string): Promise<void> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:secure', { userId });
  const prisma = getPrisma();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { accounts: true, emails: true },
  });
  const account = user.accounts.find((a) => a.id === accountId);
  if (!account) throw AppError.notFound('Linked account');
  const otherLogins =
    user.accounts.length -
    1 +
    (user.passwordHash ? 1 : 0) +
    (user.emails.some((e) => e.verifiedAt) ? 1 : 0);
  if (otherLogins === 0) {
    throw AppError.badInput(
      'This is your only way to sign in. Set a password or verify an email before disconnecting it.',
    );
  }
  await prisma.account.delete({ where: { id: account.id } });
}
