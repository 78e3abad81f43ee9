import { beforeAll, describe, expect, it } from 'vitest';
import { getMetricsStore } from '@/lib/history';
import { chunkSize, type PostgresMetricsStore } from '@/lib/history/postgres-metrics-store';
import { getPool, getPrisma } from '@/lib/db/prisma';
import { prismaQueryable } from '@/lib/db/transaction';
import { createBareRun } from '../helpers/runs';

const store = getMetricsStore();
const total = 2 * chunkSize + 537;
/** A noisy decaying curve with one spike, one dip, a NaN and an Infinity. */
const valueAt = (step: number) =>
  step === 1234
    ? 1e6
    : step === 777
      ? -5e5
      : step === 42
        ? Number.NaN
        : step === 2000
          ? Number.POSITIVE_INFINITY
          : Math.exp(-step / 700) + (step % 7) * 0.01;

let runId: string;

/** Points of a series not yet sealed, through the view over the tail's per-batch rows. */
async function tailPoints(metricId: bigint): Promise<number> {
  const rows = await getPrisma().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "HistoryTail" WHERE "metricId" = ${metricId}`;
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  runId = await createBareRun('history');
  // Batches of 250 rows, each with two series, the way the ingest path appends them.
  for (let start = 0; start < total; start += 250) {
    const rows = [];
    for (let step = start; step < Math.min(start + 250, total); step++)
      rows.push({ step, values: { loss: valueAt(step), acc: step / total } });
    await store.append(runId, rows);
  }
});

describe('Postgres metrics store', () => {
  it('seals full chunks and keeps the rest in the tail', async () => {
    const metric = await getPrisma().metric.findFirstOrThrow({ where: { runId, key: 'loss' } });
    expect(await getPrisma().historyChunk.count({ where: { metricId: metric.id } })).toBe(2);
    expect(await tailPoints(metric.id)).toBe(537);
    expect(await store.keys(runId)).toEqual(['acc', 'loss']);
  });

  it('reads every point back exactly, NaN and Infinity included, in pages', async () => {
    const all = await store.readExact(runId, 'loss', { limit: 10_000 });
    expect(all).toHaveLength(total);
    all.forEach((point, index) => {
      expect(point.step).toBe(index);
      expect(Object.is(point.value, valueAt(index)) || point.value === valueAt(index)).toBe(true);
    });
    const page = await store.readExact(runId, 'loss', { afterStep: 998, limit: 3 });
    expect(page.map((p) => p.step)).toEqual([999, 1000, 1001]);
  });

  it('answers a small range exactly and a large one in buckets that keep every min and max', async () => {
    const small = await store.readSampled(runId, 'loss', {
      fromStep: 1000,
      toStep: 1050,
      maxPoints: 100,
    });
    expect(small.sampled).toBe(false);
    expect(small.points).toHaveLength(51);

    const sampled = await store.readSampled(runId, 'loss', {
      fromStep: 0,
      toStep: total - 1,
      maxPoints: 100,
    });
    if (!sampled.sampled) throw new Error('expected a sampled series');
    expect(sampled.points.length).toBeLessThanOrEqual(100);
    // Brute force on the same grid.
    const width = sampled.bucketWidth;
    for (const point of sampled.points) {
      const bucket = Math.floor(point.step / width);
      const values = [];
      for (let step = bucket * width; step < Math.min((bucket + 1) * width, total); step++)
        values.push(valueAt(step));
      const finite = values.filter((v) => !Number.isNaN(v));
      expect(point.min).toBe(Math.min(...finite));
      expect(point.max).toBe(Math.max(...finite));
      expect(point.count).toBe(values.length);
    }
    expect(sampled.points.some((p) => p.max === 1e6)).toBe(true);
    expect(sampled.points.some((p) => p.min === -5e5)).toBe(true);
  });

  it('puts runs compared over the same range on the same grid', async () => {
    const other = await createBareRun('history-2');
    await store.append(
      other,
      Array.from({ length: 1500 }, (_, step) => ({ step: step * 2, values: { loss: step } })),
    );
    const a = await store.readSampled(runId, 'loss', { fromStep: 0, toStep: 2999, maxPoints: 50 });
    const b = await store.readSampled(other, 'loss', { fromStep: 0, toStep: 2999, maxPoints: 50 });
    if (!a.sampled || !b.sampled) throw new Error('expected sampled series');
    expect(a.bucketWidth).toBe(b.bucketWidth);
    expect(b.points.every((p) => p.step % b.bucketWidth === 0)).toBe(true);
  });

  it('computes summary statistics without NaN, with Infinity', async () => {
    const stats = await store.stats(runId, 'loss');
    expect(stats.count).toBe(total);
    expect(stats.min).toBe(-5e5);
    expect(stats.max).toBe(Number.POSITIVE_INFINITY);
    expect(stats.last).toBe(valueAt(total - 1));
    const acc = await store.stats(runId, 'acc');
    expect(acc.mean).toBeCloseTo((total - 1) / 2 / total, 10);
  });

  it('forgets points from a step on (resume), across chunks and tail, and accepts new ones there', async () => {
    const run = await createBareRun('rewind');
    await store.append(
      run,
      Array.from({ length: 2500 }, (_, step) => ({ step, values: { x: step } })),
    );
    // As the resume path does it: inside a Prisma transaction (rolled back once, then kept).
    await getPrisma()
      .$transaction(async (tx) => {
        await store.deleteFromStep(run, 1500, prismaQueryable(tx));
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await store.readExact(run, 'x', { limit: 10_000 })).toHaveLength(2500);
    await getPrisma().$transaction((tx) => store.deleteFromStep(run, 1500, prismaQueryable(tx)));
    const kept = await store.readExact(run, 'x', { limit: 10_000 });
    expect(kept).toHaveLength(1500);
    expect(kept.at(-1)).toEqual({ step: 1499, value: 1499 });
    await store.append(run, [{ step: 1500, values: { x: -1 } }]);
    expect(
      (await store.readExact(run, 'x', { fromStep: 1499, limit: 10 })).map((p) => p.value),
    ).toEqual([1499, -1]);
  });

  it('keeps one value per step when a step is logged again, in the same batch or a later one', async () => {
    const run = await createBareRun('relog');
    await store.append(run, [
      { step: 0, values: { loss: 1 } },
      { step: 1, values: { loss: 2 } },
      { step: 1, values: { loss: 3, acc: 0.5 } },
    ]);
    // A later batch starting at the last step: with the ingest path's hint, and without one.
    await store.append(
      run,
      [
        { step: 1, values: { loss: 4 } },
        { step: 2, values: { loss: 5 } },
      ],
      undefined,
      {
        previousLastStep: 1,
      },
    );
    await store.append(run, [{ step: 2, values: { loss: 6, acc: 0.7 } }]);
    expect(await store.readExact(run, 'loss', { limit: 100 })).toEqual([
      { step: 0, value: 1 },
      { step: 1, value: 4 },
      { step: 2, value: 6 },
    ]);
    expect(await store.readExact(run, 'acc', { limit: 100 })).toEqual([
      { step: 1, value: 0.5 },
      { step: 2, value: 0.7 },
    ]);
    expect((await store.stats(run, 'loss')).count).toBe(3);
  });

  it('defers sealing while a stream stays in one block, without losing or misplacing points', async () => {
    const sparse = await createBareRun('sparse');
    const append = (rows: { step: number; values: Record<string, number> }[], previous: number) =>
      store.append(sparse, rows, undefined, { previousLastStep: previous });
    const steady = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => ({
        step: from + i,
        values: { b: from + i },
      }));
    await append(
      [...steady(0, 999), { step: 1000, values: { a: 1, b: 1000 } }, ...steady(1001, 1050)],
      -1,
    );
    // Same block as step 1050: the store skips sealing, so a's step 1000 stays in the tail.
    await append([{ step: 1100, values: { a: 2, b: 1100 } }], 1050);
    const a = await getPrisma().metric.findFirstOrThrow({ where: { runId: sparse, key: 'a' } });
    expect(await tailPoints(a.id)).toBe(2);
    expect((await store.readExact(sparse, 'a', { limit: 10 })).map((p) => p.step)).toEqual([
      1000, 1100,
    ]);
    // Entering block 2 seals both earlier blocks of a, each into its own chunk.
    await append([{ step: 2100, values: { a: 3, b: 2100 } }], 1100);
    const chunks = await getPrisma().historyChunk.findMany({
      where: { metricId: a.id },
      orderBy: { stepFirst: 'asc' },
    });
    expect(chunks.map((c) => [Number(c.stepFirst), c.steps.map(Number)])).toEqual([
      [0, [1000]],
      [1024, [1100]],
    ]);
    const points = await store.readExact(sparse, 'a', { limit: 10 });
    expect(points.map((p) => [p.step, p.value])).toEqual([
      [1000, 1],
      [1100, 2],
      [2100, 3],
    ]);
  });

  it('does not seal a block its series has not moved past (a seal queued before a rewind)', async () => {
    const rewound = await createBareRun('history-seal-guard');
    await store.append(
      rewound,
      Array.from({ length: 1000 }, (_, step) => ({ step, values: { loss: step } })),
    );
    const metric = await getPrisma().metric.findFirstOrThrow({ where: { runId: rewound } });
    // A seal for the block 0..1023, as queued when the run had reached step 1024 before it
    // was rewound to step 1000.
    await (store as PostgresMetricsStore).seal(getPool(), new Map([[String(metric.id), 1024]]));
    expect(await getPrisma().historyChunk.count({ where: { metricId: metric.id } })).toBe(0);
    expect(await tailPoints(metric.id)).toBe(1000);
    // Once the series is past the block (a batch that leaves sealing to the queue), the same
    // seal takes it.
    await store.append(rewound, [{ step: 1025, values: { loss: 1025 } }], undefined, {
      previousLastStep: 1024,
    });
    expect(await getPrisma().historyChunk.count({ where: { metricId: metric.id } })).toBe(0);
    await (store as PostgresMetricsStore).seal(getPool(), new Map([[String(metric.id), 1024]]));
    expect(await getPrisma().historyChunk.count({ where: { metricId: metric.id } })).toBe(1);
    expect(await tailPoints(metric.id)).toBe(1);
  });
});
