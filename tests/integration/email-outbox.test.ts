import { afterAll, describe, expect, it } from 'vitest';
import { extractLink, startSmtpServer, type ReceivedEmail } from '../helpers/smtp';

// getEnv() caches, so the app must see the test SMTP server before any app module loads.
const smtp = await startSmtpServer();
const cronSecret = 'cron-secret-for-the-outbox-test';
process.env.SMTP_URL = smtp.url;
process.env.CRON_SECRET = cronSecret;
process.env.APP_URL = 'http://sextant.test';
process.env.LOG_LEVEL = 'silent';

const { deliverDueEmails, sendEmail } = await import('@/lib/email/outbox');
const { getPrisma } = await import('@/lib/db/prisma');
const cronRoute = await import('@/app/api/cron/email-outbox/route');

afterAll(() => smtp.stop());

const sentTo = (address: string) => (message: ReceivedEmail) =>
  message.envelope.to.includes(address);

/** href values of the html part, entity-decoded as a mail client does before opening them. */
function htmlLinks(message: ReceivedEmail): string[] {
  const html = typeof message.html === 'string' ? message.html : '';
  return [...html.matchAll(/href="([^"]+)"/g)].map((match) =>
    (match[1] ?? '').replaceAll('&amp;', '&'),
  );
}

/** Queues rows that are due now, as the request path leaves them after a failed attempt. */
async function queueDueEmails(prefix: string, count: number) {
  await getPrisma().outboxEmail.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      to: `${prefix}-${i}@example.com`,
      subject: `${prefix} ${i}`,
      html: `<p>${prefix} ${i}</p>`,
      text: `${prefix} ${i}`,
      template: 'verify-email',
      attempts: 1,
      nextAttemptAt: new Date(Date.now() - 1000),
    })),
  });
}

describe('sendEmail with a working SMTP server', () => {
  it('delivers the verification email with a working link in text and html', async () => {
    const to = 'ada@example.com';
    const verifyUrl = 'http://sextant.test/verify-email?token=tok-123&source=signup';
    const id = await sendEmail({
      to,
      template: 'verify-email',
      props: { username: 'ada', verifyUrl, expiresInHours: 24 },
    });

    const message = await smtp.waitForMessage(sentTo(to));
    expect(message.subject).toBe('Verify your email for Sextant');
    expect(message.envelope.to).toEqual([to]);
    expect(message.from?.value).toEqual([{ name: 'Sextant', address: 'no-reply@localhost' }]);
    expect(message.messageId).toBe(`<${id}@sextant.test>`);
    expect(extractLink(message, '/verify-email')).toBe(verifyUrl);
    expect(htmlLinks(message)).toContain(verifyUrl);

    const row = await getPrisma().outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: 'SENT',
      attempts: 1,
      lastError: null,
      template: 'verify-email',
      to,
    });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('delivers the magic-link email', async () => {
    const to = 'grace@example.com';
    const signInUrl = 'http://sextant.test/api/auth/callback/email?token=magic-1';
    await sendEmail({ to, template: 'magic-link', props: { signInUrl, expiresInMinutes: 15 } });

    const message = await smtp.waitForMessage(sentTo(to));
    expect(message.subject).toBe('Your Sextant sign-in link');
    expect(extractLink(message, '/api/auth/callback/email')).toBe(signInUrl);
    expect(htmlLinks(message)).toContain(signInUrl);
  });
});

describe('deliverDueEmails', () => {
  it('sends each due email exactly once when several runs overlap', async () => {
    await queueDueEmails('overlap', 12);

    const reports = await Promise.all(
      Array.from({ length: 4 }, () => deliverDueEmails({ limit: 5 })),
    );
    // Nothing is left for a later run either: every row was claimed by exactly one caller.
    reports.push(await deliverDueEmails());
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(12);
    expect(reports.every((report) => report.failed === 0 && report.retried === 0)).toBe(true);

    const received = smtp.messages.filter((message) => message.subject?.startsWith('overlap '));
    expect(received).toHaveLength(12);
    expect(new Set(received.map((message) => message.subject)).size).toBe(12);

    const rows = await getPrisma().outboxEmail.findMany({
      where: { subject: { startsWith: 'overlap ' } },
    });
    expect(rows.every((row) => row.status === 'SENT' && row.attempts === 2)).toBe(true);
  });

  it('leaves emails that are not due yet alone', async () => {
    const { id } = await getPrisma().outboxEmail.create({
      data: {
        to: 'later@example.com',
        subject: 'not yet',
        html: '<p>not yet</p>',
        text: 'not yet',
        template: 'verify-email',
        attempts: 1,
        nextAttemptAt: new Date(Date.now() + 60_000),
      },
    });
    expect(await deliverDueEmails()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await getPrisma().outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'PENDING',
      attempts: 1,
    });
    await getPrisma().outboxEmail.delete({ where: { id } });
  });
});

describe('/api/cron/email-outbox', () => {
  const call = (method: 'GET' | 'POST', authorization?: string) =>
    cronRoute[method](
      new Request('http://sextant.test/api/cron/email-outbox', {
        method,
        headers: authorization ? { authorization } : {},
      }),
    );

  it('answers 401 without the bearer secret', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-secret-of-some-length',
      `Basic ${cronSecret}`,
      `Bearer ${cronSecret}x`,
      'Bearer',
    ]) {
      const response = await call('POST', authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(await response.json()).toEqual({ error: 'Unauthorized' });
    }
    expect((await call('GET', 'Bearer nope')).status).toBe(401);
  });

  it('delivers due emails and reports the counts with the right secret', async () => {
    await queueDueEmails('cron', 2);
    const response = await call('POST', `Bearer ${cronSecret}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sent: 2, failed: 0, retried: 0 });
    await smtp.waitForMessage((message) => message.subject === 'cron 1');

    const again = await call('GET', `Bearer ${cronSecret}`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ sent: 0, failed: 0, retried: 0 });
  });
});
