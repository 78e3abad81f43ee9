import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret (256 bits by default) for links and keys. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * What we store instead of a token. Tokens are long random values, so a fast hash is
 * enough: there is nothing to brute-force.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
