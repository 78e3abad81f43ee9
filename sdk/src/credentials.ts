import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Credentials {
  apiKey: string;
  baseUrl: string;
}

/** ~/.config/sextant/credentials.json, readable by its owner only (like ~/.netrc). */
export function credentialsPath(): string {
  return path.join(
    process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'),
    'sextant',
    'credentials.json',
  );
}

export async function saveCredentials(credentials: Credentials): Promise<string> {
  const file = credentialsPath();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  await chmod(file, 0o600);
  return file;
}

export async function loadCredentials(): Promise<Partial<Credentials>> {
  try {
    return JSON.parse(await readFile(credentialsPath(), 'utf8')) as Partial<Credentials>;
  } catch {
    return {};
  }
}

/** Environment first (SEXTANT_API_KEY, SEXTANT_BASE_URL), then the stored login. */
export async function resolveCredentials(
  overrides: Partial<Credentials> = {},
): Promise<Partial<Credentials>> {
  const stored = await loadCredentials();
  return {
    apiKey: overrides.apiKey ?? process.env.SEXTANT_API_KEY ?? stored.apiKey,
    baseUrl: overrides.baseUrl ?? process.env.SEXTANT_BASE_URL ?? stored.baseUrl,
  };
}
