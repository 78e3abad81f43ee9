import type { Provider } from 'next-auth/providers/index';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { getEnv } from '../env';

export interface SsoProviderInfo {
  id: 'oidc' | 'github' | 'google';
  name: string;
}

/** The SSO providers this instance has configuration for; sign-in buttons show only these. */
export function configuredSsoProviders(): SsoProviderInfo[] {
  const env = getEnv();
  const providers: SsoProviderInfo[] = [];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)
    providers.push({ id: 'oidc', name: env.OIDC_DISPLAY_NAME });
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET)
    providers.push({ id: 'github', name: 'GitHub' });
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET)
    providers.push({ id: 'google', name: 'Google' });
  return providers;
}

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

/** next-auth provider definitions for the configured SSO providers. */
export function ssoProviders(): Provider[] {
  const env = getEnv();
  const providers: Provider[] = [];
  for (const { id, name } of configuredSsoProviders()) {
    if (id === 'oidc') {
      const issuer = env.OIDC_ISSUER!.replace(/\/$/, '');
      providers.push({
        id: 'oidc',
        name,
        type: 'oauth',
        wellKnown: `${issuer}/.well-known/openid-configuration`,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        authorization: { params: { scope: 'openid email profile' } },
        idToken: true,
        checks: ['pkce', 'state'],
        // IdPs differ in what they put into the id_token; the userinfo endpoint has the email.
        userinfo: { request: ({ client, tokens }) => client.userinfo(tokens.access_token!) },
        profile: (profile: OidcProfile) => ({
          id: profile.sub,
          name: profile.name ?? profile.preferred_username ?? null,
          email: profile.email ?? null,
          image: null,
          // Carried to the link event, which adds the address as verified only if the IdP did.
          emailVerified: profile.email_verified !== false,
        }),
        // Linking by email is safe here: the adapter only matches verified addresses and
        // the sign-in callback refuses addresses the IdP itself marks unverified.
        allowDangerousEmailAccountLinking: true,
      });
    }
    if (id === 'github') {
      providers.push(
        GitHubProvider({
          clientId: env.GITHUB_CLIENT_ID!,
          clientSecret: env.GITHUB_CLIENT_SECRET!,
          allowDangerousEmailAccountLinking: true,
        }),
      );
    }
    if (id === 'google') {
      providers.push(
        GoogleProvider({
          clientId: env.GOOGLE_CLIENT_ID!,
          clientSecret: env.GOOGLE_CLIENT_SECRET!,
          allowDangerousEmailAccountLinking: true,
        }),
      );
    }
  }
  return providers;
}
