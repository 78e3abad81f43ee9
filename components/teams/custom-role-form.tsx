'use client';

import { useEffect, useId, useState } from 'react';
import {
  createCustomRoleAction,
  updateCustomRoleAction,
} from '@/app/(app)/teams/[team]/settings/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { InputField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/action-state';
import {
  baseRoleLabels,
  isAddableExtra,
  permissionGroups,
  permissionLabels,
  type CustomRoleBase,
} from '@/lib/permissions/custom-role-permissions';
import type { TeamPermission } from '@/lib/permissions/team-grants';
import { ChoiceCard } from './choice-card';

const baseDescriptions: Record<CustomRoleBase, string> = {
  VIEW_ONLY:
    'Views runs, reports, artifacts and models, and comments on reports. No API key access to the team.',
  MEMBER:
    'Logs runs, writes reports and manages artifacts; deletes and stops only what they created.',
};

export interface EditableRole {
  id: string;
  name: string;
  baseRole: CustomRoleBase;
  permissions: TeamPermission[];
}

/**
 * Composes a custom role: a name, a base (View-only or Member) and extra permissions. What
 * the base already grants shows ticked and locked; only real extras are sent.
 */
export function CustomRoleForm({
  teamName,
  organizationId,
  role,
  onSaved,
  onCancel,
}: {
  teamName: string;
  /** For a new role. */
  organizationId?: string;
  /** For editing one. */
  role?: EditableRole;
  onSaved?: () => void;
  onCancel?: () => void;
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(
    role ? updateCustomRoleAction : createCustomRoleAction,
  );
  const [name, setName] = useState(role?.name ?? '');
  const [base, setBase] = useState<CustomRoleBase>(role?.baseRole ?? 'VIEW_ONLY');
  const [picked, setPicked] = useState<ReadonlySet<TeamPermission>>(
    () => new Set(role?.permissions ?? []),
  );
  // A new role's form starts over after a save; adjusted while rendering, not in an effect.
  const [handled, setHandled] = useState<ActionState>(state);
  if (handled !== state) {
    setHandled(state);
    if (state.status === 'ok' && !role) {
      setName('');
      setBase('VIEW_ONLY');
      setPicked(new Set());
    }
  }
  // The parent (a dialog) closes after a save: its state, so after this render.
  useEffect(() => {
    if (state.status === 'ok') onSaved?.();
  }, [state, onSaved]);
  const permissionsId = useId();
  const permissionsError = errorFor('Permissions', 'permissions');

  const toggle = (permission: TeamPermission, on: boolean) =>
    setPicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(permission);
      else next.delete(permission);
      return next;
    });
  const extraCount = [...picked].filter((p) => isAddableExtra(base, p)).length;

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="team" value={teamName} />
      {organizationId && <input type="hidden" name="organizationId" value={organizationId} />}
      {role && <input type="hidden" name="roleId" value={role.id} />}
      <FormMessage state={state} shownFields={['name', 'baseRole', 'permissions']} />

      <InputField
        label="Role name"
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={40}
        placeholder="e.g. Auditor, Recruiter, Run janitor"
        autoComplete="off"
        required
        error={errorFor('Role name', 'name')}
        hint="Shown in the members list and in invites. Unique within the organization."
      />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Start from</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {(['VIEW_ONLY', 'MEMBER'] as const).map((value) => (
            <ChoiceCard
              key={value}
              name="baseRole"
              value={value}
              title={baseRoleLabels[value]}
              description={baseDescriptions[value]}
              checked={base === value}
              onChange={() => setBase(value)}
            />
          ))}
        </div>
        {errorFor('Base role', 'baseRole') && (
          <p className="text-xs font-medium text-red-600 dark:text-red-400">
            {errorFor('Base role', 'baseRole')}
          </p>
        )}
      </fieldset>

      <fieldset className="space-y-3" aria-describedby={`${permissionsId}-hint`}>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Extra permissions{' '}
          <span className="font-normal text-zinc-500 dark:text-zinc-400">
            ({extraCount} selected)
          </span>
        </legend>
        <p id={`${permissionsId}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          Ticked and locked: already part of {baseRoleLabels[base]}. Extras apply to everything in
          the team, not only what the person created. Team settings and roles stay with admins.
        </p>
        {permissionsError && (
          <p className="text-xs font-medium text-red-600 dark:text-red-400">{permissionsError}</p>
        )}
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          {permissionGroups.map(({ label, permissions }) => (
            <div key={label} role="group" aria-label={label} className="space-y-1">
              <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                {label}
              </p>
              <ul className="space-y-0.5">
                {permissions.map((permission) => {
                  const included = !isAddableExtra(base, permission);
                  return (
                    <li key={permission}>
                      <label
                        className={cn(
                          'flex items-start gap-2.5 rounded-md px-2 py-1.5 text-sm',
                          included
                            ? 'cursor-not-allowed text-zinc-500 dark:text-zinc-400'
                            : 'cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/60',
                        )}
                      >
                        <input
                          type="checkbox"
                          // Locked boxes are disabled, so the form never sends them.
                          name="permissions"
                          value={permission}
                          checked={included || picked.has(permission)}
                          disabled={included}
                          onChange={(event) => toggle(permission, event.target.checked)}
                          className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
                        />
                        <span className="min-w-0">
                          <span className="block">{permissionLabels[permission]}</span>
                          <code className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400">
                            {permission}
                          </code>
                          {included && (
                            <span className="ml-2 text-[11px]">in {baseRoleLabels[base]}</span>
                          )}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="flex justify-end gap-3">
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" pending={pending}>
          {role ? 'Save role' : 'Create role'}
        </Button>
      </div>
    </form>
  );
}
