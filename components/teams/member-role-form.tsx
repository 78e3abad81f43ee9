'use client';

import { useState } from 'react';
import { changeMemberRoleAction } from '@/app/(app)/teams/[team]/settings/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { cn } from '@/components/ui/cn';
import { useFormAction } from '@/components/ui/use-form-action';
import type { RoleOption } from './role-value';

/** A member's role: pick one, then save. The button wakes up once the choice differs. */
export function MemberRoleForm({
  teamName,
  userId,
  username,
  current,
  options,
}: {
  teamName: string;
  userId: string;
  username: string;
  current: string;
  options: RoleOption[];
}) {
  const { state, dispatch, pending, onSubmit } = useFormAction(changeMemberRoleAction);
  const [selected, setSelected] = useState(current);
  // After a save the page re-renders with the new role as `current`.
  const changed = selected !== current;

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-2" noValidate>
      <input type="hidden" name="team" value={teamName} />
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <select
          name="role"
          aria-label={`Role of ${username}`}
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
          className={cn(inputClass, 'h-8 w-48 py-1')}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <Button
          type="submit"
          variant="secondary"
          size="sm"
          pending={pending}
          disabled={!changed}
          aria-label={`Save ${username}'s role`}
        >
          Save
        </Button>
      </div>
      {(state.status === 'error' || (state.status === 'ok' && !changed)) && (
        <FormMessage state={state} className="px-3 py-2 text-xs" />
      )}
    </form>
  );
}
