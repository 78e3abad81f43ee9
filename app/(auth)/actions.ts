'use server';

import { redirect } from 'next/navigation';
import { verifyEmail } from '@/lib/accounts/email-verification';
import { signUp } from '@/lib/accounts/sign-up';
import { runAction, type ActionState } from '@/lib/actions';

export async function signUpAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const email = String(form.get('email') ?? '');
  const inviteToken = String(form.get('inviteToken') ?? '');
  const result = await runAction<string | null>(async () => {
    const { joinedTeam } = await signUp({
      email,
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      name: String(form.get('name') ?? ''),
      ...(inviteToken ? { inviteToken } : {}),
    });
    return { data: joinedTeam };
  });
  if (result.status === 'ok') {
    // Signing up through an invite proved the address and joined the team: nothing to verify.
    if (result.data) {
      redirect(`/signin?notice=invite-joined&callbackUrl=${encodeURIComponent(`/${result.data}`)}`);
    }
    redirect(`/signup/check-email?email=${encodeURIComponent(email.trim().toLowerCase())}`);
  }
  return result.status === 'error' ? result : { status: 'idle' };
}

export async function verifyEmailAction(
  _previous: ActionState<string>,
  form: FormData,
): Promise<ActionState<string>> {
  return runAction(async () => {
    const { address } = await verifyEmail(String(form.get('token') ?? ''));
    return { message: `${address} is verified.`, data: address };
  });
}
