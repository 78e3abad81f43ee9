import { formatDuration } from '@/components/runs/format';
import type { AlertDetails, AlertLevel } from './enqueue-alert';

const levelEmoji: Record<AlertLevel, string> = {
  INFO: ':information_source:',
  WARN: ':warning:',
  ERROR: ':rotating_light:',
};

/** Slack's mrkdwn treats &, < and > as control characters. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The incoming-webhook payload for an alert: the same content as the email (title, text,
 * run link, state, duration, last lines of the log), with `text` as the notification
 * fallback for clients that do not render blocks.
 */
export function slackMessage(alert: {
  title: string;
  text: string;
  level: AlertLevel;
  details: AlertDetails;
}) {
  const { details } = alert;
  const title = `${levelEmoji[alert.level]} ${escapeMrkdwn(alert.title)}`;
  const facts = [
    `*Run:* <${details.runUrl}|${escapeMrkdwn(details.runName)}> in ${escapeMrkdwn(details.projectPath)}`,
    `*State:* ${details.state.toLowerCase()}`,
    `*Duration:* ${formatDuration(details.durationMs)}`,
  ].join('\n');
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${escapeMrkdwn(alert.text)}` } },
    { type: 'section', text: { type: 'mrkdwn', text: facts } },
  ];
  if (details.logTail.length) {
    // A section's text is limited to 3,000 characters; keep the end of the log.
    const log = escapeMrkdwn(details.logTail.join('\n').replace(/`/g, "'")).slice(-2_900);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '```' + log + '```' } });
  }
  return { text: `${alert.title}: ${alert.text}`, blocks };
}
