/**
 * `npm test`: every suite CI runs (unit + integration with Vitest, e2e with Playwright in
 * Chromium), then one final line `N passed, N failed` counting all of them.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../lib/net/find-free-port';
import { findChromium } from '../tests/e2e/chromium';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(
  command: string,
  args: string[],
  options: Omit<SpawnSyncOptions, 'env'> & { env?: Record<string, string> } = {},
): number {
  const env = { ...process.env, ...options.env } as NodeJS.ProcessEnv;
  const result = spawnSync(command, args, { stdio: 'inherit', ...options, env });
  return result.status ?? 1;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A suite that crashed before reporting counts as one failure, never as silence. */
function count(
  suite: string,
  exitCode: number,
  counts: { passed: number; failed: number; skipped: number } | undefined,
) {
  if (!counts) {
    console.error(`\n✖ ${suite} produced no report (exit code ${exitCode}); counted as 1 failure.`);
    totals.failed += 1;
    return;
  }
  totals.passed += counts.passed;
  totals.skipped += counts.skipped;
  // A runner that exits non-zero with all tests green failed elsewhere (e.g. an unhandled error).
  totals.failed += counts.failed === 0 && exitCode !== 0 ? 1 : counts.failed;
}

run('npm', ['run', '--silent', 'generate:prisma'], { stdio: ['ignore', 'ignore', 'inherit'] });

// 1. Unit and integration tests.
const vitestReport = path.join(results, 'vitest.json');
rmSync(vitestReport, { force: true });
const vitestExit = run('node_modules/.bin/vitest', [
  'run',
  '--project=unit',
  '--project=integration',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
count(
  'Vitest',
  vitestExit,
  vitest && {
    passed: Number(vitest.numPassedTests),
    failed: Number(vitest.numFailedTests),
    skipped: Number(vitest.numPendingTests ?? 0) + Number(vitest.numTodoTests ?? 0),
  },
);

// 2. End-to-end tests in Chromium against `npm start` on free ports.
if (!findChromium() && os.userInfo().uid === 0) {
  console.log('• No Chromium found: installing Debian’s chromium package…');
  run('bash', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  ]);
}
const playwrightReport = path.join(results, 'playwright.json');
rmSync(playwrightReport, { force: true });
const e2eDataDir = path.join(os.tmpdir(), `sextant-e2e-${process.pid}`);
const e2eMailDir = path.join(os.tmpdir(), `sextant-e2e-mail-${process.pid}`);
const playwrightExit = run('node_modules/.bin/playwright', ['test', '--reporter=list,json'], {
  env: {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    E2E_PORT: String(await findFreePort(3100)),
    E2E_PG_PORT: String(await findFreePort(55400)),
    E2E_SMTP_PORT: String(await findFreePort(2525)),
    E2E_OIDC_PORT: String(await findFreePort(4400)),
    E2E_DATA_DIR: e2eDataDir,
    E2E_MAIL_DIR: e2eMailDir,
  },
});
rmSync(e2eDataDir, { recursive: true, force: true });
rmSync(e2eMailDir, { recursive: true, force: true });
const playwright = readJson(playwrightReport) as { stats?: Record<string, number> } | undefined;
count(
  'Playwright',
  playwrightExit,
  playwright?.stats && {
    passed: (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0),
    failed: playwright.stats.unexpected ?? 0,
    skipped: playwright.stats.skipped ?? 0,
  },
);

if (!existsSync(playwrightReport)) console.error('(see the Playwright output above)');
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed > 0 ? 1 : 0);
