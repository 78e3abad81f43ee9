import type { OutboxEmail } from '@/generated/prisma/client';
import type { EmailProps, EmailTemplateName } from '@/emails';
import { getPrisma } from '../db/prisma';
import { getEnv } from '../env';
import { getLogger } from '../logger';
import { renderEmail } from './render';
import { getMailTransport } from './transport';

/**
 * Every email goes through the OutboxEmail table first, so a failed delivery never loses
 * what the user did (DESIGN.md §1): the row is written, delivery is tried at once, and
 * `deliverDueEmails` (run by /api/cron/email-outbox) retries with exponential backoff.
 *
 * Delivery is at-least-once. A row is "claimed" by pushing its nextAttemptAt past the time
 * one delivery can take, so a concurrent cron run on another instance does not pick it up
 * while it is being sent; the Message-ID is the row id, so a rare duplicate after a crash
 * is recognisable by the receiving side.
 */

/** A failed delivery is retried this many times in all; then the row is FAILED for good. */
export const maxDeliveryAttempts = 8;

/** How long the request path waits for SMTP before leaving the mail to the cron retry. */
export const immediateDeliveryTimeoutMs = 5_000;

/**
 * How long a claimed row is hidden from other senders. Longer than a worst-case SMTP
 * conversation (transport.ts bounds it to ~40 s) times the batches one worker sends in turn.
 */
const claimLeaseMs = 15 * 60 * 1000;

/** The request path claims its new row for less: a crash right after insert retries sooner. */
const immediateClaimMs = 2 * 60 * 1000;

const deliveryConcurrency = 4;

/** 1 min, 2, 4, … after the 1st, 2nd, 3rd failure, capped at 1 h. */
export function retryDelayMs(failedAttempts: number): number {
  const minute = 60 * 1000;
  return Math.min(minute * 2 ** Math.max(0, failedAttempts - 1), 60 * minute);
}

export interface SendEmailInput<T extends EmailTemplateName> {
  to: string;
  template: T;
  props: EmailProps<T>;
}

/**
 * Renders and queues one email, then tries to deliver it before returning (for at most
 * `immediateDeliveryTimeoutMs`). Never throws because delivery failed: the row stays
 * PENDING with lastError and a retry time. Throws only when the row cannot be written.
 * Returns the outbox row id.
 */
export async function sendEmail<T extends EmailTemplateName>(
  input: SendEmailInput<T>,
): Promise<string> {
  const rendered = await renderEmail(input.template, input.props);
  const now = new Date();
  const row = await getPrisma().outboxEmail.create({
    data: {
      to: input.to,
      template: input.template,
      ...rendered,
      nextAttemptAt: new Date(now.getTime() + immediateClaimMs),
    },
  });

  const delivery = transmitEmail(row);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), immediateDeliveryTimeoutMs);
  });
  let outcome: 'delivered' | 'timed-out' | { error: string };
  try {
    outcome = await Promise.race([delivery.then(() => 'delivered' as const), timedOut]);
  } catch (error) {
    outcome = { error: describeDeliveryError(error) };
  } finally {
    clearTimeout(timer);
  }

  try {
    if (outcome === 'delivered') {
      await recordSuccess(row);
    } else if (outcome === 'timed-out') {
      await recordFailure(
        row,
        now,
        `no answer from the mail server within ${immediateDeliveryTimeoutMs / 1000} s`,
      );
      // The SMTP conversation goes on in the background; if it succeeds after all, say so
      // before the first retry (1 min away, beyond the transport's timeouts) sends it twice.
      delivery.then(
        () => recordSuccess(row).catch(() => undefined),
        () => undefined,
      );
    } else {
      await recordFailure(row, now, outcome.error);
    }
  } catch (recordError) {
    // The row stays PENDING under its short claim, so the cron retries it when that lapses.
    getLogger().error({ err: recordError, emailId: row.id }, 'Could not record an email delivery');
  }
  return row.id;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  retried: number;
}

/**
 * Delivers PENDING emails whose retry time has come. Safe to run on several instances at
 * once: rows are claimed with `FOR UPDATE SKIP LOCKED` in the same statement that pushes
 * their nextAttemptAt past the lease, so no two callers ever claim the same row.
 */
export async function deliverDueEmails({
  now = new Date(),
  limit = 50,
}: { now?: Date; limit?: number } = {}): Promise<DeliveryReport> {
  const leaseUntil = new Date(Math.max(now.getTime(), Date.now()) + claimLeaseMs);
  // The claim commits before any SMTP traffic: holding row locks (and a transaction) open
  // across slow network calls would pin a database connection per batch.
  const claimed = await getPrisma().$queryRaw<OutboxEmail[]>`
    UPDATE "OutboxEmail" SET "nextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;

  const report: DeliveryReport = { sent: 0, failed: 0, retried: 0 };
  const queue = [...claimed];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      try {
        await transmitEmail(row);
        await recordSuccess(row);
        report.sent++;
      } catch (error) {
        const status = await recordFailure(row, now, describeDeliveryError(error));
        if (status === 'FAILED') report.failed++;
        else report.retried++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deliveryConcurrency, queue.length) }, worker));
  return report;
}

/** Every http(s) URL in a text, in order, without duplicates or trailing punctuation. */
export function extractLinks(text: string): string[] {
  const links = (text.match(/https?:\/\/[^\s<>"'\])]+/g) ?? []).map((link) =>
    link.replace(/[.,;:!?]+$/, ''),
  );
  return [...new Set(links)];
}

export type Deliverable = Pick<OutboxEmail, 'id' | 'to' | 'subject' | 'html' | 'text' | 'template'>;

/**
 * Hands one message to SMTP, or, without SMTP_URL ("local outbox mode"), to the server log.
 * A self-hoster who has not set up mail still has to verify an address or use a sign-in
 * link, so the log line names the recipient, the subject and every link of the text body,
 * and the row is marked SENT: the log is its delivery channel. Keeping it PENDING would
 * retry for nothing, and FAILED would claim an error that did not happen. The links carry
 * tokens on purpose; whoever reads this server's log already controls the server.
 */
export async function transmitEmail(message: Deliverable): Promise<void> {
  const env = getEnv();
  const transport = getMailTransport();
  if (!transport) {
    const links = extractLinks(message.text);
    getLogger().info(
      { emailId: message.id, to: message.to, template: message.template, links },
      `Email to ${message.to}: ${message.subject}${links.length ? ` link: ${links.join(' ')}` : ''}`,
    );
    return;
  }
  await transport.sendMail({
    from: env.EMAIL_FROM,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: `<${message.id}@${new URL(env.APP_URL).hostname}>`,
  });
}

async function recordSuccess(row: OutboxEmail): Promise<void> {
  // Conditional: a late success must not overwrite a row another path already settled.
  await getPrisma().outboxEmail.updateMany({
    where: { id: row.id, status: 'PENDING' },
    data: {
      status: 'SENT',
      sentAt: new Date(),
      attempts: row.attempts + 1,
      lastError: null,
    },
  });
}

async function recordFailure(
  row: OutboxEmail,
  now: Date,
  lastError: string,
): Promise<'PENDING' | 'FAILED'> {
  const attempts = row.attempts + 1;
  const status = attempts >= maxDeliveryAttempts ? 'FAILED' : 'PENDING';
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
  await getPrisma().outboxEmail.updateMany({
    where: { id: row.id, status: 'PENDING' },
    data: { status, attempts, lastError, nextAttemptAt },
  });
  const log = { emailId: row.id, template: row.template, attempts, lastError };
  if (status === 'FAILED') {
    getLogger().error(log, `Email "${row.subject}" failed ${attempts} times; giving up`);
  } else {
    getLogger().warn({ ...log, nextAttemptAt }, `Email "${row.subject}" not delivered; will retry`);
  }
  return status;
}

/**
 * What went wrong, for the row and the log, without secrets: SMTP errors can quote the
 * connection (and a URL may embed the password), so the URL and its password are masked.
 */
function describeDeliveryError(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && !message.includes(code)) message = `${code}: ${message}`;
  for (const secret of smtpSecrets()) message = message.split(secret).join('***');
  return message.slice(0, 1000);
}

function smtpSecrets(): string[] {
  const url = getEnv().SMTP_URL;
  if (!url) return [];
  const { password } = new URL(url);
  // Very short "passwords" are skipped: masking every "a" in a message would hide the
  // message, and such a password is no secret worth the name.
  return [url, password, decodeURIComponent(password)].filter((secret) => secret.length >= 4);
}
