import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { getEnv } from '../env';
import { recipientsFor, type AlertEventKind } from './recipients';

/** Anything that runs SQL: a transaction's client (preferred) or the pool. */
export type Queryable = Pick<PoolClient, 'query'>;

export type AlertLevel = 'INFO' | 'WARN' | 'ERROR';

export interface AlertContent {
  event: AlertEventKind;
  level: AlertLevel;
  title: string;
  text: string;
}

/** What every message about the alert shows, frozen when the alert is raised. */
export interface AlertDetails {
  runUrl: string;
  runName: string;
  projectPath: string;
  state: string;
  exitCode: number | null;
  durationMs: number;
  logTail: string[];
}

/** Lines of console output quoted in a message. */
export const logTailLines = 10;

interface RunRow {
  id: string;
  runId: string;
  displayName: string;
  state: string;
  exitCode: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  projectName: string;
  entityName: string;
}

/**
 * Raises an alert about a run and queues one delivery per channel and recipient, following
 * the alert settings of the run's owner (personal project) or team (team project). Meant to run
 * inside the transaction that changed the run, so an alert exists exactly when the change
 * does (the transactional-outbox pattern); `deliverDueAlerts` sends it later.
 * Returns null when nobody wants this kind of alert.
 */
export async function enqueueRunAlert(
  db: Queryable,
  runDbId: string,
  content: AlertContent,
  now = new Date(),
): Promise<{ alertId: string; deliveries: number } | null> {
  const { rows } = await db.query<RunRow>(
    `SELECT r.id, r."runId", r."displayName", r.state, r."exitCode", r."startedAt", r."finishedAt",
            p.name AS "projectName", e.name AS "entityName"
     FROM "Run" r JOIN "Project" p ON p.id = r."projectId" JOIN "Entity" e ON e.id = p."entityId"
     WHERE r.id = $1`,
    [runDbId],
  );
  const run = rows[0];
  if (!run) return null;
  const recipients = await recipientsFor(db, runDbId, content.event);
  if (recipients.length === 0) return null;

  const { rows: tail } = await db.query<{ text: string }>(
    `SELECT text FROM "ConsoleLine" WHERE "runId" = $1 ORDER BY "lineNo" DESC LIMIT $2`,
    [runDbId, logTailLines],
  );
  const projectPath = `${run.entityName}/${run.projectName}`;
  const details: AlertDetails = {
    runUrl: new URL(`/${projectPath}/runs/${run.runId}`, getEnv().APP_URL).toString(),
    runName: run.displayName,
    projectPath,
    state: run.state,
    exitCode: run.exitCode,
    durationMs: (run.finishedAt ?? now).getTime() - run.startedAt.getTime(),
    logTail: tail.map((line) => line.text).reverse(),
  };

  const alertId = randomUUID();
  await db.query(
    `INSERT INTO "Alert" (id, "runId", event, level, title, text, details, "createdAt")
     VALUES ($1, $2, $3::"AlertEvent", $4::"AlertLevel", $5, $6, $7, $8)`,
    [alertId, runDbId, content.event, content.level, content.title, content.text, details, now],
  );
  // The unique (alert, channel, target) key is the idempotency key of a delivery.
  const inserted = await db.query(
    `INSERT INTO "AlertDelivery" (id, "alertId", channel, "userId", "teamId", target, "nextAttemptAt", "createdAt")
     SELECT gen_random_uuid()::text, $1, channel::"AlertChannel", "userId", "teamId", target, $2, $2
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS r(channel, "userId", "teamId", target)
     ON CONFLICT ("alertId", channel, target) DO NOTHING`,
    [
      alertId,
      now,
      recipients.map((r) => r.channel),
      recipients.map((r) => r.userId),
      recipients.map((r) => r.teamId),
      recipients.map((r) => r.target),
    ],
  );
  return { alertId, deliveries: inserted.rowCount ?? 0 };
}

/** The alert a run's new state raises, if any (killed and preempted runs raise none). */
export function stateAlertContent(
  state: string,
  run: { displayName: string; exitCode?: number | null },
): AlertContent | null {
  const name = run.displayName;
  switch (state) {
    case 'FINISHED':
      return {
        event: 'RUN_FINISHED',
        level: 'INFO',
        title: `Run finished: ${name}`,
        text: `${name} finished successfully.`,
      };
    case 'FAILED':
      return {
        event: 'RUN_FAILED',
        level: 'ERROR',
        title: `Run failed: ${name}`,
        text:
          run.exitCode != null && run.exitCode !== 0
            ? `${name} failed with exit code ${run.exitCode}.`
            : `${name} was marked as failed.`,
      };
    case 'CRASHED':
      return {
        event: 'RUN_CRASHED',
        level: 'ERROR',
        title: `Run crashed: ${name}`,
        text: `${name} stopped sending heartbeats without finishing. Everything it logged until then is kept.`,
      };
    default:
      return null;
  }
}
