'use client';

import { LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { acceptInviteAction, type AcceptInviteState } from '@/app/(app)/invite/[token]/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

const initialState: AcceptInviteState = { status: 'idle' };

/** "Join <team>" for a signed-in person; offers to switch accounts when the invite is someone else's. */
export function AcceptInviteForm({
  token,
  teamName,
  username,
  signOutCallbackUrl,
}: {
  token: string;
  teamName: string;
  username: string;
  signOutCallbackUrl: string;
}) {
  const [state, dispatch, pending] = useActionState(acceptInviteAction, initialState);
  const [signingOut, setSigningOut] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return (
    <div className="space-y-4 text-left">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <form action={dispatch} onSubmit={onSubmit} className="flex flex-col items-center gap-2">
        <input type="hidden" name="token" value={token} />
        <Button type="submit" pending={pending} className="w-full sm:w-auto">
          Join {teamName}
        </Button>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Signed in as <span className="font-medium">{username}</span>
        </p>
      </form>
      {state.status === 'error' && state.switchAccount && (
        <div className="flex justify-center">
          <Button
            type="button"
            variant="secondary"
            pending={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut({ callbackUrl: signOutCallbackUrl });
            }}
          >
            {!signingOut && <LogOut className="h-4 w-4" aria-hidden />}
            Sign out and switch account
          </Button>
        </div>
      )}
    </div>
  );
}
