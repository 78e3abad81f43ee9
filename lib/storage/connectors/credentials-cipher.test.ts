import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('storage connector credentials at rest', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv('AUTH_SECRET', 'a-secret-of-at-least-thirty-two-characters!');
  });
  afterEach(() => vi.unstubAllEnvs());

  const keys = {
    accessKeyId: 'AKIAEXAMPLE1234',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY',
  };

  it('round-trips, never holds the plain text, and differs each time (random IV)', async () => {
    const { encryptCredentials, decryptCredentials } = await import('./credentials-cipher');
    const a = encryptCredentials(keys);
    const b = encryptCredentials(keys);
    expect(a).not.toBe(b);
    expect(a).not.toContain(keys.secretAccessKey);
    expect(a).not.toContain(keys.accessKeyId);
    expect(a.split('.')).toHaveLength(4);
    expect(decryptCredentials(a)).toEqual(keys);
  });

  it('refuses tampered ciphertext and a changed AUTH_SECRET with a clear message', async () => {
    const { encryptCredentials, decryptCredentials } = await import('./credentials-cipher');
    const sealed = encryptCredentials(keys);
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptCredentials([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow(
      /cannot be decrypted/,
    );
    vi.resetModules();
    vi.stubEnv('AUTH_SECRET', 'another-secret-of-at-least-thirty-two-chars');
    const again = await import('./credentials-cipher');
    expect(() => again.decryptCredentials(sealed)).toThrow(/AUTH_SECRET/);
  });
});
