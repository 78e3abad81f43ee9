import { sessionCookie } from './graphql';

export const testAuthSecret = 'test-auth-secret-of-at-least-thirty-two-chars';

/**
 * A signed-up user with a verified primary email and a live session cookie. Goes through
 * the real sign-up service; only the click on the emailed link is skipped.
 */
export async function createVerifiedUser(username: string, password = 'correct-horse-9') {
  const { signUp } = await import('@/lib/accounts/sign-up');
  const { getPrisma } = await import('@/lib/db/prisma');
  const { userId } = await signUp({ email: `${username}@example.com`, username, password });
  await getPrisma().email.updateMany({ where: { userId }, data: { verifiedAt: new Date() } });
  const user = await getPrisma().user.findUniqueOrThrow({
    where: { id: userId },
    include: { emails: true },
  });
  return {
    user,
    password,
    session: { session: await sessionCookie(userId, user.sessionVersion, testAuthSecret) },
  };
}
