'use client';

import { updateProfileAction } from '@/app/(app)/settings/actions';
import { Button } from '@/components/ui/button';
import { InputField, TextareaField } from '@/components/ui/field';
import { FormMessage } from './form-message';
import { useFormAction } from '@/components/ui/use-form-action';

export interface ProfileValues {
  username: string;
  name: string;
  institution: string;
  location: string;
  website: string;
  bio: string;
}

const fieldNames = ['name', 'institution', 'location', 'website', 'bio'];

export function ProfileForm({ profile }: { profile: ProfileValues }) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(updateProfileAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormMessage state={state} shownFields={fieldNames} />
      <InputField
        label="Username"
        value={profile.username}
        readOnly
        className="bg-zinc-50 text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400"
        hint={`Usernames can't be changed: your projects live at /${profile.username}.`}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <InputField
          label="Name"
          name="name"
          autoComplete="name"
          defaultValue={profile.name}
          maxLength={100}
          error={errorFor('Name', 'name')}
        />
        <InputField
          label="Institution"
          name="institution"
          autoComplete="organization"
          defaultValue={profile.institution}
          maxLength={100}
          error={errorFor('Institution', 'institution')}
        />
        <InputField
          label="Location"
          name="location"
          defaultValue={profile.location}
          maxLength={100}
          error={errorFor('Location', 'location')}
        />
        <InputField
          label="Website"
          name="website"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://example.com"
          defaultValue={profile.website}
          error={errorFor('Website', 'website')}
          hint="A full address starting with https:// or http://."
        />
      </div>
      <TextareaField
        label="Bio"
        name="bio"
        rows={4}
        defaultValue={profile.bio}
        maxLength={1000}
        error={errorFor('Bio', 'bio')}
        hint="A few words about you and your work, up to 1,000 characters."
      />
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
