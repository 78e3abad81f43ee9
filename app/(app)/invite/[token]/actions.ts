'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, type ActionState } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { acceptInvite } from '@/lib/teams/invites';

/** The result of accepting, plus whether the invite belongs to another account. */
export type AcceptInviteState = ActionState & { switchAccount?: boolean };

export async function acceptInviteAction(
  _previous: AcceptInviteState,
  form: FormData,
): Promise<AcceptInviteState> {
  const actor = await getCurrentActor();
  const token = String(form.get('token') ?? '');
  let otherAccount = false;
  const result = await runAction<string>(async () => {
    try {
      const { teamName } = await acceptInvite(actor, token);
      return { data: teamName };
    } catch (error) {
      // FORBIDDEN here means: signed in, but not as the address the invite was sent to.
      otherAccount = isAppError(error) && error.code === 'FORBIDDEN';
      throw error;
    }
  });
  if (result.status === 'ok' && result.data) {
    // The header's team list and the team's member count change.
    revalidatePath('/', 'layout');
    redirect(`/${encodeURIComponent(result.data)}`);
  }
  if (result.status === 'error') return { ...result, switchAccount: otherAccount };
  return { status: 'idle' };
}
