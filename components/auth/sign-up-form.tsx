'use client';

import { signUpAction } from '@/app/(auth)/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

export function SignUpForm({
  defaultEmail,
  inviteToken,
}: {
  defaultEmail?: string;
  /** From a team invite link: signing up with the invited address joins the team. */
  inviteToken?: string;
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(signUpAction);
  const fieldErrors = state.status === 'error' && Object.keys(state.fields).length > 0;
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-4" noValidate>
      {inviteToken && <input type="hidden" name="inviteToken" value={inviteToken} />}
      {state.status === 'error' && (
        <Alert tone="error">{fieldErrors ? 'Check the fields marked below.' : state.message}</Alert>
      )}
      <InputField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={defaultEmail}
        error={errorFor('Email', 'email')}
      />
      <InputField
        label="Username"
        name="username"
        autoComplete="username"
        required
        error={errorFor('Username', 'username')}
        hint="Your URL: lowercase letters, digits, - and _. It cannot be changed later."
      />
      <InputField
        label="Full name"
        name="name"
        autoComplete="name"
        error={errorFor('Name', 'name')}
      />
      <InputField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('Password', 'password')}
        hint="At least 10 characters, mixing letters with digits or symbols, without your username."
      />
      <Button type="submit" className="w-full" pending={pending}>
        Create account
      </Button>
    </form>
  );
}
