import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

  it(
    'loses and duplicates nothing through a long outage, spilling the queue to disk',
    { timeout: 120_000 },
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-spill-'));
      const run = await init({ ...options(), id: 'outage', dir, memoryQueueRows: 2000 });
      let next = 0;
      const logBurst = (rows: number) => {
        const started = performance.now();
        for (const end = next + rows; next < end; next++) run.log({ loss: next, acc: -next });
        return performance.now() - started;
      };
      logBurst(500);
      while (run.pendingRows > 0) await sleep(20);
      await server.stop();
      // Training goes on while the server is away for 30 s (issue #6): 100 rows every 50 ms.
      const outageMs = Number(process.env.SEXTANT_TEST_OUTAGE_MS ?? 30_000);
      const slowest: number[] = [];
      for (const until = Date.now() + outageMs; Date.now() < until;) {
        slowest.push(logBurst(100));
        await sleep(50);
      }
      const spilled = await readdir(path.join(dir, (await readdir(dir))[0]!, 'spill'));
      expect(spilled.some((file) => file.startsWith('history-'))).toBe(true);
      expect(run.pendingRows).toBe(next - 500);
      // log() never waits for the network or the disk, even with the server gone.
      expect(Math.max(...slowest)).toBeLessThan(100);
      await server.restart();
      expect(await run.finish(0, { timeoutMs: 60_000 })).toBe(true);
      const { loss, run: stored } = await storedRun('outage');
      expect(stored).toMatchObject({ state: 'FINISHED', historyOffset: next });
      expect(loss.map((p) => p.value)).toEqual(Array.from({ length: next }, (_, i) => i));
      expect(loss.map((p) => p.step)).toEqual(Array.from({ length: next }, (_, i) => i));
      const acc = await getMetricsStore().readExact(stored.id, 'acc', { limit: 200_000 });
      expect(acc.every((p, i) => p.value === -i)).toBe(true);
      // The spilled segments were read back and removed.
      expect(await readdir(dir).then((names) => readdir(path.join(dir, names[0]!)))).toEqual([]);
    },
  );

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

  it('reports preemption; the same run id resumes it and it is running again', async () => {
    const first = await init({ ...options(), id: 'preempted' });
    first.log({ loss: 1 });
    first.markPreempting();
    expect(await first.finish(143)).toBe(true);
    expect((await storedRun('preempted')).run).toMatchObject({ state: 'PREEMPTED', exitCode: 143 });
    const resumed = await init({ ...options(), id: 'preempted', resume: 'allow' });
    expect((await storedRun('preempted')).run.state).toBe('RUNNING');
    resumed.log({ loss: 0.5 });
    expect(await resumed.finish()).toBe(true);
    const { run, loss } = await storedRun('preempted');
    expect(run).toMatchObject({ state: 'FINISHED', exitCode: 0 });
    expect(loss.map((p) => [p.step, p.value])).toEqual([
      [0, 1],
      [1, 0.5],
    ]);
  });

  it('sends custom alerts, rate-limited by waitDuration, and never throws into training code', async () => {
    const run = await init({ ...options(), id: 'alerting' });
    const alert = { title: 'Loss is NaN', text: 'at step 7', level: 'WARN' as const };
    expect(await run.alert({ ...alert, waitDuration: 3600 })).toBe(true);
    expect(await run.alert({ ...alert, waitDuration: 3600 })).toBe(false);
    expect(await run.alert({ ...alert, title: 'Another', level: 'ERROR' })).toBe(true);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    // Refused by the server (bad level) and unreachable server: false and a warning, no throw.
    expect(await run.alert({ ...alert, title: 'Bad', level: 'LOUD' as 'INFO' })).toBe(false);
    await server.stop();
    expect(await run.alert({ ...alert, title: 'Offline' })).toBe(false);
    await server.restart();
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings.join('\n')).toMatch(/alert "Bad" not sent: 400.*level/);
    expect(warnings.join('\n')).toMatch(/alert "Offline" not sent: cannot reach/);
    await run.finish();
    const stored = await getPrisma().run.findFirstOrThrow({ where: { runId: 'alerting' } });
    const alerts = await getPrisma().alert.findMany({
      where: { runId: stored.id, event: 'CUSTOM' },
      orderBy: { createdAt: 'asc' },
    });
    expect(alerts.map((a) => [a.title, a.level, a.text])).toEqual([
      ['Loss is NaN', 'WARN', 'at step 7'],
      ['Another', 'ERROR', 'at step 7'],
    ]);
  });

  it('summarises a metric by its minimum once defined (define_metric)', async () => {
    const run = await init({ ...options(), id: 'defined-min' });
    run.log({ loss: 3 });
    run.log({ loss: 1 });
    run.defineMetric('loss', { summary: 'min' });
    run.log({ loss: 2 });
    await run.finish();
    const { run: stored } = await storedRun('defined-min');
    expect(stored.summary).toMatchObject({ loss: 1 });
    expect(stored.summaryMetrics).toEqual({ loss: { summary: 'min' } });
  });

  it('records the model summary for the Model tab', async () => {
    const run = await init({ ...options(), id: 'model' });
    const layers = [
      { name: 'conv1', type: 'Conv2d', parameterCount: 320, outputShape: [null, 32, 26, 26] },
      {
        name: 'fc',
        type: 'Linear',
        parameterCount: 1290,
        outputShape: '[None, 10]',
        trainable: false,
      },
    ];
    expect(await run.setModelSummary(layers)).toBe(true);
    expect(await run.setModelSummary([{ name: '', type: 'x', parameterCount: -1 }])).toBe(false);
    await run.finish();
    const stored = await getPrisma().run.findFirstOrThrow({ where: { runId: 'model' } });
    const { readModelSummary } = await import('@/lib/runs/model-summary');
    const summary = await readModelSummary(stored.id);
    expect(summary.layers.map((l) => [l.name, l.type, l.parameterCount, l.trainable])).toEqual([
      ['conv1', 'Conv2d', 320, null],
      ['fc', 'Linear', 1290, false],
    ]);
    expect(summary.totalParameters).toBe(1610);
  });
});
