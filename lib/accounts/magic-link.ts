import { getPrisma } from '../db/prisma';
import { sendEmail } from '../email/outbox';
import { hit } from '../rate-limit';

/**
 * Mails a sign-in link, but only to addresses that belong to an account: the sign-in page
 * says "if an account exists, we sent a link" either way, so nobody learns who has one.
 * Rate-limited per address.
 */
export async function sendMagicLink(
  address: string,
  signInUrl: string,
  expiresInMinutes: number,
): Promise<void> {
  const email = await getPrisma().email.findUnique({ where: { address: address.toLowerCase() } });
  if (!email) return;
  if (!(await hit(`magic-link:${email.address}`, 5, 60 * 60 * 1000))) return;
  await sendEmail({
    to: email.address,
    template: 'magic-link',
    props: { signInUrl, expiresInMinutes },
  });
}
