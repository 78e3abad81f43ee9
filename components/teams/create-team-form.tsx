'use client';

import { useState } from 'react';
import { createTeamAction } from '@/app/(app)/create-team/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FieldShell, InputField, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { ChoiceCard } from './choice-card';

const newOrganization = 'new';

const teamTypes = [
  { value: 'WORK', title: 'Work', description: 'A company or a group at work.' },
  { value: 'ACADEMIC', title: 'Academic', description: 'A university lab or a research group.' },
] as const;

const fieldNames = ['name', 'type', 'organizationId', 'newOrganizationName'];

export function CreateTeamForm({
  organizations,
  organizationsRestricted,
}: {
  /** Organizations the viewer administers, where they may add teams. */
  organizations: { id: string; name: string }[];
  /** This instance lets only system admins create organizations (a hint; the server decides). */
  organizationsRestricted: boolean;
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(createTeamAction);
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState(organizations[0]?.id ?? newOrganization);
  const creatingOrganization = organization === newOrganization;
  const preview = name.trim().toLowerCase();

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormMessage state={state} shownFields={fieldNames} />

      <InputField
        label="Team name"
        name="name"
        required
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={40}
        placeholder="e.g. vision-lab"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errorFor('Team name', 'name')}
        hint={
          <>
            Lowercase letters, digits, - and _. It becomes the team&apos;s URL
            {preview ? (
              <>
                {' '}
                (<span className="font-mono text-zinc-700 dark:text-zinc-300">/{preview}</span>)
              </>
            ) : null}{' '}
            and cannot be changed later.
          </>
        }
      />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Team type</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {teamTypes.map((type, index) => (
            <ChoiceCard
              key={type.value}
              name="type"
              value={type.value}
              defaultChecked={index === 0}
              title={type.title}
              description={type.description}
            />
          ))}
        </div>
        {errorFor('Team type', 'type') && (
          <p className="text-xs font-medium text-red-600 dark:text-red-400">
            {errorFor('Team type', 'type')}
          </p>
        )}
      </fieldset>

      {organizations.length > 0 ? (
        <FieldShell
          label="Organization"
          error={errorFor('Organization', 'organizationId')}
          hint="Teams belong to an organization. You can add teams to organizations you administer."
        >
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="organization"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={organization}
              onChange={(event) => setOrganization(event.target.value)}
              className={inputClass}
            >
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
              <option value={newOrganization}>New organization…</option>
            </select>
          )}
        </FieldShell>
      ) : (
        <input type="hidden" name="organization" value={newOrganization} />
      )}

      {creatingOrganization && (
        <div className="space-y-3">
          {organizationsRestricted && (
            <Alert>
              On this instance only system admins create organizations. Ask one to add you to an
              organization, or to create the team for you.
            </Alert>
          )}
          <InputField
            label={organizations.length > 0 ? 'New organization name' : 'Organization name'}
            name="newOrganizationName"
            required
            autoComplete="organization"
            maxLength={100}
            placeholder="e.g. Acme Research"
            error={
              errorFor('Organization name', 'newOrganizationName') ??
              (organizations.length === 0 ? errorFor('Organization', 'organizationId') : undefined)
            }
            hint="Your company, university or lab. You become its admin and can add more teams to it later."
          />
        </div>
      )}

      <div className="flex justify-end border-t border-zinc-200 pt-5 dark:border-zinc-800">
        <Button type="submit" pending={pending}>
          Create team
        </Button>
      </div>
    </form>
  );
}
