'use client';

import { updateAlertPreferencesAction } from '@/app/(app)/settings/actions';
import { AlertMatrixForm, type AlertValues } from '@/components/forms/alert-matrix-form';

export type AlertPreferenceValues = AlertValues;

export function AlertPreferencesForm({
  preferences,
  deliveryProblem,
}: {
  preferences: AlertPreferenceValues;
  deliveryProblem: string | null;
}) {
  return (
    <AlertMatrixForm
      action={updateAlertPreferencesAction}
      caption="Alert channels for each run event"
      finishedDescription="A run completed successfully."
      values={preferences}
      webhookHint="An incoming-webhook URL from your Slack workspace. Needed for Slack alerts."
      deliveryProblem={deliveryProblem}
    />
  );
}
