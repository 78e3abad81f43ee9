import { beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../sdk/src/index';
import { graphql } from '../helpers/graphql';
import { startAppHttpServer } from '../helpers/app-http-server';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');
const server = await startAppHttpServer();

let apiKey: string;

beforeAll(async () => {
  const sam = await createVerifiedUser('sam');
  const key = await graphql<{ createApiKey: { secret: string } }>(
    `
      mutation {
        createApiKey(name: "sdk") {
          secret
        }
      }
    `,
    {},
    sam.session,
  );
  apiKey = key.data!.createApiKey.secret;
});

const options = () => ({
  apiKey,
  baseUrl: server.url,
  project: 'sdk-tests',
  finishOnExit: false,
  captureConsole: false,
  flushIntervalMs: 50,
});

async function storedRun(runId: string) {
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId } });
  return { run, loss: await getMetricsStore().readExact(run.id, 'loss', { limit: 100_000 }) };
}

describe('TypeScript SDK over real HTTP', () => {
  it('logs config, metrics, summary and console output, and everything reads back exactly', async () => {
    const run = await init({
      ...options(),
      id: 'exact',
      name: 'Exact run',
      tags: ['sdk'],
      config: { lr: 0.01 },
      captureConsole: true,
    });
    expect(run.info.entity).toBe('sam');
    for (let step = 0; step < 300; step++)
      run.log({ loss: 1 / (step + 1), acc: step / 300, nan: Number.NaN });
    run.config.update({ batch: 32 });
    run.summary.set({ best_acc: 0.99 });
    process.stdout.write('epoch 1 done\n');
    process.stdout.write('progress 50%\rprogress 100%\n');
    expect(await run.finish()).toBe(true);

    const { run: stored, loss } = await storedRun('exact');
    expect(stored).toMatchObject({
      state: 'FINISHED',
      exitCode: 0,
      displayName: 'Exact run',
      tags: ['sdk'],
      historyOffset: 300,
    });
    expect(stored.config).toEqual({ lr: 0.01, batch: 32 });
    expect(stored.summary).toMatchObject({ loss: 1 / 300, best_acc: 0.99, nan: 'NaN' });
    expect(loss).toHaveLength(300);
    expect(loss.every((p, i) => p.step === i && p.value === 1 / (i + 1))).toBe(true);
    const nan = await getMetricsStore().readExact(stored.id, 'nan', { limit: 10 });
    expect(Number.isNaN(nan[0]!.value)).toBe(true);
    const lines = await getPrisma().consoleLine.findMany({
      where: { runId: stored.id },
      orderBy: { lineNo: 'asc' },
    });
    expect(lines.map((l) => l.text)).toEqual(['epoch 1 done', 'progress 100%']);
  });

  it('duplicates nothing when responses are lost and the batch is sent again', async () => {
    const run = await init({ ...options(), id: 'dropped' });
    server.dropNextResponses(3);
    for (let step = 0; step < 500; step++) run.log({ loss: step });
    expect(await run.finish()).toBe(true);
    const { loss } = await storedRun('dropped');
    expect(loss.map((p) => p.step)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('loses nothing while the server is down for a while', async () => {
    const run = await init({ ...options(), id: 'outage' });
    for (let step = 0; step < 200; step++) run.log({ loss: step });
    await server.stop();
    const started = performance.now();
    for (let step = 200; step < 400; step++) run.log({ loss: step });
    // log() never waits for the network, even with the server gone.
    expect(performance.now() - started).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await server.restart();
    expect(await run.finish(0, { timeoutMs: 30_000 })).toBe(true);
    const { loss, run: stored } = await storedRun('outage');
    expect(loss.map((p) => p.value)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    expect(stored.state).toBe('FINISHED');
  });

  it('samples system metrics in the background under the seed’s names', async () => {
    const run = await init({ ...options(), id: 'system', systemMetricsIntervalMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 450));
    await run.finish();
    const stored = await getPrisma().run.findFirstOrThrow({ where: { runId: 'system' } });
    expect(stored.systemOffset).toBeGreaterThanOrEqual(3);
    const keys = await getMetricsStore().keys(stored.id);
    for (const key of [
      'system/cpu',
      'system/memory',
      'system/proc.memory.rssMB',
      'system/disk./.usagePercent',
      'system/_timestamp',
    ]) {
      expect(keys).toContain(key);
    }
    const memory = await getMetricsStore().readExact(stored.id, 'system/memory', { limit: 100 });
    expect(memory.map((p) => p.step)).toEqual(Array.from({ length: memory.length }, (_, i) => i));
  });

  it('resumes a run from a step, rewriting history from there', async () => {
    const first = await init({ ...options(), id: 'resumed' });
    for (let step = 0; step < 10; step++) first.log({ loss: step });
    await first.finish(1);
    expect((await storedRun('resumed')).run.state).toBe('FAILED');
    const again = await init({ ...options(), id: 'resumed', resumeFromStep: 5 });
    again.log({ loss: 50 });
    await again.finish();
    const { loss, run } = await storedRun('resumed');
    expect(loss.map((p) => [p.step, p.value])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 50],
    ]);
    expect(run.state).toBe('FINISHED');
  });
});
