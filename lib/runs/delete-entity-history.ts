import { getPrisma } from '../db/prisma';
import { getMetricsStore } from '../history';

/**
 * Forgets the history of every run in an entity's projects: called before a person or a
 * team is deleted (projects and runs cascade in the database; the history store is ours).
 */
export async function deleteEntityHistory(entityId: string): Promise<void> {
  const runs = await getPrisma().run.findMany({
    where: { project: { entityId } },
    select: { id: true },
  });
  await getMetricsStore().deleteRuns(runs.map((run) => run.id));
}
