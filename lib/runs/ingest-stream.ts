import type { PoolClient } from 'pg';
import { enqueueRunAlert, stateAlertContent } from '../alerts/enqueue-alert';
import type { Actor } from '../auth/actor';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { getMetricsStore } from '../history';
import type { HistoryRow } from '../history/metrics-store';
import { loggableProject } from './project-access';
import { parseStreamBatch } from './parse-stream-batch';
import { toNumber, type StreamBatch } from './schemas';
import {
  mediaRecord,
  mediaSummary,
  numericValue,
  storeMediaRecords,
  type MediaRecord,
} from './media-values';
import { defineSummaryMetric, summarise, type SummaryMetrics } from './summary-metrics';

export interface StreamAck {
  /** Where the next batch of each stream must start. */
  historyOffset: number;
  systemOffset: number;
  state: string;
  /** Set when someone stopped the run from the UI or API (the SDK then ends the program). */
  stopRequested: boolean;
}

interface LockedRun {
  id: string;
  state: string;
  historyOffset: number;
  systemOffset: number;
  lastStep: string;
  summary: Record<string, unknown>;
  config: Record<string, unknown>;
  summaryMetrics: SummaryMetrics;
  displayName: string;
}

/**
 * Applies one batch from the SDK in one transaction: all of it or none of it. Streams are
 * idempotent by offset: rows before the run's current offset were applied by an earlier
 * try of the same batch and are skipped; a batch that starts past the offset is refused
 * (CONFLICT, with the offset to resend from). Every batch is a heartbeat.
 */
export async function ingestStream(
  actor: Actor,
  target: { entity: string; project: string; runId: string },
  raw: unknown,
): Promise<StreamAck> {
  const batch = parseStreamBatch(raw);
  const project = await loggableProject(actor, target);

  return withTransaction((client) => applyBatch(client, project.id, target.runId, batch));
}

async function applyBatch(
  client: PoolClient,
  projectId: string,
  runId: string,
  batch: StreamBatch,
): Promise<StreamAck> {
  const { rows } = await client.query<LockedRun>(
    `SELECT id, state, "historyOffset", "systemOffset", "lastStep"::text AS "lastStep", summary, config, "summaryMetrics", "displayName"
     FROM "Run" WHERE "projectId" = $1 AND "runId" = $2 FOR UPDATE`,
    [projectId, runId],
  );
  const run = rows[0];
  if (!run) throw AppError.notFound(`Run "${runId}"`);
  const store = getMetricsStore();
  let historyOffset = run.historyOffset;
  let systemOffset = run.systemOffset;
  let lastStep = Number(run.lastStep);
  const summary = { ...run.summary };
  const summaryMetrics = { ...run.summaryMetrics };
  for (const [key, choice] of Object.entries(batch.summaryMetrics ?? {})) {
    defineSummaryMetric(summary, summaryMetrics, key, choice, await store.stats(run.id, key));
  }

  if (batch.history) {
    const fresh = batch.history.rows.slice(Math.max(0, historyOffset - batch.history.offset));
    if (batch.history.offset > historyOffset) {
      throw new AppError(
        'CONFLICT',
        `history offset ${batch.history.offset} is past the expected offset ${historyOffset}; resend from ${historyOffset}`,
      );
    }
    const rowsToStore: HistoryRow[] = [];
    const media: MediaRecord[] = [];
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
      rowsToStore.push({ step: row.step, values });
      lastStep = row.step;
    }
    await store.append(run.id, rowsToStore, client, { previousLastStep: Number(run.lastStep) });
    await storeMediaRecords(client, run.id, media);
    historyOffset += fresh.length;
  }

  if (batch.system) {
    if (batch.system.offset > systemOffset) {
      throw new AppError(
        'CONFLICT',
        `system offset ${batch.system.offset} is past the expected offset ${systemOffset}; resend from ${systemOffset}`,
      );
    }
    const fresh = batch.system.rows.slice(Math.max(0, systemOffset - batch.system.offset));
    await store.append(
      run.id,
      fresh.map((row, index) => ({
        step: systemOffset + index,
        values: {
          'system/_timestamp': row.timestamp,
          ...Object.fromEntries(
            Object.entries(row.values).map(([key, value]) => [`system/${key}`, toNumber(value)]),
          ),
        },
      })),
      client,
      { previousLastStep: systemOffset - 1 },
    );
    systemOffset += fresh.length;
  }

  if (batch.console?.length) {
    // Line-indexed: a progress bar redrawn with \r rewrites its line in place.
    const lines = new Map(batch.console.map((line) => [line.lineNo, line]));
    await client.query(
      `INSERT INTO "ConsoleLine" ("runId", "lineNo", "text", "stream")
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])
       ON CONFLICT ("runId", "lineNo") DO UPDATE SET "text" = EXCLUDED."text", "stream" = EXCLUDED."stream", "at" = now()`,
      [
        run.id,
        [...lines.keys()],
        [...lines.values()].map((l) => l.text),
        [...lines.values()].map((l) => l.stream),
      ],
    );
  }

  Object.assign(summary, batch.summary ?? {});
  const config = batch.config ? { ...run.config, ...batch.config } : run.config;
  const finishing = batch.finish !== undefined;
  const state = nextState(run.state, batch.finish);
  await client.query(
    `UPDATE "Run" SET "historyOffset" = $2, "systemOffset" = $3, "lastStep" = $4, summary = $5, config = $6, "summaryMetrics" = $10,
       "heartbeatAt" = now(), state = $7::"RunState", "exitCode" = COALESCE($8, "exitCode"),
       "finishedAt" = CASE WHEN $9 THEN now() ELSE "finishedAt" END, "updatedAt" = now()
     WHERE id = $1`,
    [
      run.id,
      historyOffset,
      systemOffset,
      lastStep,
      JSON.stringify(summary),
      JSON.stringify(config),
      state,
      batch.finish?.exitCode ?? null,
      finishing,
      JSON.stringify(summaryMetrics),
    ],
  );
  if (state !== run.state) {
    const alert = stateAlertContent(state, {
      displayName: run.displayName,
      exitCode: batch.finish?.exitCode,
    });
    if (alert) await enqueueRunAlert(client, run.id, alert);
  }
  return { historyOffset, systemOffset, state, stopRequested: run.state === 'KILLED' };
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
