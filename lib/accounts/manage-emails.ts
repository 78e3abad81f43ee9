import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { sendVerificationEmail } from './email-verification';
import { emailAddressSchema } from './schemas';
import { conflictFromUniqueViolation } from './sign-up';

export interface EmailView {
  id: string;
  address: string;
  verified: boolean;
  isPrimary: boolean;
  /** Ways to sign in with this address: "password", "oidc", "github", "google"… */
  loginMethods: string[];
  createdAt: Date;
}

/** The signed-in user's own emails, primary first. */
export async function listEmails(actor: Actor): Promise<EmailView[]> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:read', { userId });
  const user = await getPrisma().user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      emails: {
        include: { accounts: true },
        orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }],
      },
    },
  });
  return user.emails.map((email) => ({
    id: email.id,
    address: email.address,
    verified: !!email.verifiedAt,
    isPrimary: email.isPrimary,
    loginMethods: [
      ...(user.passwordHash && email.verifiedAt ? ['password'] : []),
      ...email.accounts.map((account) => account.provider),
    ],
    createdAt: email.createdAt,
  }));
}

async function ownEmail(actor: Actor, emailId: string) {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:secure', { userId });
  // Scoped by owner: another user's email id is simply not found.
  const email = await getPrisma().email.findFirst({ where: { id: emailId, userId } });
  if (!email) throw AppError.notFound('Email');
  return email;
}

export async function addEmail(actor: Actor, address: string): Promise<EmailView> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:secure', { userId });
  const parsed = parseInput(emailAddressSchema, address);
  const email = await getPrisma()
    .email.create({ data: { userId, address: parsed } })
    .catch(conflictFromUniqueViolation);
  await sendVerificationEmail(email.id);
  return {
    id: email.id,
    address: email.address,
    verified: false,
    isPrimary: false,
    loginMethods: [],
    createdAt: email.createdAt,
  };
}

export async function deleteEmail(actor: Actor, emailId: string): Promise<void> {
  const email = await ownEmail(actor, emailId);
  if (email.isPrimary)
    throw AppError.badInput(
      'The primary email cannot be deleted. Make another email primary first.',
    );
  await getPrisma().email.delete({ where: { id: email.id } });
}

export async function setPrimaryEmail(actor: Actor, emailId: string): Promise<void> {
  const email = await ownEmail(actor, emailId);
  if (!email.verifiedAt)
    throw AppError.badInput('Only a verified email can be primary. Verify it first.');
  await getPrisma().$transaction([
    getPrisma().email.updateMany({
      where: { userId: email.userId, isPrimary: true },
      data: { isPrimary: false },
    }),
    getPrisma().email.update({ where: { id: email.id }, data: { isPrimary: true } }),
  ]);
}

export async function resendVerification(
  actor: Actor,
  emailId: string,
): Promise<{ sent: boolean }> {
  const email = await ownEmail(actor, emailId);
  if (email.verifiedAt) throw AppError.badInput('This email is already verified.');
  const result = await sendVerificationEmail(email.id);
  if (!result.sent)
    throw new AppError(
      'RATE_LIMITED',
      'Too many verification emails for this address. Try again in an hour.',
    );
  return result;
}
