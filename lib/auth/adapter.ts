import type { Adapter, AdapterAccount, AdapterUser } from 'next-auth/adapters';
import { createUserFromSso } from '../accounts/sso-user';
import { getPrisma } from '../db/prisma';
import { hashToken } from './tokens';

/**
 * next-auth's storage, mapped onto our model (users with several emails, entities).
 * Sessions are JWTs, so only users, accounts and magic-link tokens are stored.
 *
 * The one rule that matters: `getUserByEmail` answers only for VERIFIED addresses, so an
 * SSO login is linked to an existing account only through an email that account proved it
 * owns (an unverified address is never linked automatically).
 */
type UserWithEmails = {
  id: string;
  name: string;
  emails: { address: string; isPrimary: boolean; verifiedAt: Date | null }[];
};

function toAdapterUser(user: UserWithEmails, address?: string): AdapterUser {
  const email =
    user.emails.find((e) => e.address === address) ??
    user.emails.find((e) => e.isPrimary) ??
    user.emails[0];
  return {
    id: user.id,
    name: user.name || null,
    email: email?.address ?? '',
    emailVerified: email?.verifiedAt ?? null,
  };
}

export function sextantAdapter(): Adapter {
  const prisma = () => getPrisma();
  return {
    async createUser(profile: Omit<AdapterUser, 'id'>) {
      const user = await createUserFromSso({ email: profile.email, name: profile.name });
      return toAdapterUser(user);
    },
    async getUser(id) {
      const user = await prisma().user.findUnique({ where: { id }, include: { emails: true } });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByEmail(address) {
      const email = await prisma().email.findUnique({
        where: { address: address.toLowerCase() },
        include: { user: { include: { emails: true } } },
      });
      return email?.verifiedAt ? toAdapterUser(email.user, email.address) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await prisma().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: { include: { emails: true } } },
      });
      return account ? toAdapterUser(account.user) : null;
    },
    // Email verification is recorded when the magic-link token is spent (below).
    async updateUser(user) {
      const found = await prisma().user.findUniqueOrThrow({
        where: { id: user.id },
        include: { emails: true },
      });
      return toAdapterUser(found, user.email ?? undefined);
    },
    async linkAccount(account: AdapterAccount) {
      await prisma().account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          access_token: account.access_token ?? null,
          refresh_token: account.refresh_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === 'string' ? account.session_state : null,
        },
      });
    },
    async createVerificationToken({ identifier, token, expires }) {
      const email = await prisma().email.findUnique({
        where: { address: identifier.toLowerCase() },
      });
      await prisma().emailToken.create({
        data: {
          purpose: 'MAGIC_LINK',
          identifier: identifier.toLowerCase(),
          tokenHash: hashToken(token),
          expiresAt: expires,
          emailId: email?.id ?? null,
          userId: email?.userId ?? null,
        },
      });
      return { identifier, token, expires };
    },
    /** Spends a magic-link token; clicking it proves the address, so the email becomes verified. */
    async useVerificationToken({ identifier, token }) {
      return prisma().$transaction(async (tx) => {
        const record = await tx.emailToken.findUnique({ where: { tokenHash: hashToken(token) } });
        if (
          !record ||
          record.purpose !== 'MAGIC_LINK' ||
          record.identifier !== identifier.toLowerCase() ||
          record.usedAt
        ) {
          return null;
        }
        const spent = await tx.emailToken.updateMany({
          where: { id: record.id, usedAt: null },
          data: { usedAt: new Date() },
        });
        if (spent.count === 0) return null;
        if (record.emailId && record.expiresAt > new Date()) {
          await tx.email.updateMany({
            where: { id: record.emailId, verifiedAt: null },
            data: { verifiedAt: new Date() },
          });
        }
        return { identifier, token, expires: record.expiresAt };
      });
    },
  };
}
