import { describe, expect, it } from 'vitest';
import { emaSmooth } from './smoothing';

describe('emaSmooth', () => {
  it('returns the values unchanged with weight 0', () => {
    expect(emaSmooth([1, 5, null, 2], 0)).toEqual([1, 5, null, 2]);
  });

  it('starts at the first value (debiased) and follows a step change slowly', () => {
    const smoothed = emaSmooth([10, 10, 10, 0, 0, 0], 0.5) as number[];
    expect(smoothed[0]).toBeCloseTo(10);
    expect(smoothed[2]).toBeCloseTo(10);
    // After the drop the average moves halfway each step, never overshooting.
    expect(smoothed[3]).toBeLessThan(10);
    expect(smoothed[3]).toBeGreaterThan(smoothed[4]!);
    expect(smoothed[5]).toBeGreaterThan(0);
  });

  it('matches the debiased formula', () => {
    const w = 0.9;
    const [a, b] = emaSmooth([2, 4], w) as number[];
    expect(a).toBeCloseTo(2);
    expect(b).toBeCloseTo(((1 - w) * w * 2 + (1 - w) * 4) / (1 - w * w));
  });

  it('keeps gaps as gaps without resetting the average', () => {
    const smoothed = emaSmooth([1, null, Number.NaN, Number.POSITIVE_INFINITY, 1], 0.8);
    expect(smoothed.slice(1, 4)).toEqual([null, null, null]);
    expect(smoothed[4]).toBeCloseTo(1);
  });

  it('smooths a noisy line towards its mean', () => {
    const noisy = Array.from({ length: 200 }, (_, i) => (i % 2 ? 1 : -1));
    const smoothed = emaSmooth(noisy, 0.95) as number[];
    expect(Math.abs(smoothed.at(-1)!)).toBeLessThan(0.1);
  });
});
