import { expect, it } from 'vitest';

// No SMTP configured: the self-hosted default. Set before any app module reads the environment.
delete process.env.SMTP_URL;
const { sendEmail, deliverDueEmails } = await import('@/lib/email/outbox');
const { getPrisma } = await import('@/lib/db/prisma');

it('without SMTP, keeps the message in the outbox as delivered to the log and never retries it', async () => {
  const id = await sendEmail({
    to: 'ada@example.com',
    template: 'verify-email',
    props: {
      username: 'ada',
      verifyUrl: 'http://localhost:3000/verify-email?token=abc',
      expiresInHours: 24,
    },
  });
  const row = await getPrisma().outboxEmail.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({
    status: 'SENT',
    attempts: 1,
    lastError: null,
    to: 'ada@example.com',
    template: 'verify-email',
  });
  expect(row.text).toContain('http://localhost:3000/verify-email?token=abc');
  expect(await deliverDueEmails({ now: new Date(Date.now() + 3600_000) })).toEqual({
    sent: 0,
    failed: 0,
    retried: 0,
  });
});
