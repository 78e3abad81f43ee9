import type { Actor } from '../auth/actor';
import { getPool } from '../db/prisma';
import { getMetricsStore } from '../history';
import { assertCan } from '../permissions/catalog';
import { getProject } from '../runs/read-runs';

/**
 * Deletes a project with all its runs (`project:delete`: admins, and members for projects
 * they created). Runs cascade in the database; their history is the store's to forget, in
 * the same transaction, so a failure leaves everything in place.
 */
export async function deleteProject(
  actor: Actor,
  target: { entity: string; project: string },
): Promise<{ deletedRuns: number }> {
  const project = await getProject(actor, target.entity, target.project);
  assertCan(actor, 'project:delete', {
    access: project.access,
    visibility: project.visibility,
    createdById: project.createdById,
  });
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Run" WHERE "projectId" = $1 FOR UPDATE`,
      [project.id],
    );
    await getMetricsStore().deleteRuns(
      rows.map((row) => row.id),
      client,
    );
    await client.query(`DELETE FROM "Project" WHERE id = $1`, [project.id]);
    await client.query('COMMIT');
    return { deletedRuns: rows.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
