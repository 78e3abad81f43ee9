import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors:
    | {
        message: string;
        extensions?: { code?: string; fields?: { field: string; message: string }[] };
      }[]
    | undefined;
}

/** Who a test request is from: nobody, a browser session (cookie) or an API key header. */
export type As = { session: string } | { authorization: string } | undefined;

/** A real next-auth session cookie for a user, signed with the app's secret (what signing in sets). */
export async function sessionCookie(
  userId: string,
  sessionVersion: number,
  secret: string,
): Promise<string> {
  const token = await encode({ token: { sub: userId, sv: sessionVersion }, secret });
  return `next-auth.session-token=${token}`;
}

/** Sends one operation through the real /api/graphql route handler. */
export async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  as?: As,
): Promise<GraphQLResponse<T>> {
  const { POST } = await import('@/app/api/graphql/route');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as && 'session' in as) headers.cookie = as.session;
  if (as && 'authorization' in as) headers.authorization = as.authorization;
  const response = await POST(
    new NextRequest('http://localhost/api/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    }),
  );
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLResponse['errors'] };
  return { status: response.status, data: body.data, errors: body.errors };
}
