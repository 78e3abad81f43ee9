import { getPrisma } from '../db/prisma';
import { sendEmail } from '../email/outbox';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { hit } from '../rate-limit';
import { generateToken, hashToken } from '../auth/tokens';

export const verificationLifetimeHours = 24;

/**
 * Sends a fresh single-use verification link for one email address. Rate-limited per
 * address (a quiet no-op past the limit, so sign-in retries cannot flood an inbox).
 */
export async function sendVerificationEmail(emailId: string): Promise<{ sent: boolean }> {
  const prisma = getPrisma();
  const email = await prisma.email.findUnique({ where: { id: emailId }, include: { user: true } });
  if (!email || email.verifiedAt) return { sent: false };
  if (!(await hit(`verify-email:${email.id}`, 5, 60 * 60 * 1000))) return { sent: false };

  const token = generateToken();
  await prisma.emailToken.create({
    data: {
      tokenHash: hashToken(token),
      purpose: 'VERIFY_EMAIL',
      userId: email.userId,
      emailId: email.id,
      expiresAt: new Date(Date.now() + verificationLifetimeHours * 3600 * 1000),
    },
  });
  const verifyUrl = new URL(
    `/verify-email?token=${encodeURIComponent(token)}`,
    getEnv().APP_URL,
  ).toString();
  await sendEmail({
    to: email.address,
    template: 'verify-email',
    props: { username: email.user.username, verifyUrl, expiresInHours: verificationLifetimeHours },
  });
  return { sent: true };
}

/** Marks the email of a valid, unused, unexpired token verified; the token is spent. */
export async function verifyEmail(token: string): Promise<{ address: string; username: string }> {
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const record = await tx.emailToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { email: { include: { user: true } } },
    });
    if (!record || record.purpose !== 'VERIFY_EMAIL' || !record.email) {
      throw AppError.badInput(
        'This verification link is not valid. Request a new one from your email settings.',
      );
    }
    if (record.usedAt) throw AppError.badInput('This verification link was already used.');
    if (record.expiresAt < new Date()) {
      throw AppError.badInput(
        'This verification link has expired. Sign in or open your email settings to get a new one.',
      );
    }
    // Conditional update: two clicks at once cannot both spend the token.
    const spent = await tx.emailToken.updateMany({
      where: { id: record.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (spent.count === 0) throw AppError.badInput('This verification link was already used.');
    await tx.email.update({
      where: { id: record.email.id },
      data: { verifiedAt: record.email.verifiedAt ?? new Date() },
    });
    return { address: record.email.address, username: record.email.user.username };
  });
}
