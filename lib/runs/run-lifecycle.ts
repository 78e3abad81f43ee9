import { enqueueRunAlert, stateAlertContent } from '../alerts/enqueue-alert';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { getProject } from './read-runs';

type RunTarget = { entity: string; project: string; runId: string };

/** The run, once the catalog allows the actor to stop it (members: own runs; admins: any). */
async function stoppableRun(actor: Actor, target: RunTarget) {
  const project = await getProject(actor, target.entity, target.project);
  const run = await getPrisma().run.findUnique({
    where: { projectId_runId: { projectId: project.id, runId: target.runId } },
  });
  if (!run) throw AppError.notFound('Run');
  assertCan(actor, 'run:stop', {
    access: project.access,
    visibility: project.visibility,
    createdById: run.createdById,
  });
  return run;
}

/**
 * Stops a running run: it becomes killed, and the SDK or CLI learns it from its next stream
 * response and ends the program.
 */
export async function stopRun(actor: Actor, target: RunTarget) {
  const run = await stoppableRun(actor, target);
  if (run.state !== 'RUNNING' && run.state !== 'CRASHED') {
    throw AppError.badInput(`The run is already ${run.state.toLowerCase()}`);
  }
  return getPrisma().run.update({
    where: { id: run.id },
    data: { state: 'KILLED', finishedAt: new Date() },
  });
}

/**
 * Marks a run failed by hand (e.g. a crashed run that will not come back). Same rule as
 * stopping. Raises a "run failed" alert, in the same transaction, unless it already was failed.
 */
export async function markRunFailed(actor: Actor, target: RunTarget) {
  const run = await stoppableRun(actor, target);
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ state: string }>(
      `SELECT state FROM "Run" WHERE id = $1 FOR UPDATE`,
      [run.id],
    );
    await client.query(
      `UPDATE "Run" SET state = 'FAILED', "finishedAt" = COALESCE("finishedAt", now()), "updatedAt" = now()
       WHERE id = $1`,
      [run.id],
    );
    if (rows[0]?.state !== 'FAILED') {
      await enqueueRunAlert(
        client,
        run.id,
        stateAlertContent('FAILED', { displayName: run.displayName })!,
      );
    }
  });
  return getPrisma().run.findUniqueOrThrow({ where: { id: run.id } });
}
