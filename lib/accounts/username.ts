import { z } from 'zod';

/**
 * Names of top-level routes and words that would confuse people; an entity (user or team)
 * can never take them because URLs are /<entity>/<project>.
 */
const reserved = new Set([
  'admin',
  'api',
  'app',
  'auth',
  'billing',
  'create-team',
  'docs',
  'help',
  'home',
  'invite',
  'invites',
  'login',
  'logout',
  'new',
  'org',
  'organizations',
  'pricing',
  'projects',
  'reports',
  'root',
  'sextant',
  'settings',
  'signin',
  'signout',
  'signup',
  'static',
  'support',
  'system',
  'teams',
  'user',
  'users',
  'verify-email',
  'www',
  '_next',
  'public',
  'graphql',
  'health',
  'status',
  'onboarding',
]);

/** A user or team name: the first segment of every URL of theirs. Lowercase and immutable. */
export const entityNameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(40, 'must be at most 40 characters')
  .regex(
    /^[a-z0-9][a-z0-9_-]*[a-z0-9]$/,
    'use lowercase letters, digits, - and _, starting and ending with a letter or digit',
  )
  .refine((name) => !/[-_]{2}/.test(name), 'must not contain two separators in a row')
  .refine((name) => !reserved.has(name), 'is reserved');

export function isReservedName(name: string): boolean {
  return reserved.has(name);
}
