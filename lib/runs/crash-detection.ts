import { enqueueRunAlert, stateAlertContent } from '../alerts/enqueue-alert';
import { withTransaction } from '../db/transaction';
import { getEnv } from '../env';

export interface CrashReport {
  crashed: number;
  runIds: string[];
  checkedAt: string;
}

/**
 * Marks running runs whose last heartbeat is older than the grace period as crashed.
 * Idempotent and safe on several instances at once: rows are claimed with
 * FOR UPDATE SKIP LOCKED, and at most `limit` runs are handled per call. `now` is
 * injectable so tests need not wait. Each crash raises a "run crashed" alert.
 */
export async function detectCrashedRuns({
  now = new Date(),
  limit = 500,
}: { now?: Date; limit?: number } = {}): Promise<CrashReport> {
  const cutoff = new Date(now.getTime() - getEnv().CRASH_GRACE_SECONDS * 1000);
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; runId: string; displayName: string }>(
      `UPDATE "Run" SET state = 'CRASHED', "updatedAt" = $2
       WHERE id IN (
         SELECT id FROM "Run" WHERE state = 'RUNNING' AND "heartbeatAt" < $1
         ORDER BY "heartbeatAt" LIMIT $3 FOR UPDATE SKIP LOCKED
       )
       RETURNING id, "runId", "displayName"`,
      [cutoff, now, limit],
    );
    // In the same transaction: a run is crashed exactly when its alert exists.
    for (const run of rows) {
      await enqueueRunAlert(client, run.id, stateAlertContent('CRASHED', run)!, now);
    }
    return {
      crashed: rows.length,
      runIds: rows.map((row) => row.runId),
      checkedAt: now.toISOString(),
    };
  });
}
