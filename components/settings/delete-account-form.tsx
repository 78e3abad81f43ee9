'use client';

import { useState } from 'react';
import { deleteAccountAction } from '@/app/(app)/settings/actions';
import { Button } from '@/components/ui/button';
import { ConfirmNameField } from '@/components/ui/field';
import { FormMessage } from './form-message';
import { useFormAction } from '@/components/ui/use-form-action';

/**
 * The button unlocks only once the username is typed; the service checks it again, this
 * is just to keep a stray click from getting that far.
 */
export function DeleteAccountForm({ username }: { username: string }) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(deleteAccountAction);
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === username;

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} shownFields={['confirmUsername']} />
      <ConfirmNameField
        label="Type your username to confirm"
        name="confirmUsername"
        expected={username}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        error={errorFor('Username', 'confirmUsername')}
      />
      <div className="flex justify-end">
        <Button type="submit" variant="danger" pending={pending} disabled={!matches}>
          Delete my account
        </Button>
      </div>
    </form>
  );
}
