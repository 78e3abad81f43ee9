import { formatDuration } from '@/components/runs/format';
import { getPool } from '../db/prisma';
import { maxDeliveryAttempts, retryDelayMs, transmitEmail } from '../email/outbox';
import { renderEmail } from '../email/render';
import { getEnv } from '../env';
import { getLogger } from '../logger';
import type { AlertDetails, AlertLevel } from './enqueue-alert';
import { slackMessage } from './slack-message';
import { assertPublicDestination } from './webhook-url';

interface ClaimedDelivery {
  id: string;
  channel: 'EMAIL' | 'SLACK';
  target: string;
  attempts: number;
  teamName: string | null;
  title: string;
  text: string;
  level: AlertLevel;
  details: AlertDetails;
}

export interface AlertDeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Longer than one delivery can take (SMTP ≤ ~40 s, Slack ≤ 10 s) times a worker's share. */
const claimLeaseMs = 10 * 60 * 1000;
const slackTimeoutMs = 10_000;
const deliveryConcurrency = 4;

/**
 * Sends due alert deliveries (GET|POST /api/cron/alerts). Rows are claimed with
 * FOR UPDATE SKIP LOCKED in the statement that pushes them past a lease, and the claim
 * commits before any network traffic, so concurrent callers never send the same row twice.
 * A failure is retried with the email outbox's backoff until maxDeliveryAttempts, then the
 * row is FAILED and its error shows in the settings that asked for it. `now` is injectable.
 */
export async function deliverDueAlerts({
  now = new Date(),
  limit = 100,
}: { now?: Date; limit?: number } = {}): Promise<AlertDeliveryReport> {
  const leaseUntil = new Date(Math.max(now.getTime(), Date.now()) + claimLeaseMs);
  const { rows } = await getPool().query<ClaimedDelivery>(
    `WITH claimed AS (
       UPDATE "AlertDelivery" SET "nextAttemptAt" = $2
       WHERE id IN (
         SELECT id FROM "AlertDelivery"
         WHERE status = 'PENDING' AND "nextAttemptAt" <= $1
         ORDER BY "nextAttemptAt" LIMIT $3 FOR UPDATE SKIP LOCKED
       )
       RETURNING id, channel, target, attempts, "alertId", "teamId"
     )
     SELECT c.id, c.channel, c.target, c.attempts, t.name AS "teamName",
            a.title, a.text, a.level, a.details
     FROM claimed c JOIN "Alert" a ON a.id = c."alertId" LEFT JOIN "Team" t ON t.id = c."teamId"`,
    [now, leaseUntil, limit],
  );

  const report: AlertDeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const queue = [...rows];
  const worker = async () => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
      try {
        await send(delivery);
        await getPool().query(
          `UPDATE "AlertDelivery" SET status = 'SENT', "sentAt" = now(), attempts = attempts + 1, "lastError" = NULL
           WHERE id = $1 AND status = 'PENDING'`,
          [delivery.id],
        );
        report.sent++;
      } catch (error) {
        const outcome = await recordFailure(delivery, now, describe(error));
        report[outcome === 'FAILED' ? 'failed' : 'retried']++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deliveryConcurrency, queue.length) }, worker));
  return report;
}

async function send(delivery: ClaimedDelivery): Promise<void> {
  if (delivery.channel === 'SLACK') return postToSlack(delivery);
  const { details } = delivery;
  const rendered = await renderEmail('run-alert', {
    title: delivery.title,
    text: delivery.text,
    level: delivery.level,
    runName: details.runName,
    projectPath: details.projectPath,
    runUrl: details.runUrl,
    state: details.state.toLowerCase(),
    duration: formatDuration(details.durationMs),
    logTail: details.logTail,
    settingsOwner: delivery.teamName
      ? `the alert settings of team ${delivery.teamName}`
      : 'your alert settings',
  });
  // The delivery id is the Message-ID, so a rare resend after a crash is recognisable.
  await transmitEmail({ id: delivery.id, to: delivery.target, template: 'run-alert', ...rendered });
}

async function postToSlack(delivery: ClaimedDelivery): Promise<void> {
  await assertPublicDestination(delivery.target, getEnv().SEXTANT_ALLOW_PRIVATE_WEBHOOKS);
  const response = await fetch(delivery.target, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(slackMessage(delivery)),
    // A webhook that redirects elsewhere could lead past the address check.
    redirect: 'error',
    signal: AbortSignal.timeout(slackTimeoutMs),
  });
  if (!response.ok) {
    const body = (await response.text().catch(() => '')).slice(0, 200);
    throw new Error(`Slack answered ${response.status}${body ? `: ${body}` : ''}`);
  }
}

async function recordFailure(
  delivery: ClaimedDelivery,
  now: Date,
  lastError: string,
): Promise<'PENDING' | 'FAILED'> {
  const attempts = delivery.attempts + 1;
  const status = attempts >= maxDeliveryAttempts ? 'FAILED' : 'PENDING';
  await getPool().query(
    `UPDATE "AlertDelivery" SET status = $2::"AlertDeliveryStatus", attempts = $3, "lastError" = $4, "nextAttemptAt" = $5
     WHERE id = $1 AND status = 'PENDING'`,
    [delivery.id, status, attempts, lastError, new Date(now.getTime() + retryDelayMs(attempts))],
  );
  // The target is an address or a webhook URL (a secret): log neither.
  getLogger().warn(
    { alertDeliveryId: delivery.id, channel: delivery.channel, attempts, lastError },
    status === 'FAILED' ? 'Alert delivery failed for good' : 'Alert delivery failed; will retry',
  );
  return status;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}
