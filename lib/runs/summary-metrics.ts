import { z } from 'zod';
import type { SeriesStats } from '../history/metrics-store';

/**
 * Which value of a metric the run's summary shows (like W&B's `define_metric(key, summary=…)`):
 * the last logged value by default, or the minimum, maximum or mean of everything logged, or
 * nothing. Min/max/mean are kept up to date as batches arrive, so the summary (and the runs
 * table that sorts by it) never has to scan history.
 */
export const summaryChoiceSchema = z.enum(['last', 'min', 'max', 'mean', 'none'], {
  error: 'must be one of last, min, max, mean, none',
});
export type SummaryChoice = z.infer<typeof summaryChoiceSchema>;

/** Per metric: the choice, and for `mean` the running count and sum of finite values. */
export interface SummaryMetric {
  summary: SummaryChoice;
  count?: number;
  sum?: number;
}
export type SummaryMetrics = Record<string, SummaryMetric>;

type Summary = Record<string, unknown>;

/**
 * Starts summarising `key` by `choice`, from what was logged so far (`stats` of the series),
 * so a metric defined mid-run has the right summary at once.
 */
export function defineSummaryMetric(
  summary: Summary,
  metrics: SummaryMetrics,
  key: string,
  choice: SummaryChoice,
  stats: SeriesStats,
): void {
  if (choice === 'mean') {
    metrics[key] = { summary: choice, count: stats.count, sum: (stats.mean ?? 0) * stats.count };
  } else {
    metrics[key] = { summary: choice };
  }
  const value = { last: stats.last, min: stats.min, max: stats.max, mean: stats.mean, none: null }[
    choice
  ];
  if (choice === 'none' || value === null) delete summary[key];
  else summary[key] = value;
}

/** Folds one newly logged value into the summary, following the metric's choice. */
export function summarise(
  summary: Summary,
  metrics: SummaryMetrics,
  key: string,
  value: number,
): void {
  const metric = metrics[key];
  const shown = Number.isFinite(value) ? value : String(value);
  switch (metric?.summary ?? 'last') {
    case 'last':
      summary[key] = shown;
      return;
    case 'none':
      return;
    case 'min':
    case 'max': {
      if (Number.isNaN(value)) return;
      const previous = storedNumber(summary[key]);
      const better =
        previous === null || (metric!.summary === 'min' ? value < previous : value > previous);
      if (better) summary[key] = shown;
      return;
    }
    case 'mean': {
      if (!Number.isFinite(value)) return;
      metric!.count = (metric!.count ?? 0) + 1;
      metric!.sum = (metric!.sum ?? 0) + value;
      summary[key] = metric!.sum / metric!.count;
      return;
    }
  }
}

/** A summary value as a number: ±Infinity are stored as strings (JSON has no infinities). */
function storedNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value === 'Infinity' || value === '-Infinity') return Number(value);
  return null;
}
