'use server';

import { redirect } from 'next/navigation';
import { verifyEmail } from '@/lib/accounts/email-verification';
import { signUp } from '@/lib/accounts/sign-up';
import { runAction, type ActionState } from '@/lib/actions';

export async function signUpAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const email = String(form.get('email') ?? '');
  const result = await runAction(async () => {
    await signUp({
      email,
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      name: String(form.get('name') ?? ''),
    });
  });
  if (result.status === 'ok')
    redirect(`/signup/check-email?email=${encodeURIComponent(email.trim().toLowerCase())}`);
  return result;
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
