'use client';

import { useId, type ReactNode } from 'react';
import { updateTeamSettingsAction } from '@/app/(app)/teams/[team]/settings/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

export interface TeamSettingsValues {
  forcePrivateProjects: boolean;
  codeSavingDefault: boolean;
  runFinishedEmail: boolean;
  runFinishedSlack: boolean;
  runCrashedEmail: boolean;
  runCrashedSlack: boolean;
  slackWebhookUrl: string | null;
}

type Flag = Exclude<keyof TeamSettingsValues, 'slackWebhookUrl'>;

const checkboxClass =
  'h-4 w-4 cursor-pointer rounded border-zinc-300 accent-brand-600 dark:border-zinc-600';

/**
 * The service saves privacy and alerts together; each form sends the other section's
 * saved values unchanged, so saving one never touches the other.
 */
function Carried({ settings, names }: { settings: TeamSettingsValues; names: Flag[] }) {
  return names.map((name) =>
    settings[name] ? <input key={name} type="hidden" name={name} value="on" /> : null,
  );
}

function CheckboxRow({
  name,
  label,
  description,
  defaultChecked,
}: {
  name: Flag;
  label: string;
  description: ReactNode;
  defaultChecked: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        aria-describedby={`${id}-description`}
        className={`${checkboxClass} mt-0.5`}
      />
      <div className="min-w-0">
        <label htmlFor={id} className="block cursor-pointer text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-description`} className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          {description}
        </p>
      </div>
    </div>
  );
}

export function TeamPrivacyForm({
  teamName,
  settings,
}: {
  teamName: string;
  settings: TeamSettingsValues;
}) {
  const { state, dispatch, pending, onSubmit } = useFormAction(updateTeamSettingsAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="team" value={teamName} />
      <input type="hidden" name="section" value="privacy" />
      <Carried
        settings={settings}
        names={['runFinishedEmail', 'runFinishedSlack', 'runCrashedEmail', 'runCrashedSlack']}
      />
      <input type="hidden" name="slackWebhookUrl" value={settings.slackWebhookUrl ?? ''} />
      <FormMessage state={state} />
      <CheckboxRow
        name="forcePrivateProjects"
        label="Make all projects private"
        description="Every project of the team is private: only team members can see it, and nobody can make one public."
        defaultChecked={settings.forcePrivateProjects}
      />
      <CheckboxRow
        name="codeSavingDefault"
        label="Save code by default"
        description="New runs save the code that produced them, unless their own settings turn it off."
        defaultChecked={settings.codeSavingDefault}
      />
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save privacy
        </Button>
      </div>
    </form>
  );
}

const events = [
  {
    title: 'Run finished',
    description: 'A run of the team completed successfully.',
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

const headerCell =
  'px-4 py-2.5 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

export function TeamAlertsForm({
  teamName,
  settings,
}: {
  teamName: string;
  settings: TeamSettingsValues;
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(updateTeamSettingsAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="team" value={teamName} />
      <input type="hidden" name="section" value="alerts" />
      <Carried settings={settings} names={['forcePrivateProjects', 'codeSavingDefault']} />
      <FormMessage state={state} shownFields={['slackWebhookUrl']} />
      <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-sm">
          <caption className="sr-only">Team alert channels for each run event</caption>
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
                      defaultChecked={settings[channel.name]}
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
        defaultValue={settings.slackWebhookUrl ?? ''}
        error={errorFor('Slack webhook URL', 'slackWebhookUrl')}
        hint="An incoming-webhook URL of the team's Slack channel. Needed for Slack alerts."
      />
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save alerts
        </Button>
      </div>
    </form>
  );
}
