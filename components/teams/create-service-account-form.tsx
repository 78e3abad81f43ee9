'use client';

import { Bot } from 'lucide-react';
import { createServiceAccountAction } from '@/app/(app)/teams/[team]/settings/actions';
import { CreateSecretForm } from '@/components/forms/create-secret-form';

export function CreateServiceAccountForm({ teamName }: { teamName: string }) {
  return (
    <CreateSecretForm
      action={createServiceAccountAction}
      fields={{ team: teamName }}
      label="Service account name"
      errorLabel="Name"
      maxLength={60}
      placeholder="e.g. nightly-training"
      hint="What it automates: a CI job, a scheduler, a shared cluster."
      submitLabel="Create service account"
      icon={Bot}
      revealTitle={(name) => `API key of “${name}”`}
      secretLabel="New service account API key"
    />
  );
}
