import { beforeAll, describe, expect, it } from 'vitest';
import { getMetricsStore } from '@/lib/history';
import type { SeriesRead, SeriesRef } from '@/lib/history/metrics-store';
import { createBareRun } from '../helpers/runs';

/**
 * `readSampledMany` against `readSampled` one series at a time, on random series: different
 * lengths and strides, NaN and ±Infinity, some points still in the tail, at every storage
 * level a read can use (whole blocks, sub-blocks, opened points, exact).
 */
const store = getMetricsStore();

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const rand = random(20261125);
const refs: SeriesRef[] = [];

function valueFor(): number {
  const r = rand();
  if (r < 0.01) return Number.NaN;
  if (r < 0.015) return Number.POSITIVE_INFINITY;
  if (r < 0.02) return Number.NEGATIVE_INFINITY;
  if (r < 0.03) return (rand() - 0.5) * 1e6;
  return Math.sin(rand() * 10) + rand() * 0.1;
}

beforeAll(async () => {
  // Runs of different lengths and strides: a shorter run inside a longer run's grid, a sparse
  // one, one whose last block is still in the tail, one whose values are all NaN in places.
  const shapes = [
    { steps: 40_000, stride: 1 },
    { steps: 9_000, stride: 1 },
    { steps: 30_000, stride: 7 },
    { steps: 2_500, stride: 1 },
    { steps: 700, stride: 1 },
  ];
  for (const [r, shape] of shapes.entries()) {
    const runId = await createBareRun(`many-${r}`);
    const nanStretch = r === 1 ? [3000, 4200] : null;
    for (let start = 0; start < shape.steps; start += 2000) {
      const rows = [];
      for (let step = start; step < Math.min(start + 2000, shape.steps); step += shape.stride) {
        const nan = nanStretch && step >= nanStretch[0]! && step < nanStretch[1]!;
        rows.push({
          step,
          values: {
            loss: nan ? Number.NaN : valueFor(),
            // `acc` starts later in the run: series of one run with different ranges.
            ...(step >= 1500 ? { acc: valueFor() } : {}),
          },
        });
      }
      if (rows.length) await store.append(runId, rows);
    }
    refs.push({ runId, key: 'loss' }, { runId, key: 'acc' });
  }
  refs.push({ runId: refs[0]!.runId, key: 'never-logged' }, { runId: 'no-such-run', key: 'loss' });
});

function expectSame(many: SeriesRead, single: SeriesRead) {
  expect(many.key).toBe(single.key);
  expect(many.sampled).toBe(single.sampled);
  if (many.sampled && single.sampled) expect(many.bucketWidth).toBe(single.bucketWidth);
  expect(many.points.length).toBe(single.points.length);
  many.points.forEach((point, index) => {
    const other = single.points[index]!;
    expect(point.step).toBe(other.step);
    // A mean is a float sum, whose last bits depend on the order Postgres adds in.
    if (Number.isFinite(other.value)) expect(point.value).toBeCloseTo(other.value, 9);
    else expect(point.value).toBe(other.value);
    if ('min' in other) {
      expect(point).toMatchObject({ min: other.min, max: other.max, count: other.count });
    } else expect('min' in point).toBe(false);
  });
}

const ranges = [
  { name: 'the whole of each series (no range)', range: { maxPoints: 100 } },
  {
    name: 'blocks (wide range, few points)',
    range: { fromStep: 0, toStep: 39_999, maxPoints: 12 },
  },
  { name: 'sub-blocks', range: { fromStep: 0, toStep: 39_999, maxPoints: 300 } },
  { name: 'opened points', range: { fromStep: 1_000, toStep: 9_000, maxPoints: 1500 } },
  {
    name: 'a zoom with unaligned edges',
    range: { fromStep: 1_337, toStep: 27_431, maxPoints: 200 },
  },
  { name: 'exact (small range)', range: { fromStep: 2_990, toStep: 3_800, maxPoints: 1500 } },
  { name: 'an empty range', range: { fromStep: 100_000, toStep: 200_000, maxPoints: 50 } },
];

describe('readSampledMany', () => {
  for (const { name, range } of ranges) {
    it(`answers like readSampled per series: ${name}`, async () => {
      const many = await store.readSampledMany(refs, range);
      expect(many).toHaveLength(refs.length);
      const singles = await Promise.all(
        refs.map((ref) => store.readSampled(ref.runId, ref.key, range)),
      );
      many.forEach((read, index) => expectSame(read, singles[index]!));
    });
  }

  it('covers sampled and exact series, NaN buckets and infinite extremes in one answer', async () => {
    const many = await store.readSampledMany(refs, { fromStep: 0, toStep: 39_999, maxPoints: 800 });
    expect(many.some((read) => read.sampled)).toBe(true);
    expect(many.some((read) => !read.sampled && read.points.length > 0)).toBe(true);
    const buckets = many.flatMap((read) => (read.sampled ? read.points : []));
    expect(buckets.some((point) => Number.isNaN(point.value))).toBe(true);
    expect(buckets.some((point) => point.max === Number.POSITIVE_INFINITY)).toBe(true);
    expect(buckets.some((point) => point.min === Number.NEGATIVE_INFINITY)).toBe(true);
    expect(many.at(-1)).toEqual({ key: 'loss', sampled: false, points: [] });
  });

  it('keeps the order asked, duplicates included, and rejects a bad budget', async () => {
    const asked = [refs[3]!, refs[0]!, refs[3]!];
    const many = await store.readSampledMany(asked, { maxPoints: 50 });
    expect(many.map((read) => read.key)).toEqual(['acc', 'loss', 'acc']);
    expectSame(many[0]!, many[2]!);
    await expect(store.readSampledMany(asked, { maxPoints: 1 })).rejects.toThrow(/maxPoints/);
    expect(await store.readSampledMany([], { maxPoints: 50 })).toEqual([]);
  });
});
