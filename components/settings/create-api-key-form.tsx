'use client';

import { KeyRound } from 'lucide-react';
import { createApiKeyAction } from '@/app/(app)/settings/actions';
import { CreateSecretForm } from '@/components/forms/create-secret-form';

export function CreateApiKeyForm() {
  return (
    <CreateSecretForm
      action={createApiKeyAction}
      label="Key name"
      maxLength={100}
      placeholder="e.g. training-cluster"
      hint="Where the key will be used, so you know which one to revoke later."
      submitLabel="Create key"
      icon={KeyRound}
      revealTitle={(name) => `Your new API key “${name}”`}
      secretLabel="New API key"
    />
  );
}
