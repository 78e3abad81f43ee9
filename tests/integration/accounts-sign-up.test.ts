import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../helpers/graphql';
import { extractLink, startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// A real SMTP server receives what the app sends; configured before any app module loads.
const smtp: TestSmtpServer = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = 'http://sextant.test';
process.env.SEXTANT_ADMIN_EMAILS = 'boss@example.com';
const { getPrisma } = await import('@/lib/db/prisma');
const { signInWithPassword } = await import('@/lib/accounts/sign-in');

const signUp = `mutation ($input: SignUpInput!) { signUp(input: $input) { username } }`;
const verify = `mutation ($token: String!) { verifyEmail(token: $token) }`;

async function verificationToken(address: string): Promise<string> {
  const message = await smtp.waitForMessage(
    (m) => m.envelope.to.includes(address) && /Verify your email/.test(m.subject ?? ''),
  );
  const link = extractLink(message, '/verify-email');
  expect(link.startsWith('http://sextant.test/verify-email?token=')).toBe(true);
  return new URL(link).searchParams.get('token')!;
}

describe('sign up and email verification', () => {
  beforeAll(async () => {
    const first = await graphql(signUp, {
      input: {
        email: 'Ada@Example.com',
        username: 'ada',
        password: 'analytical-engine-1',
        name: 'Ada',
      },
    });
    expect(first.errors).toBeUndefined();
  });

  it('creates an unverified primary email and mails a verification link', async () => {
    const user = await getPrisma().user.findUniqueOrThrow({
      where: { username: 'ada' },
      include: { emails: true, entity: true },
    });
    expect(user.emails).toEqual([
      expect.objectContaining({ address: 'ada@example.com', isPrimary: true, verifiedAt: null }),
    ]);
    expect(user.entity.kind).toBe('USER');
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain('analytical');
    // The first user of an instance administers it.
    expect(user.isSystemAdmin).toBe(true);
    const token = await verificationToken('ada@example.com');
    // Only a hash of the token is stored.
    const stored = await getPrisma().emailToken.findMany({ where: { userId: user.id } });
    expect(stored.some((t) => t.tokenHash === token)).toBe(false);
  });

  it('refuses to sign in before verification, and re-sends the link', async () => {
    smtp.messages.length = 0;
    const result = await signInWithPassword({
      identifier: 'ada@example.com',
      password: 'analytical-engine-1',
      ip: 't1',
    });
    expect(result).toEqual({ ok: false, reason: 'unverified' });
    await verificationToken('ada@example.com');
  });

  it('verifies with a single-use token, after which sign-in works', async () => {
    const token = await verificationToken('ada@example.com');
    const first = await graphql<{ verifyEmail: string }>(verify, { token });
    expect(first.data?.verifyEmail).toBe('ada@example.com');
    const again = await graphql(verify, { token });
    expect(again.errors?.[0]?.message).toMatch(/already used/);
    expect(
      await signInWithPassword({
        identifier: 'ada@example.com',
        password: 'analytical-engine-1',
        ip: 't2',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await signInWithPassword({ identifier: 'ada', password: 'analytical-engine-1', ip: 't2' }),
    ).toMatchObject({ ok: true });
  });

  it('rejects expired tokens', async () => {
    await graphql(signUp, {
      input: { email: 'late@example.com', username: 'late', password: 'slowpoke-2024' },
    });
    const token = await verificationToken('late@example.com');
    await getPrisma().emailToken.updateMany({
      where: { user: { username: 'late' } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const result = await graphql(verify, { token });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/expired/);
  });

  it('does not tell wrong passwords from unknown emails', async () => {
    const wrong = await signInWithPassword({
      identifier: 'ada@example.com',
      password: 'not-the-password-1',
      ip: 't3',
    });
    const unknown = await signInWithPassword({
      identifier: 'nobody@example.com',
      password: 'not-the-password-1',
      ip: 't3',
    });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('rate-limits repeated attempts for one identifier', async () => {
    const attempts = [];
    for (let i = 0; i < 12; i++)
      attempts.push(
        await signInWithPassword({
          identifier: 'late',
          password: 'wrong-password-9',
          ip: `ip${i}`,
        }),
      );
    expect(attempts.slice(0, 10).every((a) => !a.ok && a.reason === 'invalid')).toBe(true);
    expect(attempts.at(-1)).toEqual({ ok: false, reason: 'rate-limited' });
  });

  it('names the field of every bad input', async () => {
    const weak = await graphql(signUp, {
      input: { email: 'x@example.com', username: 'xx', password: 'short' },
    });
    expect(weak.status).toBe(400);
    const fields = weak.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort();
    expect(fields).toEqual(['password', 'username']);

    const taken = await graphql(signUp, {
      input: { email: 'other@example.com', username: 'ada', password: 'different-pass-1' },
    });
    expect(taken.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'username', message: 'is taken' }],
    });
    const takenEmail = await graphql(signUp, {
      input: { email: 'ADA@example.com', username: 'ada2', password: 'different-pass-1' },
    });
    expect(takenEmail.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'email' }],
    });
    const reserved = await graphql(signUp, {
      input: { email: 'r@example.com', username: 'settings', password: 'different-pass-1' },
    });
    expect(reserved.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'username', message: 'is reserved' },
    ]);
    // Nothing half-created by the failures.
    expect(
      await getPrisma().email.count({
        where: { address: { in: ['x@example.com', 'other@example.com', 'r@example.com'] } },
      }),
    ).toBe(0);
  });

  it('makes SEXTANT_ADMIN_EMAILS system admins, and nobody else after the first user', async () => {
    await graphql(signUp, {
      input: { email: 'boss@example.com', username: 'boss', password: 'in-charge-2024' },
    });
    const users = await getPrisma().user.findMany({
      where: { username: { in: ['boss', 'late'] } },
    });
    expect(Object.fromEntries(users.map((u) => [u.username, u.isSystemAdmin]))).toEqual({
      boss: true,
      late: false,
    });
  });
});
