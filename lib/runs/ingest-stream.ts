import type { PoolClient } from 'pg';
import { enqueueRunAlert, stateAlertContent } from '../alerts/enqueue-alert';
import type { Actor } from '../auth/actor';
import { getPool } from '../db/prisma';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { getMetricsStore } from '../history';
import type { Queryable } from '../history/metrics-store';
import { PostgresMetricsStore } from '../history/postgres-metrics-store';
import { planBatch, type BatchPlan, type RunSnapshot } from './ingest-plan';
import { storeMediaRecords } from './media-values';
import { loggableProject } from './project-access';
import { parseStreamBatch } from './parse-stream-batch';
import { sealLater } from './seal-queue';
import type { StreamBatch } from './schemas';

export interface StreamAck {
  /** Where the next batch of each stream must start. */
  historyOffset: number;
  systemOffset: number;
  state: string;
  /** Set when someone stopped the run from the UI or API (the SDK then ends the program). */
  stopRequested: boolean;
}

/**
 * Applies one batch from the SDK: all of it or none of it. Every batch is a heartbeat.
 *
 * Most batches (numbers for the next steps, system samples, console lines) are written in one
 * statement against the run as read, guarded by its row version: run update, tail rows and
 * console lines commit together, or nothing does because someone else wrote the run in
 * between. Round trips to Postgres are the server's main cost per batch (P1), and this path
 * takes 4 instead of 7; blocks the batch completes are sealed after it (seal-queue.ts).
 * Everything else — and a batch whose guard failed — goes through a
 * transaction that locks the run.
 */
export async function ingestStream(
  actor: Actor,
  target: { entity: string; project: string; runId: string },
  raw: unknown,
): Promise<StreamAck> {
  const batch = parseStreamBatch(raw);
  const project = await loggableProject(actor, target);

  const run = await readRun(getPool(), project.id, target.runId, false);
  const applied = await writeInOneStatement(run, batch);
  if (applied) return applied;
  return withTransaction(async (client) =>
    applyLocked(client, await readRun(client, project.id, target.runId, true), batch),
  );
}

export async function readRun(
  client: Queryable,
  projectId: string,
  runId: string,
  lock: boolean,
): Promise<RunSnapshot> {
  const { rows } = await client.query<RunSnapshot>(
    `SELECT id, state, "historyOffset", "systemOffset", "lastStep"::text AS "lastStep", summary, config,
            "summaryMetrics", "displayName", xmin::text AS revision
     FROM "Run" WHERE "projectId" = $1 AND "runId" = $2${lock ? ' FOR UPDATE' : ''}`,
    [projectId, runId],
  );
  if (!rows[0]) throw AppError.notFound(`Run "${runId}"`);
  return rows[0];
}

/** The one-statement path; null when the batch needs the locked one. */
export async function writeInOneStatement(
  run: RunSnapshot,
  batch: StreamBatch,
): Promise<StreamAck | null> {
  const store = getMetricsStore();
  if (!(store instanceof PostgresMetricsStore)) return null;
  if (batch.summaryMetrics || batch.finish || run.state === 'CRASHED') return null;
  // The run may have moved on since it was read: let the locked path judge offsets and steps.
  const plan = await planBatch(run, batch, (key) => store.stats(run.id, key)).catch((error) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  if (!plan) return null;
  // Media records go to another table and state changes raise alerts: rare, and locked.
  if (plan.media.length > 0 || plan.state !== run.state) return null;

  const update = runUpdate(run.id, plan);
  const guardParam = update.params.length + 1;
  const consoleWrite = consoleUpsert(plan, guardParam + 1, 'guard');
  const streams = [plan.history, plan.system].filter((stream) => stream !== null);
  const tail = await store.tailInsert(
    run.id,
    streams,
    guardParam + 1 + (consoleWrite?.params.length ?? 0),
  );
  if (!tail) return null;
  const { rows } = await getPool().query<{ applied: number }>(
    `WITH guard AS (${update.sql} AND xmin = $${guardParam}::xid RETURNING id)
     ${consoleWrite ? `, console AS (${consoleWrite.sql})` : ''}
     , tail AS (${tail.sql})
     SELECT count(*)::int AS applied FROM guard`,
    [...update.params, run.revision, ...(consoleWrite?.params ?? []), ...tail.params],
  );
  if (rows[0]!.applied === 0) return null;
  sealLater(run.id, tail.seal);
  return ackOf(run, plan);
}

async function applyLocked(
  client: PoolClient,
  run: RunSnapshot,
  batch: StreamBatch,
): Promise<StreamAck> {
  const store = getMetricsStore();
  const plan = await planBatch(run, batch, (key) => store.stats(run.id, key));
  if (plan.history) {
    await store.append(run.id, plan.history.rows, client, {
      previousLastStep: plan.history.previousLastStep,
    });
    await storeMediaRecords(client, run.id, plan.media);
  }
  if (plan.system) {
    await store.append(run.id, plan.system.rows, client, {
      previousLastStep: plan.system.previousLastStep,
    });
  }
  const consoleWrite = consoleUpsert(plan, 2);
  if (consoleWrite) await client.query(consoleWrite.sql, [run.id, ...consoleWrite.params]);
  const update = runUpdate(run.id, plan);
  await client.query(update.sql, update.params);
  if (plan.state !== run.state) {
    const alert = stateAlertContent(plan.state, {
      displayName: run.displayName,
      exitCode: plan.exitCode ?? undefined,
    });
    if (alert) await enqueueRunAlert(client, run.id, alert);
  }
  return ackOf(run, plan);
}

/** The run's new offsets, summary, config, state and heartbeat ($1 is the run id). */
function runUpdate(runId: string, plan: BatchPlan): { sql: string; params: unknown[] } {
  return {
    sql: `UPDATE "Run" SET "historyOffset" = $2, "systemOffset" = $3, "lastStep" = $4, summary = $5, config = $6,
       "summaryMetrics" = $10, "heartbeatAt" = now(), state = $7::"RunState", "exitCode" = COALESCE($8, "exitCode"),
       "finishedAt" = CASE WHEN $9 THEN now() ELSE "finishedAt" END, "updatedAt" = now()
     WHERE id = $1`,
    params: [
      runId,
      plan.historyOffset,
      plan.systemOffset,
      plan.lastStep,
      JSON.stringify(plan.summary),
      JSON.stringify(plan.config),
      plan.state,
      plan.exitCode,
      plan.finishing,
      JSON.stringify(plan.summaryMetrics),
    ],
  };
}

/**
 * Console lines upserted by line number, parameters from `firstParam`. The run's id is `$1`,
 * or with `guard` the id that CTE returned (so the lines are written only with the run).
 */
function consoleUpsert(
  plan: BatchPlan,
  firstParam: number,
  guard?: string,
): { sql: string; params: unknown[] } | null {
  if (plan.console.length === 0) return null;
  const [lineNos, texts, streams] = [0, 1, 2].map((i) => `$${firstParam + i}`);
  return {
    sql: `INSERT INTO "ConsoleLine" ("runId", "lineNo", "text", "stream")
       SELECT ${guard ? `${guard}.id` : '$1'}, l.line_no, l.text, l.stream
       FROM ${guard ? `${guard}, ` : ''}unnest(${lineNos}::int[], ${texts}::text[], ${streams}::text[]) AS l(line_no, text, stream)
       ON CONFLICT ("runId", "lineNo") DO UPDATE SET "text" = EXCLUDED."text", "stream" = EXCLUDED."stream", "at" = now()`,
    params: [
      plan.console.map((line) => line.lineNo),
      plan.console.map((line) => line.text),
      plan.console.map((line) => line.stream),
    ],
  };
}

function ackOf(run: RunSnapshot, plan: BatchPlan): StreamAck {
  return {
    historyOffset: plan.historyOffset,
    systemOffset: plan.systemOffset,
    state: plan.state,
    stopRequested: run.state === 'KILLED',
  };
}
