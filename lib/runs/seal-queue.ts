import { withTransaction } from '../db/transaction';
import { getMetricsStore } from '../history';
import { PostgresMetricsStore } from '../history/postgres-metrics-store';
import { getLogger } from '../logger';

/**
 * Sealing completed history blocks into chunks (compaction), after the batch that completed
 * them was acknowledged. Sealing costs a few times an ordinary batch; done inline, runs that
 * cross a block boundary together (a sweep started at once) stalled every client for a
 * second or more. Queued here, one seal at a time per process, it interleaves with ingest
 * instead. Nothing is lost if a seal never runs: the points stay in the tail, reads merge
 * tail and chunks, and the series' next seal takes every block before its new boundary.
 */
let queue: Promise<void> = Promise.resolve();

export function sealLater(runId: string, boundaries: Map<string, number>): void {
  if (boundaries.size === 0) return;
  queue = queue.then(() =>
    sealNow(runId, boundaries).catch((error: unknown) =>
      getLogger().error(
        { err: error, runId },
        'Sealing history blocks failed; they stay in the tail',
      ),
    ),
  );
}

/** Resolves once every seal queued so far has run (tests, shutdown). */
export function sealsSettled(): Promise<void> {
  return queue;
}

async function sealNow(runId: string, boundaries: Map<string, number>): Promise<void> {
  const store = getMetricsStore();
  if (!(store instanceof PostgresMetricsStore)) return;
  await withTransaction(async (client) => {
    // The run's row lock orders the seal with rewinds of the same run (locked ingest path).
    await client.query(`SELECT 1 FROM "Run" WHERE id = $1 FOR UPDATE`, [runId]);
    await store.seal(client, boundaries);
  });
}
