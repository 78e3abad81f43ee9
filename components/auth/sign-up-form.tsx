'use client';

import { useActionState } from 'react';
import { signUpAction } from '@/app/(auth)/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { idle, type ActionState } from '@/lib/action-state';

export function SignUpForm({ defaultEmail }: { defaultEmail?: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signUpAction, idle);
  const errors = state.status === 'error' ? state.fields : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <InputField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={defaultEmail}
        error={errors.email}
      />
      <InputField
        label="Username"
        name="username"
        autoComplete="username"
        required
        error={errors.username}
        hint="Your URL: lowercase letters, digits, - and _. It cannot be changed later."
      />
      <InputField label="Full name" name="name" autoComplete="name" error={errors.name} />
      <InputField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        hint="At least 10 characters, mixing letters with digits or symbols."
      />
      <Button type="submit" className="w-full" pending={pending}>
        Create account
      </Button>
    </form>
  );
}
