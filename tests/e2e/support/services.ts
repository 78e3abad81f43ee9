import os from 'node:os';
import path from 'node:path';

/**
 * Where the e2e run's stand-in services live. Derived from the app's port so the config,
 * the global setup and the tests (separate processes) agree without talking.
 */
export function e2eServices(appPort = Number(process.env.E2E_PORT ?? 3107)) {
  return {
    smtpPort: Number(process.env.E2E_SMTP_PORT ?? appPort + 1000),
    oidcPort: Number(process.env.E2E_OIDC_PORT ?? appPort + 2000),
    mailDir: process.env.E2E_MAIL_DIR ?? path.join(os.tmpdir(), `sextant-e2e-mail-${appPort}`),
    oidcClientId: 'sextant-test',
    oidcClientSecret: 'sextant-test-secret-that-is-long-enough',
    appUrl: `http://127.0.0.1:${appPort}`,
  };
}
