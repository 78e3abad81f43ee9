import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { Actor } from '@/lib/auth/actor';
import { actorFromRequest } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { GraphQLError } from 'graphql';
import { Loaders } from './loaders';

export interface GraphQLContext {
  actor: Actor;
  loaders: Loaders;
  requestId: string;
}

/** One context per request: who is asking (API key, session or anonymous) and fresh loaders. */
export async function createContext(request: NextRequest): Promise<GraphQLContext> {
  return {
    actor: await actorFromRequest(request).catch(rethrowForApollo),
    loaders: new Loaders(),
    requestId: request.headers.get('x-request-id') ?? randomUUID(),
  };
}

/** Apollo answers 500 for any error thrown while building the context, unless told the status. */
function rethrowForApollo(error: unknown): never {
  if (isAppError(error)) {
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, http: { status: error.status } },
    });
  }
  throw error;
}
