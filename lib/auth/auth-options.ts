import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import { linkSsoAccountEmail, ssoSignInProblem } from '../accounts/sso-linking';
import { signInWithPassword } from '../accounts/sign-in';
import { sendMagicLink } from '../accounts/magic-link';
import { getPrisma } from '../db/prisma';
import { getEnv } from '../env';
import { sextantAdapter } from './adapter';
import { ssoProviders } from './providers';

export const magicLinkLifetimeMinutes = 15;

/** Messages for the codes the sign-in page receives in `?error=`. */
export const signInErrors: Record<string, string> = {
  invalid: 'Incorrect email or password.',
  unverified: 'Verify your email first: we just sent you a new verification link.',
  'rate-limited': 'Too many attempts. Wait 15 minutes and try again.',
  EmailUnverified:
    'That email belongs to an account but is not verified yet. Sign in with your password and verify it first.',
  ProviderEmailUnverified:
    'Your identity provider has not verified that email address, so it cannot be linked.',
  OAuthAccountNotLinked:
    'That login is not linked to an account. Sign in first, then link it in settings.',
  Verification: 'That sign-in link has expired or was already used. Request a new one.',
  AccessDenied: 'Sign-in was refused.',
};

let cached: NextAuthOptions | undefined;

/** next-auth configuration: our pages, JWT sessions checked against the user's session version. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  cached = {
    secret: env.AUTH_SECRET,
    adapter: sextantAdapter(),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
    pages: { signIn: '/signin', error: '/signin', verifyRequest: '/signin/check-email' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          identifier: { label: 'Email or username', type: 'text' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          const forwarded = request?.headers?.['x-forwarded-for'];
          const ip =
            (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || 'local';
          const result = await signInWithPassword({
            identifier: credentials?.identifier ?? '',
            password: credentials?.password ?? '',
            ip,
          });
          // next-auth passes the message on as `?error=` / `{ error }`.
          if (!result.ok) throw new Error(result.reason);
          return { id: result.userId };
        },
      }),
      EmailProvider({
        maxAge: magicLinkLifetimeMinutes * 60,
        // next-auth insists on a server; delivery goes through our outbox instead.
        server: { host: '127.0.0.1', port: 25, auth: { user: '', pass: '' } },
        sendVerificationRequest: ({ identifier, url }) =>
          sendMagicLink(identifier, url, magicLinkLifetimeMinutes),
      }),
      ...ssoProviders(),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.type !== 'oauth') return true;
        const problem = await ssoSignInProblem(account, profile);
        return problem ? `/signin?error=${problem}` : true;
      },
      async jwt({ token, user }) {
        // On sign-in, remember the session version; a later bump invalidates this token.
        if (user) {
          const found = await getPrisma().user.findUnique({
            where: { id: user.id },
            select: { sessionVersion: true },
          });
          token.sv = found?.sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sessionVersion: token.sv };
      },
    },
    events: {
      linkAccount: ({ user, account, profile }) =>
        linkSsoAccountEmail(user.id, account, profile as Parameters<typeof linkSsoAccountEmail>[2]),
    },
  };
  return cached;
}
