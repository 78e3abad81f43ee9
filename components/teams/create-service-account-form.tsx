'use client';

import { Bot } from 'lucide-react';
import { useEffect, useRef } from 'react';
import {
  createServiceAccountAction,
  type CreatedServiceAccount,
} from '@/app/(app)/teams/[team]/settings/actions';
import { CopyButton } from '@/components/settings/copy-button';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

/** The key exists only in this component's state: shown once, gone on the next page load. */
function NewServiceAccountKey({ created }: { created: CreatedServiceAccount }) {
  return (
    <div
      role="status"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <p className="flex items-center gap-2 font-medium text-amber-900 dark:text-amber-200">
        <Bot className="h-4 w-4 shrink-0" aria-hidden />
        API key of “{created.name}”
      </p>
      <p className="text-amber-900 dark:text-amber-200">
        Copy this key now. You won&apos;t be able to see it again.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          aria-label="New service account API key"
          className="block min-w-0 flex-1 rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-xs break-all text-zinc-900 select-all dark:border-amber-800/60 dark:bg-zinc-950 dark:text-zinc-100"
        >
          {created.secret}
        </code>
        <CopyButton value={created.secret} label="Copy API key" />
      </div>
    </div>
  );
}

export function CreateServiceAccountForm({ teamName }: { teamName: string }) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(
    createServiceAccountAction,
  );
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === 'ok') formRef.current?.reset();
  }, [state]);

  return (
    <div className="space-y-4">
      {state.status === 'ok' && state.data ? (
        <NewServiceAccountKey created={state.data} />
      ) : (
        <FormMessage state={state} shownFields={['name', 'input']} />
      )}
      <form
        ref={formRef}
        action={dispatch}
        onSubmit={onSubmit}
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
        noValidate
      >
        <input type="hidden" name="team" value={teamName} />
        <div className="flex-1">
          <InputField
            label="Service account name"
            name="name"
            required
            maxLength={60}
            placeholder="e.g. nightly-training"
            error={errorFor('Name', 'name', 'input')}
            hint="What it automates: a CI job, a scheduler, a shared cluster."
          />
        </div>
        <Button type="submit" pending={pending} className="sm:mt-7">
          Create service account
        </Button>
      </form>
    </div>
  );
}
