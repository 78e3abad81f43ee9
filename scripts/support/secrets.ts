import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../../lib/env';

type GeneratedSecrets = { AUTH_SECRET: string; CRON_SECRET: string };

/**
 * A single-machine install needs no secrets configured: they are generated once and kept
 * in the data directory (mode 600). Explicit environment values always win.
 */
export async function ensureSecrets(env: Env): Promise<GeneratedSecrets> {
  const file = path.resolve(env.SEXTANT_DATA_DIR, 'secrets.json');
  let stored: Partial<GeneratedSecrets> = {};
  if (existsSync(file))
    stored = JSON.parse(await readFile(file, 'utf8')) as Partial<GeneratedSecrets>;
  const secrets: GeneratedSecrets = {
    AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString('base64url'),
    CRON_SECRET: stored.CRON_SECRET ?? randomBytes(24).toString('base64url'),
  };
  if (stored.AUTH_SECRET !== secrets.AUTH_SECRET || stored.CRON_SECRET !== secrets.CRON_SECRET) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    AUTH_SECRET: env.AUTH_SECRET ?? secrets.AUTH_SECRET,
    CRON_SECRET: env.CRON_SECRET ?? secrets.CRON_SECRET,
  };
}
