import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { init, type InitOptions } from '../../sdk/src/index';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');
const server = await startAppHttpServer();
let apiKey: string;
let root: string;

beforeAll(async () => {
  const olga = await createVerifiedUser('olga');
  apiKey = (
    await graphql<{ createApiKey: { secret: string } }>(
      `
        mutation {
          createApiKey(name: "offline") {
            secret
          }
        }
      `,
      {},
      olga.session,
    )
  ).data!.createApiKey.secret;
  root = await mkdtemp(path.join(os.tmpdir(), 'sextant-offline-'));
});

/** The real CLI in a child process, logged in through the environment. */
function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('node_modules/.bin/tsx', ['sdk/src/cli.ts', ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: root,
        XDG_CONFIG_HOME: root,
        SEXTANT_API_KEY: apiKey,
        SEXTANT_BASE_URL: server.url,
        SEXTANT_DIR: root,
        ...env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The same training script, logged online or offline. */
async function train(options: Partial<InitOptions> & { id: string }) {
  const run = await init({
    project: 'offline-tests',
    name: 'same run',
    tags: ['twin'],
    config: { lr: 0.1, layers: [64, 32] },
    apiKey,
    baseUrl: server.url,
    dir: root,
    finishOnExit: false,
    captureConsole: true,
    flushIntervalMs: 20,
    systemMetricsIntervalMs: 50,
    ...options,
  });
  for (let step = 0; step < 2500; step++) {
    run.log({ loss: 1 / (step + 1), inf: step % 2 ? Infinity : -Infinity }, { commit: false });
    if (step % 100 === 0) run.log({ lr: 0.1 / (step + 1) }, { commit: false });
    run.log({ acc: step / 2500 });
    if (step % 500 === 0) process.stdout.write(`epoch ${step / 500}\rdone ${step / 500}\n`);
  }
  run.config.update({ epochs: 5 });
  run.summary.set({ best_acc: 0.97 });
  await new Promise((resolve) => setTimeout(resolve, 220)); // a few system samples
  await run.setModelSummary([{ name: 'fc', type: 'Linear', parameterCount: 10 }]);
  expect(await run.finish(2)).toBe(true);
  return run;
}

async function readBack(runId: string) {
  const run = await getPrisma().run.findFirstOrThrow({
    where: { runId },
    include: { consoleLines: { orderBy: { lineNo: 'asc' } } },
  });
  const store = getMetricsStore();
  const keys = (await store.keys(run.id)).sort();
  const history: Record<string, [number, number][]> = {};
  // `_timestamp` is the wall time of logging: the twins were logged at different moments.
  for (const key of keys.filter((k) => !k.startsWith('system/') && k !== '_timestamp'))
    history[key] = (await store.readExact(run.id, key, { limit: 10_000 })).map((p) => [
      p.step,
      p.value,
    ]);
  const system = await store.readExact(run.id, 'system/memory', { limit: 1000 });
  const timestamps = await store.readExact(run.id, '_timestamp', { limit: 10_000 });
  const { _timestamp, ...summary } = run.summary as Record<string, unknown>;
  const { readModelSummary } = await import('@/lib/runs/model-summary');
  return {
    run,
    facts: {
      state: run.state,
      exitCode: run.exitCode,
      displayName: run.displayName,
      tags: run.tags,
      config: run.config,
      summary,
      historyOffset: run.historyOffset,
      lastStep: run.lastStep,
      console: run.consoleLines.map((l) => [l.lineNo, l.text, l.stream]),
      history,
      systemKeys: keys.filter((k) => k.startsWith('system/')),
      model: (await readModelSummary(run.id)).layers.map((l) => l.name),
    },
    systemSteps: system.map((p) => p.step),
    lastTimestamp: _timestamp,
    timestamps: timestamps.map((p) => p.value),
  };
}

describe('offline runs and sextant sync', () => {
  it('an offline run synced reads back like the same run logged online; syncing again duplicates nothing', async () => {
    await train({ id: 'online-twin' });
    const requestsBefore = server.requests;
    const offline = await train({ id: 'offline-twin', mode: 'offline', apiKey: undefined });
    // Offline never touched the network.
    expect(server.requests).toBe(requestsBefore);
    expect(offline.info.dir).toMatch(/offline-run-\d{8}_\d{6}-offline-twin$/);
    const meta = JSON.parse(await readFile(path.join(offline.info.dir!, 'run.json'), 'utf8'));
    expect(meta).toMatchObject({ format: 1, project: 'offline-tests', runId: 'offline-twin' });

    const status = await cli(['status']);
    expect(status.stdout).toContain('User:         olga');
    expect(status.stdout).toContain('Unsynced offline runs (1):');
    expect(status.stdout).toContain('offline-twin');

    const loggedBy = Date.now() / 1000;
    const synced = await cli(['sync', offline.info.dir!]);
    expect(synced.stderr).toBe('');
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/synced \d+ batches \(2500 history rows\)/);

    const online = await readBack('online-twin');
    const uploaded = await readBack('offline-twin');
    expect(uploaded.facts).toEqual(online.facts);
    expect(uploaded.facts).toMatchObject({ state: 'FAILED', exitCode: 2, historyOffset: 2500 });
    expect(uploaded.facts.history.loss).toHaveLength(2500);
    expect(uploaded.facts.systemKeys).toContain('system/proc.memory.rssMB');
    expect(uploaded.systemSteps.length).toBeGreaterThanOrEqual(2);
    expect(uploaded.run.createdById).toBe(online.run.createdById);
    // Times are those of logging, not of the upload.
    expect(uploaded.timestamps).toHaveLength(2500);
    expect(Math.max(...uploaded.timestamps)).toBeLessThanOrEqual(loggedBy);
    expect(uploaded.lastTimestamp).toBe(uploaded.timestamps[2499]);

    // Again: nothing to do. Forced (as after an interrupted sync): offsets skip what is there.
    expect((await cli(['sync', offline.info.dir!])).stdout).toContain('already synced');
    expect((await cli(['status'])).stdout).toContain('Unsynced offline runs: none');
    const forced = await cli(['sync', '--force', offline.info.dir!]);
    expect(forced.code).toBe(0);
    const again = await readBack('offline-twin');
    expect(again.facts).toEqual(online.facts);
    expect(again.systemSteps).toEqual(uploaded.systemSteps);
  });

  it('sync --all uploads every unsynced offline run; SEXTANT_MODE=offline needs no server or key', async () => {
    const script = path.join(root, 'offline.mts');
    const source = [
      `import { init } from '${path.resolve('sdk/src/index.ts')}';`,
      "const run = await init({ project: 'offline-tests' });",
      'for (let i = 0; i < 10; i++) run.log({ x: i });',
      "console.log('trained');",
    ].join('\n');
    await (await import('node:fs/promises')).writeFile(script, source);
    for (const id of ['all-a', 'all-b']) {
      const code = await new Promise<number | null>((resolve) =>
        spawn('node_modules/.bin/tsx', [script], {
          env: {
            PATH: process.env.PATH,
            SEXTANT_MODE: 'offline',
            SEXTANT_DIR: root,
            SEXTANT_RUN_ID: id,
            SEXTANT_ENTITY: 'olga',
            // Unreachable on purpose: offline must not try.
            SEXTANT_BASE_URL: 'http://127.0.0.1:1',
          } as unknown as NodeJS.ProcessEnv,
        }).on('exit', resolve),
      );
      expect(code).toBe(0);
    }
    const result = await cli(['sync', '--all']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/all-a: synced/);
    expect(result.stdout).toMatch(/all-b: synced/);
    expect(result.stdout).not.toMatch(/offline-twin/);
    const runs = await getPrisma().run.findMany({
      where: { runId: { in: ['all-a', 'all-b'] } },
      include: { consoleLines: true },
    });
    expect(runs.map((r) => [r.runId, r.state, r.historyOffset, r.consoleLines[0]?.text])).toEqual(
      expect.arrayContaining([
        ['all-a', 'FINISHED', 10, 'trained'],
        ['all-b', 'FINISHED', 10, 'trained'],
      ]),
    );
    expect((await cli(['sync', '--all'])).stdout).toContain('Nothing to sync.');
    await rm(script);
  });
});
