import type { Actor } from '../auth/actor';
import { getPool } from '../db/prisma';
import { getMetricsStore } from '../history';
import { loadBulkTargets } from './bulk-run-targets';

/**
 * Deletes runs (`run:delete`: members their own, admins any) with their history, in one
 * transaction: the history tail has no foreign key to cascade, so the store forgets it
 * first, inside the same transaction, and a failure leaves every run as it was.
 */
export async function deleteRuns(
  actor: Actor,
  target: { entity: string; project: string; runIds: string[] },
): Promise<{ count: number }> {
  const { project, runs } = await loadBulkTargets(actor, target, 'run:delete');
  const ids = runs.map((run) => run.id);
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    await getMetricsStore().deleteRuns(ids, client);
    const deleted = await client.query(
      `DELETE FROM "Run" WHERE id = ANY($1::text[]) AND "projectId" = $2`,
      [ids, project.id],
    );
    await client.query(`UPDATE "Project" SET "updatedAt" = now() WHERE id = $1`, [project.id]);
    await client.query('COMMIT');
    return { count: deleted.rowCount ?? 0 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
