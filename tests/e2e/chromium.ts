import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Playwright cannot download its own browsers here, so e2e tests use a Chromium found on
 * the machine: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's cache.
 */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const cache = path.join(os.homedir(), '.cache/ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache)
      .filter((d) => d.startsWith('chromium'))
      .sort()
      .reverse()) {
      candidates.push(
        path.join(cache, dir, 'chrome-linux64/chrome'),
        path.join(cache, dir, 'chrome-linux/chrome'),
      );
    }
  }
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

/** Flags for a headless Chromium on an offline machine, possibly as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
