'use server';

import { formChecked, formText, type ActionState, runActionAndRevalidate } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import {
  removeTeamStorageConnector,
  saveTeamStorageConnector,
} from '@/lib/storage/connectors/team-storage-connector';

/* The Storage section's server actions: one service call each (it checks the actor is a team admin). */

export async function saveStorageConnectorAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  return runActionAndRevalidate<undefined>(`/teams/${team}/settings/storage`, async () => {
    await saveTeamStorageConnector(actor, team, {
      endpoint: formText(form, 'endpoint'),
      bucket: formText(form, 'bucket'),
      region: formText(form, 'region'),
      forcePathStyle: formChecked(form, 'forcePathStyle'),
      prefix: formText(form, 'prefix'),
      accessKeyId: formText(form, 'accessKeyId'),
      secretAccessKey: formText(form, 'secretAccessKey'),
    });
    return { message: 'The bucket passed the test. New uploads of the team go there.' };
  });
}

export async function removeStorageConnectorAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  return runActionAndRevalidate<undefined>(`/teams/${team}/settings/storage`, async () => {
    await removeTeamStorageConnector(actor, team);
    return { message: 'Connector removed. New uploads go to the instance storage.' };
  });
}
