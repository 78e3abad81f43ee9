'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState, runActionAndRevalidate } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { AppError } from '@/lib/errors';
import { deleteRuns } from '@/lib/runs/delete-runs';
import { moveRuns } from '@/lib/runs/move-runs';
import { markRunFailed, stopRun } from '@/lib/runs/run-lifecycle';
import { updateRun, type UpdateRunInput } from '@/lib/runs/update-run';

/*
 * Run page actions: each calls one service, which checks the catalog and validates, then
 * refreshes every tab of the run (they share the header).
 */

export interface RunRef {
  entity: string;
  project: string;
  runId: string;
}

/** Arguments of a server action come from the browser: keep only three strings. */
const clean = (run: RunRef): RunRef => ({
  entity: String(run.entity),
  project: String(run.project),
  runId: String(run.runId),
});

const refresh = (run: RunRef) =>
  revalidatePath(`/${run.entity}/${run.project}/runs/${run.runId}`, 'layout');

async function forRun(run: RunRef, work: () => Promise<unknown>): Promise<ActionState> {
  const result = await runAction<undefined>(async () => {
    await work();
  });
  if (result.status === 'ok') refresh(run);
  return result;
}

/** Rename, notes or tags: only the fields given change. */
export async function updateRunAction(run: RunRef, fields: UpdateRunInput): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(run);
  return forRun(target, () => updateRun(actor, target, fields));
}

export async function stopRunAction(run: RunRef): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(run);
  return forRun(target, () => stopRun(actor, target));
}

export async function markRunFailedAction(run: RunRef): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(run);
  return forRun(target, () => markRunFailed(actor, target));
}

/**
 * Moves the run to another project of its entity (the same service as the runs table's bulk
 * move, which checks `run:move` here and `run:log` there). The page then lives at a new URL,
 * which the caller navigates to.
 */
export async function moveRunAction(run: RunRef, toProject: string): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(run);
  const result = await runAction<undefined>(async () => {
    await moveRuns(
      actor,
      { entity: target.entity, project: target.project, runIds: [target.runId] },
      String(toProject),
    );
  });
  if (result.status === 'ok') {
    revalidatePath(`/${target.entity}/${target.project}`, 'layout');
    revalidatePath(`/${target.entity}/${String(toProject)}`, 'layout');
  }
  return result;
}

/** Deletes the run with its history and files; the caller goes back to the project. */
export async function deleteRunAction(run: RunRef): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(run);
  return runActionAndRevalidate<undefined>(
    { layout: `/${target.entity}/${target.project}` },
    async () => {
      const { count } = await deleteRuns(actor, {
        entity: target.entity,
        project: target.project,
        runIds: [target.runId],
      });
      if (count === 0) throw AppError.notFound(`Run "${target.runId}"`);
    },
  );
}
