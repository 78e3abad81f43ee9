'use client';

import { useEffect, useId, useRef } from 'react';
import {
  removeStorageConnectorAction,
  saveStorageConnectorAction,
} from '@/app/(app)/teams/[team]/settings/storage/actions';
import { ActionButton } from '@/components/settings/action-button';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { descriptionId, SettingLabel } from '@/components/ui/setting-label';
import { useFormAction } from '@/components/ui/use-form-action';

export interface ConnectorValues {
  endpoint: string;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  prefix: string;
}

const fieldNames = ['endpoint', 'bucket', 'region', 'prefix', 'accessKeyId', 'secretAccessKey'];

/**
 * Connect (or replace) the team's bucket. Saving tests the bucket on the server first; the
 * reason of a failed test appears beside the input it concerns. The secret is never sent
 * back: replacing a connector means entering the keys again.
 */
export function StorageConnectorForm({
  teamName,
  current,
}: {
  teamName: string;
  current: ConnectorValues | null;
}) {
  const { state, dispatch, pending, onSubmit, errorFor, fields } = useFormAction(
    saveStorageConnectorAction,
  );
  const pathStyleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // Saved: the keys leave the page (the server never sends them back either).
  useEffect(() => {
    if (state.status !== 'ok' || !formRef.current) return;
    for (const name of ['accessKeyId', 'secretAccessKey']) {
      const input = formRef.current.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = '';
    }
  }, [state]);
  const fieldShown = Object.keys(fields).some((name) => fieldNames.includes(name));
  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="team" value={teamName} />
      {state.status === 'error' && (
        <Alert tone="error">
          {fieldShown
            ? 'The bucket did not pass the test and nothing was saved. See the marked field below.'
            : state.message}
        </Alert>
      )}
      {state.status === 'ok' && state.message && <Alert tone="success">{state.message}</Alert>}
      <div className="grid gap-5 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <InputField
            label="Endpoint"
            name="endpoint"
            type="url"
            required
            defaultValue={current?.endpoint ?? ''}
            placeholder="https://s3.eu-central-1.amazonaws.com"
            hint="The S3 API URL of your provider: AWS, MinIO, Ceph, Cloudflare R2, Backblaze B2…"
            error={errorFor('Endpoint', 'endpoint')}
            autoComplete="off"
          />
        </div>
        <InputField
          label="Bucket"
          name="bucket"
          required
          defaultValue={current?.bucket ?? ''}
          placeholder="acme-ml-artifacts"
          hint="It must exist already."
          error={errorFor('Bucket', 'bucket')}
          autoComplete="off"
          spellCheck={false}
        />
        <InputField
          label="Region"
          name="region"
          required
          defaultValue={current?.region ?? 'us-east-1'}
          placeholder="us-east-1"
          error={errorFor('Region', 'region')}
          autoComplete="off"
          spellCheck={false}
        />
        <InputField
          label="Key prefix"
          name="prefix"
          defaultValue={current?.prefix ?? ''}
          placeholder="sextant/"
          hint="Optional folder inside the bucket."
          error={errorFor('Key prefix', 'prefix')}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="flex items-start gap-3 sm:pt-7">
          <input
            id={pathStyleId}
            type="checkbox"
            name="forcePathStyle"
            defaultChecked={current?.forcePathStyle ?? false}
            aria-describedby={descriptionId(pathStyleId)}
            className="mt-0.5 h-4 w-4 cursor-pointer rounded border-zinc-300 accent-brand-600 dark:border-zinc-600"
          />
          <SettingLabel
            id={pathStyleId}
            label="Path-style URLs"
            description="endpoint/bucket/key instead of bucket.endpoint/key. Most self-hosted stores need it."
          />
        </div>
        <InputField
          label="Access key ID"
          name="accessKeyId"
          required
          placeholder={current ? 'Enter the keys again to replace' : 'AKIA…'}
          error={errorFor('Access key ID', 'accessKeyId')}
          autoComplete="off"
          spellCheck={false}
        />
        <InputField
          label="Secret access key"
          name="secretAccessKey"
          type="password"
          required
          error={errorFor('Secret access key', 'secretAccessKey')}
          autoComplete="new-password"
          hint="Stored encrypted; never shown again."
        />
      </div>
      <div className="flex items-center justify-end gap-3">
        {pending && (
          <span className="text-sm text-zinc-500 dark:text-zinc-400" role="status">
            Testing the bucket…
          </span>
        )}
        <Button type="submit" pending={pending}>
          {current ? 'Test and replace' : 'Test and connect'}
        </Button>
      </div>
    </form>
  );
}

export function RemoveStorageConnectorButton({ teamName }: { teamName: string }) {
  return (
    <ActionButton
      action={removeStorageConnectorAction}
      fields={{ team: teamName }}
      variant="secondary"
      confirm={{
        title: 'Remove the storage connector?',
        description:
          'New uploads of the team go to this instance’s storage again. Files already in your bucket stay there and remain readable as long as the bucket and its keys work.',
        confirmLabel: 'Remove connector',
      }}
    >
      Remove connector
    </ActionButton>
  );
}
