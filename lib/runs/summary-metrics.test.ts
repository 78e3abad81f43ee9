import { describe, expect, it } from 'vitest';
import { defineSummaryMetric, summarise, type SummaryMetrics } from './summary-metrics';

const fold = (metrics: SummaryMetrics, values: number[], key = 'loss') => {
  const summary: Record<string, unknown> = {};
  for (const value of values) summarise(summary, metrics, key, value);
  return summary[key];
};

describe('summary metrics', () => {
  it('shows the last value by default, infinities as strings', () => {
    expect(fold({}, [3, 1, 2])).toBe(2);
    expect(fold({}, [3, Number.POSITIVE_INFINITY])).toBe('Infinity');
  });

  it('keeps the minimum or maximum, ignoring NaN and comparing infinities', () => {
    expect(fold({ loss: { summary: 'min' } }, [3, 1, Number.NaN, 2])).toBe(1);
    expect(fold({ loss: { summary: 'max' } }, [3, 9, 2])).toBe(9);
    expect(fold({ loss: { summary: 'min' } }, [3, Number.NEGATIVE_INFINITY, 2])).toBe('-Infinity');
  });

  it('keeps a running mean of finite values', () => {
    const metrics: SummaryMetrics = { loss: { summary: 'mean' } };
    expect(fold(metrics, [1, 2, Number.NaN, 6])).toBe(3);
    expect(metrics.loss).toEqual({ summary: 'mean', count: 3, sum: 9 });
  });

  it('shows nothing for "none"', () => {
    expect(fold({ loss: { summary: 'none' } }, [1, 2])).toBeUndefined();
  });

  it('starts from the history logged before the metric was defined', () => {
    const summary: Record<string, unknown> = { loss: 0.5 };
    const metrics: SummaryMetrics = {};
    const stats = { count: 4, min: 0.2, max: 2, mean: 1, last: 0.5 };
    defineSummaryMetric(summary, metrics, 'loss', 'mean', stats);
    expect(summary.loss).toBe(1);
    summarise(summary, metrics, 'loss', 6);
    expect(summary.loss).toBe(2);
    defineSummaryMetric(summary, metrics, 'loss', 'min', stats);
    expect(summary.loss).toBe(0.2);
    defineSummaryMetric(summary, metrics, 'loss', 'none', stats);
    expect(summary).toEqual({});
  });
});
