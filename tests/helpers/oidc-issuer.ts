import http from 'node:http';
import Provider from 'oidc-provider';

export interface OidcIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect issuer (oidc-provider) on localhost, as Okta or Keycloak would be.
 * Its built-in development login form accepts any login: the login typed becomes the
 * account, and its email. A login containing "+unverified" gets `email_verified: false`.
 */
export async function startOidcIssuer(options: {
  port: number;
  redirectUris: string[];
}): Promise<OidcIssuer> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = 'sextant-test';
  const clientSecret = 'sextant-test-secret-that-is-long-enough';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        email: id.replace('+unverified', ''),
        email_verified: !id.includes('+unverified'),
        name: id.split('@')[0],
      }),
    }),
    cookies: { keys: ['sextant-test-cookie-key'] },
  });
  // Plain http on loopback is fine for a test issuer.
  provider.proxy = true;
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
