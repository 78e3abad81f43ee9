import { spawn } from 'node:child_process';
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
function python(script: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', script], {
      env: {
        PATH: process.env.PATH,
        PYTHONPATH: path.resolve('sdk/python'),
        SEXTANT_API_KEY: apiKey,
        SEXTANT_BASE_URL: server.url,
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
assert sextant.finish()
`);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-run' } });
  expect(run).toMatchObject({
    state: 'FINISHED',
    exitCode: 0,
    tags: ['python'],
    historyOffset: 1500,
  });
  expect(run.config).toEqual({ lr: 0.1, epochs: 3 });
  expect(run.summary).toMatchObject({ loss: 1 / 1500, best: 0.9, nan: 'NaN' });
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
