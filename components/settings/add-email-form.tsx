'use client';

import { useEffect, useRef } from 'react';
import { addEmailAction } from '@/app/(app)/settings/actions';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { FormMessage } from './form-message';
import { useFormAction } from '@/components/ui/use-form-action';

export function AddEmailForm() {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(addEmailAction);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === 'ok') formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} shownFields={['address', 'email', 'input']} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <InputField
            label="Email address"
            name="address"
            type="email"
            autoComplete="email"
            placeholder="you@example.com"
            required
            error={errorFor('Email address', 'address', 'email', 'input')}
            hint="We'll send a verification link to this address."
          />
        </div>
        <Button type="submit" pending={pending} className="sm:mt-7">
          Add email
        </Button>
      </div>
    </form>
  );
}
