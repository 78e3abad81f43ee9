'use client';

import type { ReactNode } from 'react';
import { FormMessage } from '@/components/settings/form-message';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { InputField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { AlertSettings } from '@/lib/alerts/alert-settings';

// The alerts form: run finished / run crashed × Email / Slack checkboxes and the Slack webhook.

export type AlertValues = AlertSettings;

const checkboxClass =
  'h-4 w-4 cursor-pointer rounded border-zinc-300 accent-brand-600 dark:border-zinc-600';

const channelColumn = 'w-24 text-center';

export function AlertMatrixForm({
  action,
  caption,
  finishedDescription,
  values,
  webhookHint,
  deliveryProblem,
  children,
}: {
  action: FormAction;
  caption: string;
  /** What "Run finished" means here ("A run completed successfully."). */
  finishedDescription: string;
  values: AlertValues;
  webhookHint: string;
  /** The newest failed delivery of these settings ("last delivery failed: …"), if any. */
  deliveryProblem?: string | null;
  /** Hidden fields sent along (the team, the settings saved with the alerts). */
  children?: ReactNode;
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(action);
  const events = [
    {
      title: 'Run finished',
      description: finishedDescription,
      email: { name: 'runFinishedEmail', label: 'Email when a run finishes' },
      slack: { name: 'runFinishedSlack', label: 'Slack message when a run finishes' },
    },
    {
      title: 'Run crashed',
      description: 'A run failed or stopped sending heartbeats.',
      email: { name: 'runCrashedEmail', label: 'Email when a run crashes' },
      slack: { name: 'runCrashedSlack', label: 'Slack message when a run crashes' },
    },
    {
      title: 'Custom alerts',
      description: 'Sent by your code with run.alert({ title, text, level }).',
      email: { name: 'customEmail', label: 'Email custom alerts' },
      slack: { name: 'customSlack', label: 'Slack message for custom alerts' },
    },
  ] as const;

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      {children}
      {deliveryProblem && <Alert tone="error">{deliveryProblem}</Alert>}
      <FormMessage state={state} shownFields={['slackWebhookUrl']} />
      <DataTable
        caption={caption}
        columns={[
          'Event',
          { label: 'Email', className: channelColumn },
          { label: 'Slack', className: channelColumn },
        ]}
        className="rounded-lg border border-zinc-200 dark:border-zinc-800"
      >
        {events.map((event) => (
          <tr key={event.title}>
            <th scope="row" className="px-4 py-3 text-left font-normal">
              <span className="block font-medium">{event.title}</span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                {event.description}
              </span>
            </th>
            {[event.email, event.slack].map((channel) => (
              <td key={channel.name} className="px-4 py-3 text-center">
                <input
                  type="checkbox"
                  name={channel.name}
                  aria-label={channel.label}
                  defaultChecked={values[channel.name]}
                  className={checkboxClass}
                />
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
      <InputField
        label="Slack webhook URL"
        name="slackWebhookUrl"
        type="url"
        inputMode="url"
        placeholder="https://hooks.slack.com/services/…"
        defaultValue={values.slackWebhookUrl ?? ''}
        error={errorFor('Slack webhook URL', 'slackWebhookUrl')}
        hint={webhookHint}
      />
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save alerts
        </Button>
      </div>
    </form>
  );
}
