import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './tests/e2e/chromium';

import { e2eServices } from './tests/e2e/support/services';

// scripts/test.ts picks free ports; these defaults serve `npm run test:e2e` on its own.
const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
const services = e2eServices(port);
// A fresh data folder per run (unless given): a reused one keeps earlier runs' users, so
// sign-ups collide and the sign-in rate limit fills up. Set here, in the runner, so the
// workers it starts inherit the same folder.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'sextant-e2e-'));
const executablePath = findChromium();
if (!executablePath) {
  throw new Error(
    'No Chromium found: set CHROMIUM_PATH, or install one (apt-get install -y chromium).',
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  // A real SMTP server (mails land as files the tests read) and a real OIDC issuer.
  globalSetup: './tests/e2e/global-setup.ts',
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } },
    },
  ],
  // The real thing: `npm start` (embedded Postgres, migrations, production build, next start)
  // with its data in a throwaway folder.
  webServer: {
    command: 'npm start',
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      SEXTANT_DATA_DIR: process.env.E2E_DATA_DIR,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? String(port + 20000),
      DATABASE_URL: '',
      SMTP_URL: `smtp://127.0.0.1:${services.smtpPort}`,
      OIDC_ISSUER: `http://127.0.0.1:${services.oidcPort}`,
      OIDC_CLIENT_ID: services.oidcClientId,
      OIDC_CLIENT_SECRET: services.oidcClientSecret,
      OIDC_DISPLAY_NAME: 'Test SSO',
      // storage-connector.spec.ts connects a team to a moto_server bucket on 127.0.0.1.
      SEXTANT_ALLOW_PRIVATE_STORAGE_ENDPOINTS: 'true',
    },
  },
});
