import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getEnv } from '../../env';
import { AppError } from '../../errors';

/**
 * Storage connector credentials at rest: AES-256-GCM under a key derived (HKDF-SHA256) from
 * AUTH_SECRET, so a database dump alone does not hand out a team's bucket keys. The stored
 * text is `v1.<iv>.<tag>.<ciphertext>` (base64url); GCM's tag makes any tampering fail loudly.
 * Rotating AUTH_SECRET makes stored credentials unreadable: admins then save them again
 * (docs/decisions/011-team-storage-connector.md).
 */

export interface ConnectorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const version = 'v1';

function key(): Buffer {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) {
    throw new AppError(
      'UNAVAILABLE',
      'Storage connectors need AUTH_SECRET to encrypt credentials; set it (npm start generates one)',
    );
  }
  return Buffer.from(hkdfSync('sha256', secret, 'sextant', 'storage-connector-credentials v1', 32));
}

export function encryptCredentials(credentials: ConnectorCredentials): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([
    cipher.update(
      JSON.stringify({
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
      }),
      'utf8',
    ),
    cipher.final(),
  ]);
  return [version, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptCredentials(stored: string): ConnectorCredentials {
  const [tag, iv, authTag, ciphertext] = stored.split('.');
  if (tag !== version || !iv || !authTag || ciphertext === undefined) {
    throw new AppError(
      'UNAVAILABLE',
      "The team's storage connector credentials are not in a known format; a team admin must save the connector again",
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(authTag, 'base64url'));
  try {
    const text = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text) as ConnectorCredentials;
  } catch {
    // Shown to the person whose upload or download failed: the team's bucket is unreachable
    // until an admin re-enters the credentials (AUTH_SECRET, which derives the key, changed).
    throw new AppError(
      'UNAVAILABLE',
      "The team's storage connector credentials cannot be decrypted (was AUTH_SECRET changed?); a team admin must save the connector again",
    );
  }
}
