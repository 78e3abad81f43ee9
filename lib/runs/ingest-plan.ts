import { AppError } from '../errors';
import type { HistoryRow, SeriesStats } from '../history/metrics-store';
import { toNumber, type StreamBatch } from './schemas';
import { mediaRecord, mediaSummary, numericValue, type MediaRecord } from './media-values';
import { defineSummaryMetric, summarise, type SummaryMetrics } from './summary-metrics';

/** The run columns a stream batch reads and rewrites. */
export interface RunSnapshot {
  id: string;
  state: string;
  historyOffset: number;
  systemOffset: number;
  lastStep: string;
  summary: Record<string, unknown>;
  config: Record<string, unknown>;
  summaryMetrics: SummaryMetrics;
  displayName: string;
  /** The row version (Postgres `xmin`): any write to the run changes it. */
  revision: string;
}

/** Rows for one series family of the metrics store, with the stream's last step before them. */
export interface StreamRows {
  rows: HistoryRow[];
  previousLastStep: number;
}

/** Everything one batch changes, worked out from the run as it was read. */
export interface BatchPlan {
  history: StreamRows | null;
  system: StreamRows | null;
  media: MediaRecord[];
  console: { lineNo: number; text: string; stream: string }[];
  /** The batch defines how summaries are kept (define_metric). */
  definesMetrics: boolean;
  historyOffset: number;
  systemOffset: number;
  lastStep: number;
  summary: Record<string, unknown>;
  config: Record<string, unknown>;
  summaryMetrics: SummaryMetrics;
  state: string;
  finishing: boolean;
  exitCode: number | null;
}

/**
 * Works out a batch against the run it applies to. Streams are idempotent by offset: rows
 * before the run's current offset were applied by an earlier try of the same batch and are
 * skipped; a batch that starts past the offset is refused (CONFLICT, with the offset to
 * resend from). `stats` reads a series' statistics, for metrics the batch defines.
 */
export async function planBatch(
  run: RunSnapshot,
  batch: StreamBatch,
  stats: (key: string) => Promise<SeriesStats>,
): Promise<BatchPlan> {
  const summary = { ...run.summary };
  const summaryMetrics = { ...run.summaryMetrics };
  for (const [key, choice] of Object.entries(batch.summaryMetrics ?? {})) {
    defineSummaryMetric(summary, summaryMetrics, key, choice, await stats(key));
  }
  const previousLastStep = Number(run.lastStep);
  let lastStep = previousLastStep;
  let historyOffset = run.historyOffset;
  let systemOffset = run.systemOffset;
  const media: MediaRecord[] = [];
  let history: StreamRows | null = null;
  let system: StreamRows | null = null;

  if (batch.history) {
    if (batch.history.offset > historyOffset) {
      throw new AppError(
        'CONFLICT',
        `history offset ${batch.history.offset} is past the expected offset ${historyOffset}; resend from ${historyOffset}`,
      );
    }
    const fresh = batch.history.rows.slice(historyOffset - batch.history.offset);
    const rows: HistoryRow[] = [];
    for (const row of fresh) {
      // The same step may come again with more keys (log without commit); going back may not.
      if (row.step < lastStep) {
        throw AppError.badInput(
          `history step ${row.step} comes after step ${lastStep}; steps must not go back (resume from a step to rewrite history)`,
          [{ field: 'history.rows.step', message: 'must not decrease' }],
        );
      }
      const values: Record<string, number> = {};
      for (const [key, value] of Object.entries(row.values)) {
        const number = numericValue(value);
        // Summary: the last value of each key (or its min/max/mean, as defined), unless set
        // explicitly in this batch.
        if (number !== null) {
          values[key] = number;
          summarise(summary, summaryMetrics, key, number);
        } else {
          const record = mediaRecord(key, row.step, value);
          media.push(record);
          summary[key] = mediaSummary(record);
        }
      }
      rows.push({ step: row.step, values });
      lastStep = row.step;
    }
    history = { rows, previousLastStep };
    historyOffset += fresh.length;
  }

  if (batch.system) {
    if (batch.system.offset > systemOffset) {
      throw new AppError(
        'CONFLICT',
        `system offset ${batch.system.offset} is past the expected offset ${systemOffset}; resend from ${systemOffset}`,
      );
    }
    const fresh = batch.system.rows.slice(systemOffset - batch.system.offset);
    // System samples are stored as series of their own, stepped by their index in the stream.
    system = {
      rows: fresh.map((row, index) => ({
        step: systemOffset + index,
        values: {
          'system/_timestamp': row.timestamp,
          ...Object.fromEntries(
            Object.entries(row.values).map(([key, value]) => [`system/${key}`, toNumber(value)]),
          ),
        },
      })),
      previousLastStep: systemOffset - 1,
    };
    systemOffset += fresh.length;
  }

  Object.assign(summary, batch.summary ?? {});
  // Line-indexed: a progress bar redrawn with \r rewrites its line in place.
  const lines = new Map((batch.console ?? []).map((line) => [line.lineNo, line]));
  return {
    history,
    system,
    media,
    console: [...lines.values()],
    definesMetrics: Object.keys(batch.summaryMetrics ?? {}).length > 0,
    historyOffset,
    systemOffset,
    lastStep,
    summary,
    config: batch.config ? { ...run.config, ...batch.config } : run.config,
    summaryMetrics,
    state: nextState(run.state, batch.finish),
    finishing: batch.finish !== undefined,
    exitCode: batch.finish?.exitCode ?? null,
  };
}

/**
 * The state after a batch: a stopped run stays killed; finishing decides between finished,
 * failed (non-zero exit code) and preempted (may resume later); any other batch from a
 * crashed run means it is alive after all.
 */
function nextState(current: string, finish: StreamBatch['finish']): string {
  if (current === 'KILLED') return 'KILLED';
  if (finish) {
    if (finish.preempted) return 'PREEMPTED';
    return finish.exitCode === 0 ? 'FINISHED' : 'FAILED';
  }
  return current === 'CRASHED' ? 'RUNNING' : current;
}
