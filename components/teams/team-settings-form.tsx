'use client';

import { useId, type ReactNode } from 'react';
import { updateTeamSettingsAction } from '@/app/(app)/teams/[team]/settings/actions';
import { AlertMatrixForm, type AlertValues } from '@/components/forms/alert-matrix-form';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { descriptionId, SettingLabel } from '@/components/ui/setting-label';
import { useFormAction } from '@/components/ui/use-form-action';

export interface TeamSettingsValues extends AlertValues {
  forcePrivateProjects: boolean;
  codeSavingDefault: boolean;
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
        aria-describedby={descriptionId(id)}
        className={`${checkboxClass} mt-0.5`}
      />
      <SettingLabel id={id} label={label} description={description} />
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
        names={[
          'runFinishedEmail',
          'runFinishedSlack',
          'runCrashedEmail',
          'runCrashedSlack',
          'customEmail',
          'customSlack',
        ]}
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

export function TeamAlertsForm({
  teamName,
  settings,
  deliveryProblem,
}: {
  teamName: string;
  settings: TeamSettingsValues;
  deliveryProblem: string | null;
}) {
  return (
    <AlertMatrixForm
      action={updateTeamSettingsAction}
      caption="Team alert channels for each run event"
      finishedDescription="A run of the team completed successfully."
      values={settings}
      webhookHint="An incoming-webhook URL of the team's Slack channel. Needed for Slack alerts."
      deliveryProblem={deliveryProblem}
    >
      <input type="hidden" name="team" value={teamName} />
      <input type="hidden" name="section" value="alerts" />
      <Carried settings={settings} names={['forcePrivateProjects', 'codeSavingDefault']} />
    </AlertMatrixForm>
  );
}
