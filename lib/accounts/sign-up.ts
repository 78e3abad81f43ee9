import { Prisma } from '@/generated/prisma/client';
import { hashPassword } from '../auth/password';
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
 */
export async function signUp(input: SignUpInput): Promise<{ userId: string; username: string }> {
  const { email, username, password, name } = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(password);
  const prisma = getPrisma();
  const { user, emailId } = await prisma
    .$transaction(async (tx) => {
      const firstUser = (await tx.user.count()) === 0;
      const entity = await tx.entity.create({ data: { name: username, kind: 'USER' } });
      const user = await tx.user.create({
        data: {
          entityId: entity.id,
          username,
          name,
          passwordHash,
          isSystemAdmin: firstUser || isAdminEmail(email),
          emails: { create: { address: email, isPrimary: true } },
        },
        include: { emails: true },
      });
      return { user, emailId: user.emails[0]!.id };
    })
    .catch(conflictFromUniqueViolation);
  await sendVerificationEmail(emailId);
  return { userId: user.id, username: user.username };
}
