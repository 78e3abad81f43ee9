import { gzipSync } from 'node:zlib';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');
const upsertRoute = await import('@/app/api/v1/runs/[entity]/[project]/[run]/route');
const streamRoute = await import('@/app/api/v1/runs/[entity]/[project]/[run]/stream/route');

type Path = { entity: string; project: string; run: string };

async function call(
  route: typeof upsertRoute | typeof streamRoute,
  path: Path,
  body: unknown,
  key?: string,
  gzip = false,
) {
  const json = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  if (gzip) headers['content-encoding'] = 'gzip';
  const request = new NextRequest(
    `http://localhost/api/v1/runs/${path.entity}/${path.project}/${path.run}`,
    {
      method: 'POST',
      headers,
      body: gzip ? gzipSync(json) : json,
    },
  );
  const response = await route.POST(request, { params: Promise.resolve(path) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per call; each test asserts what it reads
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function apiKey(session: { session: string }) {
  const result = await graphql<{ createApiKey: { secret: string } }>(
    `
      mutation {
        createApiKey(name: "sdk") {
          secret
        }
      }
    `,
    {},
    session,
  );
  return result.data!.createApiKey.secret;
}

let ownerKey: string;
let strangerKey: string;
const mine: Path = { entity: 'owner', project: 'mnist', run: 'run-1' };

beforeAll(async () => {
  const owner = await createVerifiedUser('owner');
  const stranger = await createVerifiedUser('stranger');
  ownerKey = await apiKey(owner.session);
  strangerKey = await apiKey(stranger.session);
});

describe('run ingest', () => {
  it('creates the project on first log and stores a whole batch', async () => {
    const created = await call(
      upsertRoute,
      mine,
      { displayName: 'baseline', config: { lr: 0.001 }, tags: ['a'], host: 'gpu-1' },
      ownerKey,
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      runId: 'run-1',
      state: 'RUNNING',
      historyOffset: 0,
      lastStep: -1,
    });
    const project = await getPrisma().project.findFirstOrThrow({ where: { name: 'mnist' } });
    expect(project.visibility).toBe('PRIVATE');

    const batch = {
      history: {
        offset: 0,
        rows: [0, 1, 2].map((step) => ({
          step,
          values: { loss: 1 / (step + 1), acc: step === 1 ? 'NaN' : step / 2 },
        })),
      },
      system: {
        offset: 0,
        rows: [{ timestamp: 1_790_000_000, values: { cpu: 12.5, 'gpu.0.gpu': 80 } }],
      },
      console: [
        { lineNo: 0, text: 'epoch 1' },
        { lineNo: 1, text: 'progress 10%' },
      ],
      summary: { best: 0.9 },
      config: { epochs: 3 },
    };
    const ack = await call(streamRoute, mine, batch, ownerKey, true);
    expect(ack.status).toBe(200);
    expect(ack.body).toEqual({
      historyOffset: 3,
      systemOffset: 1,
      state: 'RUNNING',
      stopRequested: false,
    });

    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'run-1' } });
    expect(run.config).toEqual({ lr: 0.001, epochs: 3 });
    expect(run.summary).toEqual({ loss: 1 / 3, acc: 1, best: 0.9 });
    const loss = await getMetricsStore().readExact(run.id, 'loss', { limit: 10 });
    expect(loss).toEqual([
      { step: 0, value: 1 },
      { step: 1, value: 0.5 },
      { step: 2, value: 1 / 3 },
    ]);
    const acc = await getMetricsStore().readExact(run.id, 'acc', { limit: 10 });
    expect(Number.isNaN(acc[1]!.value)).toBe(true);
    expect(await getMetricsStore().readExact(run.id, 'system/cpu', { limit: 10 })).toEqual([
      { step: 0, value: 12.5 },
    ]);

    // A progress bar rewrites its line in place.
    await call(streamRoute, mine, { console: [{ lineNo: 1, text: 'progress 100%' }] }, ownerKey);
    const lines = await getPrisma().consoleLine.findMany({
      where: { runId: run.id },
      orderBy: { lineNo: 'asc' },
    });
    expect(lines.map((l) => l.text)).toEqual(['epoch 1', 'progress 100%']);
  });

  it('never duplicates a retried batch and refuses a gap', async () => {
    const batch = {
      history: {
        offset: 3,
        rows: [
          { step: 3, values: { loss: 0.2 } },
          { step: 4, values: { loss: 0.1 } },
        ],
      },
    };
    expect((await call(streamRoute, mine, batch, ownerKey)).body.historyOffset).toBe(5);
    // The same batch again (the response was lost): nothing new.
    expect((await call(streamRoute, mine, batch, ownerKey)).body.historyOffset).toBe(5);
    // Overlapping retry: only the new row is stored.
    const overlap = {
      history: {
        offset: 4,
        rows: [
          { step: 4, values: { loss: 0.1 } },
          { step: 5, values: { loss: 0.05 } },
        ],
      },
    };
    expect((await call(streamRoute, mine, overlap, ownerKey)).body.historyOffset).toBe(6);
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'run-1' } });
    expect(
      (await getMetricsStore().readExact(run.id, 'loss', { limit: 100 })).map((p) => p.step),
    ).toEqual([0, 1, 2, 3, 4, 5]);

    const gap = await call(
      streamRoute,
      mine,
      { history: { offset: 9, rows: [{ step: 9, values: { loss: 0 } }] } },
      ownerKey,
    );
    expect(gap.status).toBe(409);
    expect(gap.body.error.message).toMatch(/resend from 6/);
  });

  it('rejects bad payloads with the field and reason, storing nothing of them', async () => {
    const before = await getPrisma().run.findFirstOrThrow({ where: { runId: 'run-1' } });
    const wrongType = await call(
      streamRoute,
      mine,
      {
        history: { offset: 6, rows: [{ step: 6, values: { loss: [0.1, 0.2] } }] },
        console: [{ lineNo: 5, text: 'x' }],
      },
      ownerKey,
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields[0].field).toBe('history.rows.0.values.loss');
    const tooMany = await call(
      streamRoute,
      mine,
      {
        history: {
          offset: 6,
          rows: Array.from({ length: 10_001 }, (_, i) => ({ step: 6 + i, values: {} })),
        },
      },
      ownerKey,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/at most 10000 history rows/);
    const backwards = await call(
      streamRoute,
      mine,
      {
        history: { offset: 6, rows: [{ step: 2, values: { loss: 9 } }] },
        console: [{ lineNo: 7, text: 'y' }],
      },
      ownerKey,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/must not go back/);
    const notJson = await streamRoute.POST(
      new NextRequest('http://localhost/x', {
        method: 'POST',
        headers: { authorization: `Bearer ${ownerKey}` },
        body: '{oops',
      }),
      { params: Promise.resolve(mine) },
    );
    expect(notJson.status).toBe(400);
    const unknownRun = await call(streamRoute, { ...mine, run: 'nope' }, { console: [] }, ownerKey);
    expect(unknownRun.status).toBe(404);

    const after = await getPrisma().run.findFirstOrThrow({ where: { runId: 'run-1' } });
    expect(after.historyOffset).toBe(before.historyOffset);
    expect(
      await getPrisma().consoleLine.count({ where: { runId: after.id, lineNo: { in: [5, 7] } } }),
    ).toBe(0);
  });

  it('refuses people without log permission, and anonymous requests', async () => {
    const stranger = await call(
      streamRoute,
      mine,
      { console: [{ lineNo: 9, text: 'intrusion' }] },
      strangerKey,
    );
    expect(stranger.status).toBe(403);
    const strangerCreate = await call(upsertRoute, { ...mine, run: 'evil' }, {}, strangerKey);
    expect(strangerCreate.status).toBe(403);
    const anonymous = await call(upsertRoute, { ...mine, run: 'anon' }, {});
    expect(anonymous.status).toBe(401);
    expect(await getPrisma().run.count({ where: { runId: { in: ['evil', 'anon'] } } })).toBe(0);
  });

  it('lets anyone signed in log to an open project, and nobody to a private one of another owner', async () => {
    await getPrisma().project.updateMany({
      where: { name: 'mnist' },
      data: { visibility: 'OPEN' },
    });
    expect((await call(upsertRoute, { ...mine, run: 'guest' }, {}, strangerKey)).status).toBe(200);
    await getPrisma().project.updateMany({
      where: { name: 'mnist' },
      data: { visibility: 'PRIVATE' },
    });
    expect((await call(upsertRoute, { ...mine, run: 'guest2' }, {}, strangerKey)).status).toBe(403);
  });

  it('finishes with the exit code, revives a crashed run on contact, and rewinds on resume', async () => {
    const path = { ...mine, run: 'lifecycle' };
    await call(upsertRoute, path, {}, ownerKey);
    await call(
      streamRoute,
      path,
      {
        history: {
          offset: 0,
          rows: Array.from({ length: 10 }, (_, step) => ({ step, values: { x: step } })),
        },
      },
      ownerKey,
    );
    await getPrisma().run.updateMany({ where: { runId: 'lifecycle' }, data: { state: 'CRASHED' } });
    expect((await call(streamRoute, path, {}, ownerKey)).body.state).toBe('RUNNING');
    expect((await call(streamRoute, path, { finish: { exitCode: 1 } }, ownerKey)).body.state).toBe(
      'FAILED',
    );

    const resumed = await call(upsertRoute, path, { resumeFromStep: 5 }, ownerKey);
    expect(resumed.body).toMatchObject({ state: 'RUNNING', lastStep: 4 });
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'lifecycle' } });
    expect(
      (await getMetricsStore().readExact(run.id, 'x', { limit: 100 })).map((p) => p.step),
    ).toEqual([0, 1, 2, 3, 4]);
    const offset = resumed.body.historyOffset as number;
    await call(
      streamRoute,
      path,
      { history: { offset, rows: [{ step: 5, values: { x: 50 } }] }, finish: { exitCode: 0 } },
      ownerKey,
    );
    expect(await getMetricsStore().readExact(run.id, 'x', { fromStep: 5, limit: 10 })).toEqual([
      { step: 5, value: 50 },
    ]);
    expect((await getPrisma().run.findFirstOrThrow({ where: { runId: 'lifecycle' } })).state).toBe(
      'FINISHED',
    );
  });

  it('summarises defined metrics by min, max or mean from the history already logged (define_metric)', async () => {
    const path: Path = { entity: 'owner', project: 'mnist', run: 'defined' };
    expect((await call(upsertRoute, path, {}, ownerKey)).status).toBe(200);
    const rows = (from: number, values: number[]) =>
      values.map((v, i) => ({ step: from + i, values: { loss: v, acc: v / 10, lr: v } }));
    await call(streamRoute, path, { history: { offset: 0, rows: rows(0, [4, 2, 3]) } }, ownerKey);
    // Defined mid-run: the summary covers what came before, then keeps up.
    const defined = await call(
      streamRoute,
      path,
      {
        summaryMetrics: { loss: 'min', acc: 'mean', lr: 'none' },
        history: { offset: 3, rows: rows(3, [5, 1]) },
      },
      ownerKey,
    );
    expect(defined.status).toBe(200);
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'defined' } });
    expect(run.summary).toEqual({ loss: 1, acc: expect.closeTo(0.3, 12) });

    const read = await graphql<{ run: { summaryMetrics: unknown } }>(
      `
        {
          run(entity: "owner", project: "mnist", id: "defined") {
            summaryMetrics
          }
        }
      `,
      {},
      { authorization: `Bearer ${ownerKey}` },
    );
    expect(read.data?.run.summaryMetrics).toEqual({ loss: 'min', acc: 'mean', lr: 'none' });

    const bad = await call(streamRoute, path, { summaryMetrics: { loss: 'median' } }, ownerKey);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toEqual({
      field: 'summaryMetrics.loss',
      message: 'must be one of last, min, max, mean, none',
    });
  });
});
