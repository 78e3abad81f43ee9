'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
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
