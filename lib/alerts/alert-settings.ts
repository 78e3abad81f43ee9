import { z } from 'zod';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { webhookUrlProblem } from './webhook-url';

/**
 * The alert switches that users (for personal projects) and teams (for team projects) both
 * have: which events go out by email and by Slack, and the Slack incoming webhook.
 * Stored as the same columns on User and Team.
 */
export interface AlertSettings {
  runFinishedEmail: boolean;
  runFinishedSlack: boolean;
  /** "Run crashed" covers failed runs too, as in the seed: "if a run has failed to finish". */
  runCrashedEmail: boolean;
  runCrashedSlack: boolean;
  /** Alerts sent by code with run.alert(). */
  customEmail: boolean;
  customSlack: boolean;
  slackWebhookUrl: string | null;
}

/** Input: the custom-alert switches may be left out (older clients), meaning "keep". */
export type AlertSettingsInput = Omit<AlertSettings, 'customEmail' | 'customSlack'> &
  Partial<Pick<AlertSettings, 'customEmail' | 'customSlack'>>;

export interface AlertSettingsColumns {
  alertRunFinishedEmail: boolean;
  alertRunFinishedSlack: boolean;
  alertRunCrashedEmail: boolean;
  alertRunCrashedSlack: boolean;
  alertCustomEmail: boolean;
  alertCustomSlack: boolean;
  slackWebhookUrl: string | null;
}

/** Checked when saved; the resolved address is checked again before every delivery. */
export const slackWebhookSchema = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = webhookUrlProblem(value, getEnv().SEXTANT_ALLOW_PRIVATE_WEBHOOKS);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const alertSettingsSchema = z.object({
  runFinishedEmail: z.boolean(),
  runFinishedSlack: z.boolean(),
  runCrashedEmail: z.boolean(),
  runCrashedSlack: z.boolean(),
  customEmail: z.boolean().optional(),
  customSlack: z.boolean().optional(),
  slackWebhookUrl: z.union([z.literal(''), slackWebhookSchema]).nullable(),
});

export function alertSettingsOf(row: AlertSettingsColumns): AlertSettings {
  return {
    runFinishedEmail: row.alertRunFinishedEmail,
    runFinishedSlack: row.alertRunFinishedSlack,
    runCrashedEmail: row.alertRunCrashedEmail,
    runCrashedSlack: row.alertRunCrashedSlack,
    customEmail: row.alertCustomEmail,
    customSlack: row.alertCustomSlack,
    slackWebhookUrl: row.slackWebhookUrl,
  };
}

/**
 * The columns to write for already-parsed settings; `current` fills switches left out.
 * A Slack switch without a webhook is refused rather than silently sending nothing.
 */
export function alertSettingsColumns(
  settings: z.infer<typeof alertSettingsSchema>,
  current: AlertSettingsColumns,
): AlertSettingsColumns {
  const columns: AlertSettingsColumns = {
    alertRunFinishedEmail: settings.runFinishedEmail,
    alertRunFinishedSlack: settings.runFinishedSlack,
    alertRunCrashedEmail: settings.runCrashedEmail,
    alertRunCrashedSlack: settings.runCrashedSlack,
    alertCustomEmail: settings.customEmail ?? current.alertCustomEmail,
    alertCustomSlack: settings.customSlack ?? current.alertCustomSlack,
    slackWebhookUrl: settings.slackWebhookUrl || null,
  };
  const wantsSlack =
    columns.alertRunFinishedSlack || columns.alertRunCrashedSlack || columns.alertCustomSlack;
  if (wantsSlack && !columns.slackWebhookUrl) {
    throw AppError.badInput('Add a Slack webhook URL to get Slack alerts', [
      { field: 'slackWebhookUrl', message: 'is required for Slack alerts' },
    ]);
  }
  return columns;
}
