import { verifyPassword } from '../auth/password';
import { getPrisma } from '../db/prisma';
import { hit } from '../rate-limit';
import { sendVerificationEmail } from './email-verification';

export type PasswordSignIn =
  { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'unverified' | 'rate-limited' };

const fifteenMinutes = 15 * 60 * 1000;

/**
 * Email (or username) + password. Failures are deliberately vague ("invalid") so nobody
 * can learn which emails have accounts; the password is checked even for unknown
 * identifiers so timing does not tell either. An unverified email with the right password
 * gets a fresh verification mail.
 */
export async function signInWithPassword(input: {
  identifier: string;
  password: string;
  ip: string;
}): Promise<PasswordSignIn> {
  const identifier = input.identifier.trim().toLowerCase();
  const allowed =
    (await hit(`sign-in:ip:${input.ip}`, 30, fifteenMinutes)) &&
    (await hit(`sign-in:id:${identifier}`, 10, fifteenMinutes));
  if (!allowed) return { ok: false, reason: 'rate-limited' };

  const prisma = getPrisma();
  const byEmail = identifier.includes('@');
  const user = byEmail
    ? (
        await prisma.email.findUnique({
          where: { address: identifier },
          include: { user: { include: { emails: true } } },
        })
      )?.user
    : await prisma.user.findUnique({ where: { username: identifier }, include: { emails: true } });

  const passwordOk = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !passwordOk) return { ok: false, reason: 'invalid' };

  const email = byEmail
    ? user.emails.find((e) => e.address === identifier)
    : user.emails.find((e) => e.isPrimary);
  const verified = byEmail ? !!email?.verifiedAt : user.emails.some((e) => e.verifiedAt);
  if (!verified) {
    if (email) await sendVerificationEmail(email.id);
    return { ok: false, reason: 'unverified' };
  }
  return { ok: true, userId: user.id };
}
