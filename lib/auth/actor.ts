import { AppError } from '../errors';

/**
 * Who is asking. Every transport (GraphQL, REST, server actions, cron) builds one per
 * request and hands it to services, which ask the permission catalog what it may do.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      username: string;
      isSystemAdmin: boolean;
      /** How the request proved who it is. */
      via: 'session' | 'api-key';
      apiKeyId?: string;
    }
  | {
      /** A team's robot: acts only within its team (lib/permissions/catalog.ts). */
      kind: 'service-account';
      serviceAccountId: string;
      teamId: string;
      name: string;
      apiKeyId: string;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymousActor: Actor = { kind: 'anonymous' };

/** The signed-in person: UNAUTHENTICATED for anonymous requests, FORBIDDEN for service accounts. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind === 'anonymous') throw AppError.unauthenticated();
  if (actor.kind !== 'user')
    throw AppError.forbidden('This needs a person’s account, not a service account');
  return actor;
}
