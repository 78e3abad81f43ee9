'use client';

import { updateSystemSettingsAction } from '@/app/(app)/admin/actions';
import { FormMessage } from '@/components/settings/form-message';
import { ChoiceCard } from '@/components/teams/choice-card';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

export interface SystemSettingsValues {
  organizationCreation: 'anyone' | 'admins';
  defaultStorageLimitGb: number;
}

const creationChoices = [
  {
    value: 'anyone',
    title: 'Anyone signed in',
    description: 'Everyone can create an organization and become the admin of its teams.',
  },
  {
    value: 'admins',
    title: 'System admins only',
    description: 'Others create teams only in organizations they already administer.',
  },
] as const;

export function SystemSettingsForm({ settings }: { settings: SystemSettingsValues }) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(
    updateSystemSettingsAction,
  );
  const creationError = errorFor('Organization creation', 'organizationCreation');
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormMessage state={state} shownFields={['organizationCreation', 'defaultStorageLimitGb']} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Who can create organizations
        </legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {creationChoices.map((choice) => (
            <ChoiceCard
              key={choice.value}
              name="organizationCreation"
              value={choice.value}
              defaultChecked={settings.organizationCreation === choice.value}
              title={choice.title}
              description={choice.description}
            />
          ))}
        </div>
        {creationError && (
          <p className="text-xs font-medium text-red-600 dark:text-red-400">{creationError}</p>
        )}
      </fieldset>
      <div className="max-w-xs">
        <InputField
          label="Default storage limit (GB)"
          name="defaultStorageLimitGb"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          required
          defaultValue={settings.defaultStorageLimitGb}
          error={errorFor('Default storage limit', 'defaultStorageLimitGb')}
          hint="What each user and team may store before a paid plan."
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
