'use server';

import { formText, type ActionState, runActionAndRevalidate } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { updateSystemSettings } from '@/lib/system/settings';
import { deleteTeam } from '@/lib/teams/create-team';

/* System administration server actions: one service call each, which checks 'system:manage'. */

export async function updateSystemSettingsAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/admin', async () => {
    await updateSystemSettings(actor, {
      organizationCreation: formText(form, 'organizationCreation') as 'anyone' | 'admins',
      // Empty or not a number: 0, which the service refuses with "must be at least 1".
      defaultStorageLimitGb: Number(formText(form, 'defaultStorageLimitGb').trim()) || 0,
    });
    return { message: 'System settings saved.' };
  });
}

export async function deleteTeamAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  // Every page may list or link the team (the header's team menu included).
  return runActionAndRevalidate<undefined>({ layout: '/' }, async () => {
    await deleteTeam(actor, team);
    return { message: `Deleted ${team}.` };
  });
}
