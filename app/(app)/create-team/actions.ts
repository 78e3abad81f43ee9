'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formText, runAction, type ActionState } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { createTeam } from '@/lib/teams/create-team';

/** The select's value for "a new organization" (organization ids are cuids, never this). */
const newOrganization = 'new';

/** Creates the team, then opens its settings so the creator can invite people. */
export async function createTeamAction(
  _previous: ActionState<string>,
  form: FormData,
): Promise<ActionState<string>> {
  const actor = await getCurrentActor();
  const organization = formText(form, 'organization');
  const result = await runAction<string>(async () => {
    const team = await createTeam(actor, {
      name: formText(form, 'name'),
      type: formText(form, 'type') as 'WORK' | 'ACADEMIC',
      ...(organization && organization !== newOrganization
        ? { organizationId: organization }
        : { newOrganizationName: formText(form, 'newOrganizationName') }),
    });
    return { data: team.name };
  });
  if (result.status === 'ok' && result.data) {
    // The header lists the viewer's teams.
    revalidatePath('/', 'layout');
    redirect(`/teams/${encodeURIComponent(result.data)}/settings`);
  }
  return result;
}
