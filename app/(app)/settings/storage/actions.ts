'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { deleteStoredItem } from '@/lib/storage/delete-stored-item';

/**
 * The storage pages' delete button (personal Storage and team Usage): a run file or an
 * artifact version. The service checks permissions through the catalog and releases usage.
 */
export async function deleteStoredItemAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const fields = Object.fromEntries(
    [...form.entries()].filter(
      ([name, value]) => !name.startsWith('$') && typeof value === 'string',
    ),
  );
  const result = await runAction<undefined>(async () => deleteStoredItem(actor, fields));
  if (result.status === 'ok') {
    revalidatePath('/settings/storage');
    revalidatePath('/teams/[team]/settings/usage', 'page');
  }
  return result;
}
