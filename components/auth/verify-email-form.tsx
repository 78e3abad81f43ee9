'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { verifyEmailAction } from '@/app/(auth)/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { idle, type ActionState } from '@/lib/action-state';

/**
 * Verification takes a click rather than happening on page load: mail scanners open links
 * in emails, and would otherwise spend the token before the person does.
 */
export function VerifyEmailForm({ token, signedIn }: { token: string; signedIn: boolean }) {
  const [state, action, pending] = useActionState<ActionState<string>, FormData>(
    verifyEmailAction,
    idle,
  );
  if (state.status === 'ok') {
    return (
      <div className="space-y-4">
        <Alert tone="success">{state.message}</Alert>
        <Link
          href={signedIn ? '/settings/emails' : '/signin?notice=verified'}
          className="inline-flex h-10 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
        >
          {signedIn ? 'Go to your emails' : 'Continue to sign in'}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" pending={pending}>
        Verify my email
      </Button>
    </form>
  );
}
