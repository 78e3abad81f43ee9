'use client';

import { changePasswordAction } from '@/app/(app)/settings/actions';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { FormMessage } from './form-message';
import { useFormAction } from '@/components/ui/use-form-action';

/** On success the action signs every session out and sends the person to sign in again. */
export function ChangePasswordForm({
  username,
  hasPassword,
}: {
  username: string;
  hasPassword: boolean;
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(changePasswordAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormMessage state={state} shownFields={['currentPassword', 'newPassword', 'input']} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {hasPassword && (
        <InputField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errorFor('Current password', 'currentPassword')}
        />
      )}
      <InputField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('New password', 'newPassword', 'input')}
        hint="At least 10 characters, mixing letters with digits or symbols."
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Changing your password signs you out everywhere, including here.
        </p>
        <Button type="submit" pending={pending}>
          {hasPassword ? 'Change password' : 'Set password'}
        </Button>
      </div>
    </form>
  );
}
