import { Prisma } from '@/generated/prisma/client';
import { hashPassword } from '../auth/password';
import { hashToken } from '../auth/tokens';
import { getPrisma } from '../db/prisma';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { sendVerificationEmail } from './email-verification';
import { signUpSchema } from './schemas';

export interface SignUpInput {
  email: string;
  username: string;
  password: string;
  name?: string;
  /** From a team invite link: the person joins the team, and the invited address counts as verified. */
  inviteToken?: string;
}

export function isAdminEmail(address: string): boolean {
  return getEnv()
    .SEXTANT_ADMIN_EMAILS.split(',')
    .map((entry) => entry.trim().toLowerCase())
    .includes(address);
}

/** Throws CONFLICT naming the field when a unique name or address is taken. */
export function conflictFromUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const target = JSON.stringify(error.meta ?? {});
    if (/address/.test(target)) {
      throw new AppError('CONFLICT', 'This email is already in use', {
        fields: [{ field: 'email', message: 'is already in use' }],
      });
    }
    throw new AppError('CONFLICT', 'This username is taken', {
      fields: [{ field: 'username', message: 'is taken' }],
    });
  }
  throw error;
}

/**
 * Creates a person: their entity (username), an unverified primary email and a password,
 * then mails a verification link. The first user of an instance is its system admin.
 * Signing up through a team invite sent to the same address skips the verification mail
 * (the invite link already proved the address) and joins the team.
 */
export async function signUp(
  input: SignUpInput,
): Promise<{ userId: string; username: string; joinedTeam: string | null }> {
  const { email, username, password, name } = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(password);
  const prisma = getPrisma();
  const { user, emailId, joinedTeam } = await prisma
    .$transaction(async (tx) => {
      const invite = input.inviteToken
        ? await tx.invite.findUnique({
            where: { tokenHash: hashToken(input.inviteToken) },
            include: { team: true },
          })
        : null;
      const usableInvite =
        invite &&
        invite.email === email &&
        !invite.acceptedAt &&
        !invite.revokedAt &&
        invite.expiresAt > new Date()
          ? invite
          : null;
      const firstUser = (await tx.user.count()) === 0;
      const entity = await tx.entity.create({ data: { name: username, kind: 'USER' } });
      const user = await tx.user.create({
        data: {
          entityId: entity.id,
          username,
          name,
          passwordHash,
          isSystemAdmin: firstUser || isAdminEmail(email),
          emails: {
            create: {
              address: email,
              isPrimary: true,
              verifiedAt: usableInvite ? new Date() : null,
            },
          },
        },
        include: { emails: true },
      });
      if (usableInvite) {
        await tx.invite.update({
          where: { id: usableInvite.id },
          data: { acceptedAt: new Date(), acceptedById: user.id },
        });
        await tx.membership.create({
          data: {
            teamId: usableInvite.teamId,
            userId: user.id,
            role: usableInvite.role,
            customRoleId: usableInvite.customRoleId,
          },
        });
      }
      return { user, emailId: user.emails[0]!.id, joinedTeam: usableInvite?.team.name ?? null };
    })
    .catch(conflictFromUniqueViolation);
  if (!joinedTeam) await sendVerificationEmail(emailId);
  return { userId: user.id, username: user.username, joinedTeam };
}
