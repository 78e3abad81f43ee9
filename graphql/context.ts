import { randomUUID } from 'node:crypto';
import { anonymousActor, type Actor } from '@/lib/auth/actor';
import { Loaders } from './loaders';

export interface GraphQLContext {
  actor: Actor;
  loaders: Loaders;
  requestId: string;
}

/** One context per request: who is asking (anonymous until accounts land) and fresh loaders. */
export async function createContext(request: Request): Promise<GraphQLContext> {
  return {
    actor: anonymousActor,
    loaders: new Loaders(),
    requestId: request.headers.get('x-request-id') ?? randomUUID(),
  };
}
