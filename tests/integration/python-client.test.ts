import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');
const server = await startAppHttpServer();
let apiKey: string;

beforeAll(async () => {
  const pia = await createVerifiedUser('pia');
  apiKey = (
    await graphql<{ createApiKey: { secret: string } }>(
      `
        mutation {
          createApiKey(name: "py") {
            secret
          }
        }
      `,
      {},
      pia.session,
    )
  ).data!.createApiKey.secret;
});

/** Runs a Python script with the machine's python3 and the client from sdk/python on its path. */
function python(
  script: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', script], {
      env: {
        PATH: process.env.PATH,
        PYTHONPATH: path.resolve('sdk/python'),
        SEXTANT_API_KEY: apiKey,
        SEXTANT_BASE_URL: server.url,
        ...env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

it('logs a run from Python: config, metrics with NaN, summary, and the exit state', async () => {
  const result = await python(`
import sextant
run = sextant.init(project="py", id="py-run", config={"lr": 0.1}, tags=["python"])
for i in range(1500):
    sextant.log({"loss": 1 / (i + 1), "nan": float("nan")})
sextant.config.update({"epochs": 3})
sextant.summary["best"] = 0.9
sextant.define_metric("worst", summary="max")
for value in (2.0, 7.0, 3.0):
    sextant.log({"worst": value})
assert sextant.finish()
`);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-run' } });
  expect(run).toMatchObject({
    state: 'FINISHED',
    exitCode: 0,
    tags: ['python'],
    historyOffset: 1503,
  });
  expect(run.config).toEqual({ lr: 0.1, epochs: 3 });
  expect(run.summary).toMatchObject({ loss: 1 / 1500, best: 0.9, nan: 'NaN', worst: 7 });
  expect(run.languageVersion).toMatch(/^python 3\./);
  const loss = await getMetricsStore().readExact(run.id, 'loss', { limit: 2000 });
  expect(loss).toHaveLength(1500);
  expect(loss.every((point, i) => point.step === i && point.value === 1 / (i + 1))).toBe(true);
});

it('marks a run failed with a non-zero exit code, and finishes on interpreter exit', async () => {
  await python(`
import sextant
sextant.init(project="py", id="py-failed")
sextant.log({"x": 1})
sextant.finish(exit_code=2)
`);
  await python(`
import sextant
sextant.init(project="py", id="py-atexit")
sextant.log({"x": 1})
`);
  const runs = await getPrisma().run.findMany({
    where: { runId: { in: ['py-failed', 'py-atexit'] } },
  });
  expect(Object.fromEntries(runs.map((r) => [r.runId, r.state]))).toEqual({
    'py-failed': 'FAILED',
    'py-atexit': 'FINISHED',
  });
});

it('alerts (rate-limited per title), reports preemption, and samples system metrics from /proc', async () => {
  const result = await python(
    `
import sextant, time
run = sextant.init(project="py", id="py-preempted")
assert sextant.alert("Loss spiked", text="step 3", level="WARN", wait_duration=600) is True
assert sextant.alert("Loss spiked", text="again", level="WARN", wait_duration=600) is False
assert run.alert("Bad level", level="LOUD") is False
for i in range(5):
    sextant.log({"loss": i})
time.sleep(1.5)
sextant.mark_preempting()
assert sextant.finish(exit_code=143)
`,
    { SEXTANT_SYSTEM_METRICS_INTERVAL_MS: '200' },
  );
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/alert 'Bad level' not sent: 400/);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-preempted' } });
  expect(run).toMatchObject({ state: 'PREEMPTED', exitCode: 143, historyOffset: 5 });
  const alerts = await getPrisma().alert.findMany({ where: { runId: run.id, event: 'CUSTOM' } });
  expect(alerts.map((a) => [a.title, a.level, a.text])).toEqual([
    ['Loss spiked', 'WARN', 'step 3'],
  ]);
  expect(run.systemOffset).toBeGreaterThanOrEqual(1);
  const keys = await getMetricsStore().keys(run.id);
  for (const key of [
    'cpu',
    'memory',
    'proc.memory.rssMB',
    'proc.memory.percent',
    'proc.cpu.threads',
  ])
    expect(keys).toContain(`system/${key}`);
});

it('writes an offline run in the TypeScript SDK’s format, which sextant sync uploads', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'sextant-py-offline-'));
  const result = await python(
    `
import sextant
run = sextant.init(project="py", id="py-offline", config={"lr": 0.5}, mode="offline")
for i in range(3000):
    sextant.log({"loss": 1 / (i + 1), "inf": float("inf")})
sextant.summary["best"] = 0.5
assert sextant.alert("offline", text="not delivered") is False
sextant.finish(exit_code=1)
print(run.dir)
`,
    { SEXTANT_DIR: root, SEXTANT_API_KEY: '', SEXTANT_BASE_URL: 'http://127.0.0.1:1' },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(await getPrisma().run.findFirst({ where: { runId: 'py-offline' } })).toBeNull();
  const sync = await new Promise<{ code: number | null; out: string }>((resolve) => {
    let out = '';
    const child = spawn('node_modules/.bin/tsx', ['sdk/src/cli.ts', 'sync', '--all'], {
      env: {
        PATH: process.env.PATH,
        HOME: root,
        SEXTANT_API_KEY: apiKey,
        SEXTANT_BASE_URL: server.url,
        SEXTANT_DIR: root,
      } as unknown as NodeJS.ProcessEnv,
    });
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => resolve({ code, out }));
  });
  expect(sync.out).toMatch(
    /offline-run-\d{8}_\d{6}-py-offline: synced \d+ batches \(3000 history rows\)/,
  );
  expect(sync.code).toBe(0);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-offline' } });
  expect(run).toMatchObject({ state: 'FAILED', exitCode: 1, historyOffset: 3000 });
  expect(run.config).toEqual({ lr: 0.5 });
  expect(run.summary).toMatchObject({ loss: 1 / 3000, inf: 'Infinity', best: 0.5 });
  expect(run.languageVersion).toMatch(/^python 3\./);
  const loss = await getMetricsStore().readExact(run.id, 'loss', { limit: 5000 });
  expect(loss.every((point, i) => point.step === i && point.value === 1 / (i + 1))).toBe(true);
  expect(loss).toHaveLength(3000);
});
