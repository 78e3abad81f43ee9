'use client';

import { useEffect, useRef } from 'react';
import { inviteMemberAction } from '@/app/(app)/teams/[team]/settings/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { FieldShell, InputField, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { RoleOption } from './role-value';

export function InviteMemberForm({
  teamName,
  options,
}: {
  teamName: string;
  /** Built-in roles first, then the organization's custom roles. */
  options: RoleOption[];
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(inviteMemberAction);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === 'ok') formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="team" value={teamName} />
      <FormMessage state={state} shownFields={['email', 'role', 'customRoleId']} />
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <InputField
          label="Email address"
          name="email"
          type="email"
          autoComplete="off"
          placeholder="colleague@example.com"
          required
          error={errorFor('Email address', 'email')}
          hint="They get a link that is valid for 7 days."
        />
        <FieldShell label="Role" error={errorFor('Role', 'role', 'customRoleId')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="role"
              defaultValue="MEMBER"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            >
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <Button type="submit" pending={pending} className="sm:mt-7">
          Send invite
        </Button>
      </div>
    </form>
  );
}
