import type { Prisma } from '@/generated/prisma/client';
import { getPrisma } from '../db/prisma';
import { isAdminEmail } from './sign-up';
import { entityNameSchema } from './username';

/** A valid, free username derived from an SSO profile (e.g. "Ada Lovelace" → "ada-lovelace-2"). */
async function freeUsername(tx: Prisma.TransactionClient, seed: string): Promise<string> {
  const base =
    seed
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'user';
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = attempt === 0 ? base : `${base}-${attempt + 1}`;
    if (!entityNameSchema.safeParse(candidate).success) continue;
    if (!(await tx.entity.findUnique({ where: { name: candidate } }))) return candidate;
  }
  return `user-${Date.now().toString(36)}`;
}

/**
 * Creates a person from a verified identity-provider profile: the IdP vouches for the
 * email, so it is verified and primary; there is no password until they set one.
 */
export async function createUserFromSso(profile: { email: string; name?: string | null }) {
  const address = profile.email.trim().toLowerCase();
  return getPrisma().$transaction(async (tx) => {
    const firstUser = (await tx.user.count()) === 0;
    const username = await freeUsername(tx, address.split('@')[0] ?? profile.name ?? 'user');
    const entity = await tx.entity.create({ data: { name: username, kind: 'USER' } });
    return tx.user.create({
      data: {
        entityId: entity.id,
        username,
        name: profile.name ?? '',
        isSystemAdmin: firstUser || isAdminEmail(address),
        emails: { create: { address, isPrimary: true, verifiedAt: new Date() } },
      },
      include: { emails: true },
    });
  });
}
