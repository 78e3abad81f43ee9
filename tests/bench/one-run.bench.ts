/**
 * P2 (DESIGN.md §5): one run logging through the TypeScript SDK over real HTTP (the app's
 * route handlers in their own process, local Postgres). Prints
 *   - sustained points/s: the training loop logs as fast as it can for BENCH_SECONDS; the
 *     figure counts until the server has acknowledged every point (SDK → HTTP → store);
 *   - logged → queryable latency p50/p95: single steps logged at a training-like pace, each
 *     timed from `log()` until the history store returns it;
 *   - the ratio to appending the same rows straight into the store in-process (no SDK, no HTTP).
 * Tunables: BENCH_SECONDS (10) and BENCH_STEPS (100,000): logging stops at whichever comes
 * first; BENCH_KEYS (10 metrics per step), BENCH_PROBES (40).
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { init } from '../../sdk/src/index';
import { startBenchDatabase } from './support/bench-database';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const maxSteps = Number(process.env.BENCH_STEPS ?? 100_000);
const keys = Number(process.env.BENCH_KEYS ?? 10);
const probes = Number(process.env.BENCH_PROBES ?? 40);

const postgres = await startBenchDatabase();
process.env.AUTH_SECRET = 'bench-secret-bench-secret-bench-secret';
const { signUp } = await import('../../lib/accounts/sign-up');
const { createApiKey } = await import('../../lib/accounts/api-keys');
const { getPrisma } = await import('../../lib/db/prisma');
const { getMetricsStore } = await import('../../lib/history');
const { userId } = await signUp({
  email: 'bench@example.com',
  username: 'bench',
  password: 'quick-brown-fox-9',
});
const { secret } = await createApiKey(
  { kind: 'user', userId, username: 'bench', isSystemAdmin: false, via: 'session' },
  'bench',
);

const server = spawn('node_modules/.bin/tsx', ['tests/bench/support/app-server-process.ts'], {
  env: { ...process.env, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const baseUrl = await new Promise<string>((resolve, reject) => {
  server.on('exit', (code) => reject(new Error(`the app server exited (${code})`)));
  createInterface({ input: server.stdout! }).on('line', (line) => {
    if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
  });
});

const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-p2-'));
const names = Array.from({ length: keys }, (_, k) => `metric_${k}`);
const values = (step: number) => Object.fromEntries(names.map((name, k) => [name, step + k / 10]));
const options = {
  apiKey: secret,
  baseUrl,
  project: 'p2',
  dir,
  finishOnExit: false,
  captureConsole: false,
  systemMetricsIntervalMs: 0,
};

// 1. Sustained throughput: log flat out, yielding to the event loop between chunks.
const run = await init({ ...options, id: 'throughput' });
let step = 0;
const started = performance.now();
const loggingEnds = started + seconds * 1000;
while (performance.now() < loggingEnds && step < maxSteps) {
  for (let i = 0; i < 500; i++) run.log(values(step++));
  await new Promise((resolve) => setImmediate(resolve));
}
const loggedSeconds = (performance.now() - started) / 1000;
await run.finish(0, { timeoutMs: 600_000 });
const ackSeconds = (performance.now() - started) / 1000;
const points = step * keys;

// 2. Logged → queryable: one step at a time, polled from the store until it is readable.
const probe = await init({ ...options, id: 'latency', flushIntervalMs: 1000 });
const stored = await getPrisma().run.findFirstOrThrow({ where: { runId: 'latency' } });
const latencies: number[] = [];
for (let i = 0; i < probes; i++) {
  const logged = performance.now();
  probe.log(values(i));
  for (;;) {
    const points = await getMetricsStore().readExact(stored.id, 'metric_0', {
      afterStep: i - 1,
      limit: 1,
    });
    if (points[0]?.step === i) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  latencies.push(performance.now() - logged);
  await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
}
await probe.finish();
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(0);

// 3. Baseline: the same rows appended straight into the store, in batches as the SDK sends them.
const baseline = await getPrisma().run.findFirstOrThrow({ where: { runId: 'throughput' } });
const { rows: created } = await (
  await import('../../lib/db/prisma')
)
  .getPool()
  .query<{ id: string }>(
    `INSERT INTO "Run" (id, "projectId", "runId", "displayName", "createdById", "updatedAt")
     SELECT gen_random_uuid()::text, "projectId", 'baseline', 'baseline', "createdById", now() FROM "Run" WHERE id = $1
     RETURNING id`,
    [baseline.id],
  );
const baselineRun = created[0]!.id;
const baselineStarted = performance.now();
for (let from = 0; from < step; from += 2000) {
  const rows = [];
  for (let s = from; s < Math.min(step, from + 2000); s++)
    rows.push({ step: s, values: values(s) });
  await getMetricsStore().append(baselineRun, rows);
}
const baselineSeconds = (performance.now() - baselineStarted) / 1000;

const rate = points / ackSeconds;
const baselineRate = points / baselineSeconds;
console.log(`\nP2 one run: ${keys} metrics per step, logged flat out through the SDK`);
console.table([
  {
    path: 'SDK → HTTP → store (until acknowledged)',
    steps: step,
    points,
    'logging s': loggedSeconds.toFixed(1),
    'acknowledged s': ackSeconds.toFixed(1),
    'points/s': Math.round(rate),
  },
  {
    path: 'store.append in-process (baseline)',
    steps: step,
    points,
    'logging s': '-',
    'acknowledged s': baselineSeconds.toFixed(1),
    'points/s': Math.round(baselineRate),
  },
]);
console.log(`ratio SDK over HTTP / in-process append: ${(rate / baselineRate).toFixed(2)}`);
console.log(
  `logged → queryable (${probes} single steps, sender flushing every 1 s): p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`,
);

server.kill('SIGTERM');
await postgres.stop();
process.exit(0);
