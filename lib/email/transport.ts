import nodemailer, { type Transporter } from 'nodemailer';
import { getEnv } from '../env';

/**
 * Bounds on one SMTP conversation. Nodemailer's defaults (2 min to connect, 10 min of
 * socket silence) would let a dead mail server hold a cron batch for an hour; these keep
 * one message under ~40 s, well inside the lease the outbox takes on a row.
 */
export const smtpTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
} as const;

let cached: { url: string; transport: Transporter } | undefined;

/**
 * The SMTP transport for `SMTP_URL`, created on first use, or null when SMTP_URL is unset
 * ("local outbox mode": mails are delivered to the server log, see outbox.ts).
 * Not pooled: each message opens its own connection, so nothing is held between cron runs
 * or requests, which suits serverless hosts and tests that restart the mail server.
 */
export function getMailTransport(): Transporter | null {
  const url = getEnv().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport({ url, ...smtpTimeouts }) };
  }
  return cached.transport;
}
