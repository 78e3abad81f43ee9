import { describe, expect, it } from 'vitest';
import type { SeriesRead } from '../history/metrics-store';
import { columnsAgainst, columnsByStep, stepRangeForX } from './series-columns';

const exact = (key: string, points: [number, number][]): SeriesRead => ({
  key,
  sampled: false,
  points: points.map(([step, value]) => ({ step, value })),
});
const sampled = (key: string, width: number, buckets: [number, number, number, number][]) =>
  ({
    key,
    sampled: true,
    bucketWidth: width,
    points: buckets.map(([step, value, min, max]) => ({ step, value, min, max, count: width })),
  }) satisfies SeriesRead;

describe('columnsByStep', () => {
  it('turns NaN and ±Infinity into gaps and keeps the band only when sampled', () => {
    expect(
      columnsByStep(
        exact('y', [
          [0, 1],
          [1, Number.NaN],
          [2, Infinity],
        ]),
      ),
    ).toEqual({
      x: [0, 1, 2],
      y: [1, null, null],
      min: null,
      max: null,
      steps: [0, 1, 2],
    });
    const band = columnsByStep(
      sampled('y', 4, [
        [0, 1, 0, 2],
        [4, 5, -Infinity, 9],
      ]),
    );
    expect(band.min).toEqual([0, null]);
    expect(band.max).toEqual([2, 9]);
  });
});

describe('columnsAgainst', () => {
  it('joins exact series by step, dropping points without an x, and subtracts the offset', () => {
    const y = exact('loss', [
      [0, 10],
      [1, 11],
      [2, 12],
      [5, 15],
    ]);
    const x = exact('_timestamp', [
      [0, 100],
      [1, 101],
      [5, 105],
    ]);
    expect(columnsAgainst(y, x, 100)).toMatchObject({
      x: [0, 1, 5],
      y: [10, 11, 15],
      steps: [0, 1, 5],
    });
  });

  it('joins sampled series bucket by bucket and keeps the y band', () => {
    const y = sampled('loss', 8, [
      [0, 1, 0, 2],
      [8, 3, 2, 9],
    ]);
    const x = sampled('_timestamp', 8, [
      [0, 50, 40, 60],
      [8, 70, 60, 80],
    ]);
    expect(columnsAgainst(y, x)).toEqual({
      x: [50, 70],
      y: [1, 3],
      min: [0, 2],
      max: [2, 9],
      steps: [0, 8],
    });
  });

  it('folds an exact side into the other side’s buckets', () => {
    const y = sampled('loss', 4, [
      [0, 1, 0, 2],
      [4, 3, 2, 4],
    ]);
    const x = exact('acc', [
      [1, 10],
      [2, 20],
      [5, 30],
    ]);
    expect(columnsAgainst(y, x).x).toEqual([15, 30]);
  });
});

describe('stepRangeForX', () => {
  it('maps an x range to the buckets whose extremes overlap it, one bucket of margin each side', () => {
    const overview = sampled('_timestamp', 10, [
      [0, 5, 0, 9],
      [10, 15, 10, 19],
      [20, 25, 20, 29],
      [30, 35, 30, 39],
      [40, 45, 40, 49],
    ]);
    expect(stepRangeForX(overview, 21, 28)).toEqual({ fromStep: 10, toStep: 39 });
    expect(stepRangeForX(overview, 100, 200)).toBeNull();
  });

  it('maps exactly on exact points', () => {
    const overview = exact('_runtime', [
      [0, 0],
      [1, 0.5],
      [2, 1],
      [3, 1.5],
      [4, 2],
    ]);
    expect(stepRangeForX(overview, 0.9, 1.1)).toEqual({ fromStep: 1, toStep: 3 });
  });
});
