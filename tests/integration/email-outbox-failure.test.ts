import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/net/find-free-port';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// The app points at a port where no mail server listens yet; tests bring one up there
// later. getEnv() caches, so this happens before any app module loads. CRON_SECRET stays
// unset on purpose. The credentials let us check that they never reach lastError.
const port = await findFreePort();
const password = 's3cret-Passw0rd';
const smtpUrl = `smtp://mailer:${password}@127.0.0.1:${port}`;
process.env.SMTP_URL = smtpUrl;
delete process.env.CRON_SECRET;
process.env.LOG_LEVEL = 'silent';

const { deliverDueEmails, maxDeliveryAttempts, retryDelayMs, sendEmail } =
  await import('@/lib/email/outbox');
const { getPrisma } = await import('@/lib/db/prisma');
const cronRoute = await import('@/app/api/cron/email-outbox/route');

let smtp: TestSmtpServer | undefined;
afterAll(() => smtp?.stop());

const minute = 60_000;
const row = (id: string) => getPrisma().outboxEmail.findUniqueOrThrow({ where: { id } });

describe('email delivery while the mail server is down', () => {
  let queuedId = '';

  it('keeps the email PENDING with the error and a retry time instead of throwing', async () => {
    const before = Date.now();
    queuedId = await sendEmail({
      to: 'ada@example.com',
      template: 'verify-email',
      props: {
        username: 'ada',
        verifyUrl: 'http://localhost:3000/verify-email?token=retry-me',
        expiresInHours: 24,
      },
    });

    const queued = await row(queuedId);
    expect(queued.status).toBe('PENDING');
    expect(queued.attempts).toBe(1);
    expect(queued.sentAt).toBeNull();
    expect(queued.lastError).toMatch(/ECONNREFUSED/);
    expect(queued.lastError).not.toContain(password);
    expect(queued.lastError).not.toContain(smtpUrl);
    expect(queued.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + minute);
    expect(queued.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + minute);

    // Not due yet: a cron run right now leaves it alone.
    expect(await deliverDueEmails()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect((await row(queuedId)).attempts).toBe(1);
  });

  it('delivers it once the mail server is back and the retry is due', async () => {
    smtp = await startSmtpServer({ port });
    const { nextAttemptAt } = await row(queuedId);

    const report = await deliverDueEmails({ now: new Date(nextAttemptAt.getTime() + 1000) });
    expect(report).toEqual({ sent: 1, failed: 0, retried: 0 });

    const message = await smtp.waitForMessage((m) => m.envelope.to.includes('ada@example.com'));
    expect(message.subject).toBe('Verify your email for Sextant');
    expect(message.text).toContain('http://localhost:3000/verify-email?token=retry-me');
    expect(smtp.messages).toHaveLength(1);

    expect(await row(queuedId)).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
  });

  it(`gives up after ${maxDeliveryAttempts} attempts with backoff from 1 min to 1 h`, async () => {
    await smtp?.stop();
    smtp = undefined;

    const id = await sendEmail({
      to: 'grace@example.com',
      template: 'magic-link',
      props: { signInUrl: 'http://localhost:3000/sign-in?token=never', expiresInMinutes: 15 },
    });
    expect(await row(id)).toMatchObject({ status: 'PENDING', attempts: 1 });

    const delays: number[] = [];
    for (let attempt = 2; attempt <= maxDeliveryAttempts; attempt++) {
      const now = (await row(id)).nextAttemptAt;
      const report = await deliverDueEmails({ now });
      const after = await row(id);
      expect(after.attempts).toBe(attempt);
      if (attempt < maxDeliveryAttempts) {
        expect(report).toEqual({ sent: 0, failed: 0, retried: 1 });
        expect(after.status).toBe('PENDING');
        delays.push((after.nextAttemptAt.getTime() - now.getTime()) / minute);
      } else {
        expect(report).toEqual({ sent: 0, failed: 1, retried: 0 });
        expect(after.status).toBe('FAILED');
        expect(after.lastError).toMatch(/ECONNREFUSED/);
        expect(after.lastError).not.toContain(password);
      }
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 60]);
    expect(retryDelayMs(1)).toBe(minute);

    // FAILED is final: even a run far in the future does not pick it up again.
    const farFuture = new Date(Date.now() + 30 * 24 * 60 * minute);
    expect(await deliverDueEmails({ now: farFuture })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect((await row(id)).attempts).toBe(maxDeliveryAttempts);
  });
});

describe('/api/cron/email-outbox without CRON_SECRET', () => {
  it('answers 401 whatever the bearer, so an unconfigured instance is closed', async () => {
    for (const authorization of ['Bearer ', 'Bearer anything-at-all-really', 'Bearer undefined']) {
      const response = await cronRoute.POST(
        new Request('http://localhost/api/cron/email-outbox', {
          method: 'POST',
          headers: { authorization },
        }),
      );
      expect(response.status).toBe(401);
    }
  });
});
