'use client';

import { updateAlertPreferencesAction } from '@/app/(app)/settings/actions';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { FormMessage } from './form-message';
import { useFormAction } from '@/components/ui/use-form-action';

export interface AlertPreferenceValues {
  runFinishedEmail: boolean;
  runFinishedSlack: boolean;
  runCrashedEmail: boolean;
  runCrashedSlack: boolean;
  slackWebhookUrl: string | null;
}

const events = [
  {
    title: 'Run finished',
    description: 'A run completed successfully.',
    email: { name: 'runFinishedEmail', label: 'Email when a run finishes' },
    slack: { name: 'runFinishedSlack', label: 'Slack message when a run finishes' },
  },
  {
    title: 'Run crashed',
    description: 'A run failed or stopped sending heartbeats.',
    email: { name: 'runCrashedEmail', label: 'Email when a run crashes' },
    slack: { name: 'runCrashedSlack', label: 'Slack message when a run crashes' },
  },
] as const;

const checkboxClass =
  'h-4 w-4 cursor-pointer rounded border-zinc-300 accent-brand-600 dark:border-zinc-600';
const headerCell =
  'px-4 py-2.5 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

export function AlertPreferencesForm({ preferences }: { preferences: AlertPreferenceValues }) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(
    updateAlertPreferencesAction,
  );
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormMessage state={state} shownFields={['slackWebhookUrl']} />
      <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-sm">
          <caption className="sr-only">Alert channels for each run event</caption>
          <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
            <tr>
              <th scope="col" className={`${headerCell} text-left`}>
                Event
              </th>
              <th scope="col" className={`${headerCell} w-24 text-center`}>
                Email
              </th>
              <th scope="col" className={`${headerCell} w-24 text-center`}>
                Slack
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
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
                      defaultChecked={preferences[channel.name]}
                      className={checkboxClass}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <InputField
        label="Slack webhook URL"
        name="slackWebhookUrl"
        type="url"
        inputMode="url"
        placeholder="https://hooks.slack.com/services/…"
        defaultValue={preferences.slackWebhookUrl ?? ''}
        error={errorFor('Slack webhook URL', 'slackWebhookUrl')}
        hint="An incoming-webhook URL from your Slack workspace. Needed for Slack alerts."
      />
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save alerts
        </Button>
      </div>
    </form>
  );
}
