import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../helpers/graphql';
import { errorCode, expectOk } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');

let owner: Awaited<ReturnType<typeof createVerifiedUser>>;
let stranger: Awaited<ReturnType<typeof createVerifiedUser>>;

const bigSteps = 1_000_000;
const smallSteps = 200_000;
/** Seconds since the epoch of step 0; each step takes 10 ms. */
const start = 1_700_000_000;
const loss = (step: number) =>
  step === 777_777 ? 1000 : step === 123_457 ? -1000 : Math.sin(step / 5000);

const seriesQuery = `query ($input: ChartSeriesInput!) {
  chartSeries(input: $input) {
    xAxis missingRunIds
    series { runId key sampled bucketWidth x y min max steps }
  }
}`;

interface Series {
  runId: string;
  key: string;
  sampled: boolean;
  bucketWidth: number | null;
  x: number[];
  y: (number | null)[];
  min: (number | null)[] | null;
  max: (number | null)[] | null;
  steps: number[];
}

async function chartSeries(input: Record<string, unknown>, as = owner.session) {
  return graphql<{ chartSeries: { xAxis: string; missingRunIds: string[]; series: Series[] } }>(
    seriesQuery,
    { input: { entity: 'charter', project: 'long', ...input } },
    as,
  );
}

/** Creates a run through the API, then writes its history straight through the store. */
async function runWithHistory(project: string, runId: string, steps: number) {
  expectOk(
    await graphql(
      `
        mutation ($project: String!, $id: String!) {
          upsertRun(input: { entity: "charter", project: $project, id: $id }) {
            id
          }
        }
      `,
      { project, id: runId },
      owner.session,
    ),
  );
  const run = await getPrisma().run.update({
    where: { projectId_runId: { projectId: (await projectId(project))!, runId } },
    data: { lastStep: steps - 1, startedAt: new Date(start * 1000) },
  });
  const store = getMetricsStore();
  const batch = 20_000;
  for (let first = 0; first < steps; first += batch) {
    await store.append(
      run.id,
      Array.from({ length: Math.min(batch, steps - first) }, (_, i) => {
        const step = first + i;
        // The 1M-step run holds only loss, to keep set-up short; the others have time and acc.
        const values: Record<string, number> =
          steps === bigSteps
            ? { loss: loss(step) }
            : { loss: loss(step), _timestamp: start + step / 100, acc: step % 7 };
        return { step, values };
      }),
    );
  }
}

async function projectId(name: string) {
  return (await getPrisma().project.findFirst({ where: { name } }))?.id;
}

beforeAll(async () => {
  owner = await createVerifiedUser('charter');
  stranger = await createVerifiedUser('stranger');
  await runWithHistory('long', 'big', bigSteps);
  await runWithHistory('long', 'small', smallSteps);
  await runWithHistory('open', 'pub', 1000);
  await getPrisma().project.updateMany({ where: { name: 'open' }, data: { visibility: 'PUBLIC' } });
}, 300_000);

describe('chartSeries', () => {
  it('samples a 1M-step series to at most 1,500 points and keeps every bucket’s min and max', async () => {
    const data = expectOk(await chartSeries({ runIds: ['big'], keys: ['loss'], width: 1500 }));
    const [series] = data.chartSeries.series;
    expect(series!.sampled).toBe(true);
    expect(series!.x.length).toBeLessThanOrEqual(1500);
    expect(series!.x.length).toBeGreaterThan(500);
    expect(Math.max(...(series!.max as number[]))).toBe(1000);
    expect(Math.min(...(series!.min as number[]))).toBe(-1000);
    // The spike's bucket holds it, not a neighbour.
    const spike = series!.max!.indexOf(1000);
    const width = series!.bucketWidth!;
    expect(Math.floor(777_777 / width) * width).toBe(series!.steps[spike]);
    // The mean line stays small: the spikes show only in the band.
    expect(Math.max(...(series!.y as number[]))).toBeLessThan(2);
  });

  it('returns exact points for a narrow range', async () => {
    const data = expectOk(
      await chartSeries({ runIds: ['big'], keys: ['loss'], minX: 777_000, maxX: 778_000 }),
    );
    const [series] = data.chartSeries.series;
    expect(series!.sampled).toBe(false);
    expect(series!.min).toBeNull();
    expect(series!.x).toEqual(Array.from({ length: 1001 }, (_, i) => 777_000 + i));
    expect(series!.y).toEqual(series!.x.map(loss));
  });

  it('puts runs of different lengths on the same bucket grid', async () => {
    const data = expectOk(
      await chartSeries({ runIds: ['small', 'big', 'gone'], keys: ['loss'], width: 800 }),
    );
    const [small, big] = data.chartSeries.series;
    expect(data.chartSeries.missingRunIds).toEqual(['gone']);
    expect([small!.runId, big!.runId]).toEqual(['small', 'big']);
    expect(small!.sampled && big!.sampled).toBe(true);
    expect(small!.bucketWidth).toBe(big!.bucketWidth);
    // Bucket starts are multiples of the width, so the shorter run's are the longer's first ones.
    expect(small!.steps).toEqual(big!.steps.slice(0, small!.steps.length));
    expect(small!.steps.every((step) => step % small!.bucketWidth! === 0)).toBe(true);
  });

  it('plots against relative and wall time, and a zoom on time ends on exact points', async () => {
    const wide = expectOk(
      await chartSeries({ runIds: ['small'], keys: ['loss'], xAxis: '_runtime', width: 500 }),
    ).chartSeries.series[0]!;
    expect(wide.sampled).toBe(true);
    // x is the bucket's mean time since the start: 10 ms a step.
    const width = wide.bucketWidth!;
    expect(wide.x[0]).toBeCloseTo((width - 1) / 200, 6);
    expect(wide.x.at(-1)).toBeGreaterThan(1990);
    expect(wide.x.every((x, i) => i === 0 || x > wide.x[i - 1]!)).toBe(true);

    // 1,000 s to 1,010 s after the start are steps 100,000 to 101,000.
    const zoomed = expectOk(
      await chartSeries({
        runIds: ['small'],
        keys: ['loss'],
        xAxis: '_runtime',
        minX: 1000,
        maxX: 1010,
        width: 1000,
      }),
    ).chartSeries.series[0]!;
    expect(zoomed.sampled).toBe(false);
    expect(zoomed.x.length).toBeLessThanOrEqual(1500);
    const inView = zoomed.steps.filter((_, i) => zoomed.x[i]! >= 1000 && zoomed.x[i]! <= 1010);
    expect(inView).toEqual(Array.from({ length: 1001 }, (_, i) => 100_000 + i));
    expect(zoomed.y).toEqual(zoomed.steps.map(loss));

    const wall = expectOk(
      await chartSeries({
        runIds: ['small'],
        keys: ['loss'],
        xAxis: '_timestamp',
        maxX: start + 1,
      }),
    ).chartSeries.series[0]!;
    expect(wall.sampled).toBe(false);
    expect(wall.x.slice(0, 101)).toEqual(Array.from({ length: 101 }, (_, i) => start + i / 100));
  });

  it('plots one metric against another, joined by step', async () => {
    const data = expectOk(
      await chartSeries({ runIds: ['small'], keys: ['loss'], xAxis: 'acc', minX: 2, maxX: 3 }),
    );
    // acc cycles 0..6 every 7 steps, so an x range of [2, 3] spans the whole run: sampled.
    expect(data.chartSeries.series[0]!.sampled).toBe(true);
    const exact = expectOk(
      await chartSeries({
        project: 'open',
        runIds: ['pub'],
        keys: ['loss'],
        xAxis: 'acc',
      }),
    ).chartSeries.series[0]!;
    expect(exact.sampled).toBe(false);
    expect(exact.steps).toHaveLength(1000);
    expect(exact.x).toEqual(exact.steps.map((step) => step % 7));
    expect(exact.y).toEqual(exact.steps.map(loss));
  });

  it('hides a private project from others and shows a public one to anyone', async () => {
    const hidden = await chartSeries({ runIds: ['big'], keys: ['loss'] }, stranger.session);
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const anonymous = await graphql(seriesQuery, {
      input: { entity: 'charter', project: 'long', runIds: ['big'], keys: ['loss'] },
    });
    expect(errorCode(anonymous)).toBe('NOT_FOUND');

    const open = await graphql<{ chartSeries: { series: Series[] } }>(seriesQuery, {
      input: { entity: 'charter', project: 'open', runIds: ['pub'], keys: ['loss'] },
    });
    expect(open.data?.chartSeries.series[0]!.x).toHaveLength(1000);
    const keys = await graphql<{ chartKeys: string[] }>(`
      {
        chartKeys(entity: "charter", project: "open", runIds: ["pub"])
      }
    `);
    expect(keys.data?.chartKeys).toEqual(['_timestamp', 'acc', 'loss']);
  });

  it('refuses bad input naming the field', async () => {
    const result = await chartSeries({ runIds: ['big'], keys: ['loss'], minX: 5, maxX: 1 });
    expect(errorCode(result)).toBe('BAD_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/minX/);
    const empty = await chartSeries({ runIds: [], keys: ['loss'] });
    expect(empty.errors?.[0]?.message).toMatch(/runIds/);
  });
});
