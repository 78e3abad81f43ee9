import { findApiKeyActor } from '../accounts/api-keys';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import type { Actor } from './actor';

/**
 * The actor of a session token: valid only while the user exists and the token carries the
 * user's current session version (bumped by sign-out-everywhere, password change, deletion).
 */
export async function actorFromSession(
  userId: string,
  sessionVersion: number,
): Promise<Actor | null> {
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, isSystemAdmin: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    isSystemAdmin: user.isSystemAdmin,
    via: 'session',
  };
}

/** `Authorization: Bearer <key>` or HTTP Basic `api:<key>`; undefined when the header carries no key. */
export function apiKeyFromAuthorization(header: string | null): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(/\s+/, 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    return separator >= 0 ? decoded.slice(separator + 1) : undefined;
  }
  return undefined;
}

/** An API key that was presented must be valid: a wrong key is an error, not anonymity. */
export async function actorFromApiKey(secret: string): Promise<Actor> {
  const actor = await findApiKeyActor(secret);
  if (!actor) throw AppError.unauthenticated('Invalid or revoked API key');
  return actor;
}
