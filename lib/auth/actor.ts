/**
 * Who is asking. Every transport (GraphQL, REST, cron) builds one per request and hands it
 * to services, which ask the permission catalog what it may do. Only anonymous exists until
 * accounts land; users, API keys and service accounts join this union then.
 */
export type Actor = { kind: 'anonymous' };

export const anonymousActor: Actor = { kind: 'anonymous' };
