import { describe, expect, it } from 'vitest';
import { chunkRows } from './chunk-aggregates';

describe('chunkRows', () => {
  it('splits points into aligned blocks and sub-blocks with their aggregates', () => {
    // Blocks of 8 steps, sub-blocks of 4: steps 1..9 and 17 make three blocks.
    const steps = [1, 2, 5, 6, 7, 9, 17];
    const values = [3, NaN, Infinity, -2, 4, NaN, 0.5];
    const [first, second, third] = chunkRows(steps, values, 8, 4);
    expect(first).toMatchObject({
      stepFirst: 0,
      stepLast: 7,
      count: 5,
      valueCount: 4,
      min: -2,
      max: Infinity,
      sum: Infinity,
      lastValue: 4,
      steps: [1, 2, 5, 6, 7],
      subFirstStep: [1, 5],
      subCount: [2, 3],
      subValueCount: [1, 3],
      subMin: [3, -2],
      subMax: [3, Infinity],
      subSum: [3, Infinity],
    });
    expect(Number.isNaN(first!.values[1])).toBe(true);
    // A block of only NaN has no min, max or sum, and its last value is NaN.
    expect(second).toMatchObject({ stepFirst: 8, stepLast: 9, count: 1, valueCount: 0 });
    expect([second!.min, second!.max, second!.sum, second!.subMin[0]]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(Number.isNaN(second!.lastValue)).toBe(true);
    expect(third).toMatchObject({ stepFirst: 16, stepLast: 17, steps: [17], sum: 0.5 });
  });

  it('gives nothing for no points', () => {
    expect(chunkRows([], [], 1024, 64)).toEqual([]);
  });
});
