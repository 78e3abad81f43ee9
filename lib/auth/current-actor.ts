import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { getEnv } from '../env';
import { anonymousActor, type Actor } from './actor';
import { getAuthOptions } from './auth-options';
import { actorFromApiKey, actorFromSession, apiKeyFromAuthorization } from './load-actor';

/** The actor of the current page or server action (browser session only). */
export async function getCurrentActor(): Promise<Actor> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.userId || session.sessionVersion === undefined) return anonymousActor;
  return (await actorFromSession(session.userId, session.sessionVersion)) ?? anonymousActor;
}

/**
 * The actor of an API request: an API key (Bearer or Basic `api:<key>`) when one is
 * presented (a bad key is an error), otherwise the browser session cookie, otherwise anonymous.
 */
export async function actorFromRequest(request: NextRequest): Promise<Actor> {
  const apiKey = apiKeyFromAuthorization(request.headers.get('authorization'));
  if (apiKey) return actorFromApiKey(apiKey);
  const token = await getToken({ req: request, secret: getEnv().AUTH_SECRET });
  if (!token?.sub || token.sv === undefined) return anonymousActor;
  return (await actorFromSession(token.sub, token.sv)) ?? anonymousActor;
}
