import type { Account } from 'next-auth';
import { getPrisma } from '../db/prisma';

/** A raw IdP profile (sign-in callback) or the normalised one (link event). */
type SsoProfile =
  | {
      email?: string | null;
      name?: string | null;
      login?: string;
      email_verified?: boolean;
      verified_email?: boolean;
      emailVerified?: boolean;
    }
  | undefined;

/** Whether the identity provider itself vouches for the email (absent claim: trusted IdP). */
function providerVerifiedEmail(profile: SsoProfile): boolean {
  return (
    profile?.email_verified !== false &&
    profile?.verified_email !== false &&
    profile?.emailVerified !== false
  );
}

/**
 * Why an SSO sign-in must be refused, or null. Refused: the address belongs to one of our
 * accounts but is unverified there (we cannot tell who owns it), or the IdP says it has not
 * verified the address itself. Already linked logins always pass.
 */
export async function ssoSignInProblem(
  account: Account,
  profile: SsoProfile,
): Promise<string | null> {
  const prisma = getPrisma();
  const linked = await prisma.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      },
    },
  });
  if (linked) return null;
  const address = profile?.email?.toLowerCase();
  if (!address) return null;
  const existing = await prisma.email.findUnique({ where: { address } });
  if (existing && !existing.verifiedAt) return 'EmailUnverified';
  if (existing && !providerVerifiedEmail(profile)) return 'ProviderEmailUnverified';
  return null;
}

/**
 * After a login method is linked, remember which of the user's emails it came with (for
 * "login methods per email"), adding the address as verified when the IdP vouches for it.
 */
export async function linkSsoAccountEmail(
  userId: string,
  account: Account,
  profile: SsoProfile,
): Promise<void> {
  const address = profile?.email?.toLowerCase();
  if (!address) return;
  const prisma = getPrisma();
  let email = await prisma.email.findUnique({ where: { address } });
  if (!email && providerVerifiedEmail(profile)) {
    email = await prisma.email.create({ data: { userId, address, verifiedAt: new Date() } });
  }
  if (!email || email.userId !== userId) return;
  await prisma.account.update({
    where: {
      provider_providerAccountId: {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      },
    },
    data: {
      emailId: email.id,
      displayName: profile?.login ?? profile?.name ?? address,
    },
  });
}
