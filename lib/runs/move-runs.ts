import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { loadBulkTargets } from './bulk-run-targets';
import { getProject } from './read-runs';

/**
 * Moves runs to another project of the same entity: `run:move` on every run (members: the
 * runs they created) and `run:log` in the target. History, files and console lines hang off
 * the run's internal id, so they move with it; the creator stays, so "own" rules follow
 * the run, not the project (PERMISSIONS.md).
 */
export async function moveRuns(
  actor: Actor,
  target: { entity: string; project: string; runIds: string[] },
  toProject: string,
): Promise<{ count: number }> {
  const { project, runs } = await loadBulkTargets(actor, target, 'run:move');
  if (toProject === project.name) {
    throw AppError.badInput('The runs are already in this project', [
      { field: 'toProject', message: 'must be another project' },
    ]);
  }
  const destination = await getProject(actor, target.entity, toProject);
  assertCan(actor, 'run:log', { access: destination.access, visibility: destination.visibility });
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const clashes = await tx.run.findMany({
      where: { projectId: destination.id, runId: { in: runs.map((run) => run.runId) } },
      select: { runId: true },
    });
    if (clashes.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${toProject} already has runs with the ids ${clashes
          .slice(0, 5)
          .map((run) => run.runId)
          .join(', ')}`,
        { fields: [{ field: 'toProject', message: 'has runs with the same ids' }] },
      );
    }
    const moved = await tx.run.updateMany({
      where: { id: { in: runs.map((run) => run.id) }, projectId: project.id },
      data: { projectId: destination.id },
    });
    await tx.project.updateMany({
      where: { id: { in: [project.id, destination.id] } },
      data: { updatedAt: new Date() },
    });
    return { count: moved.count };
  });
}
