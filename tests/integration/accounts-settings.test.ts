import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, sessionCookie } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');

type Session = { session: string };
let alice: Awaited<ReturnType<typeof createVerifiedUser>>;
let bob: Awaited<ReturnType<typeof createVerifiedUser>>;

const viewerQuery = `{ viewer { username emails { id address verified isPrimary loginMethods } apiKeys { id name prefix lastUsedAt } } }`;

beforeAll(async () => {
  alice = await createVerifiedUser('alice');
  bob = await createVerifiedUser('bob');
});

describe('viewer', () => {
  it('is null for anonymous requests and the caller for a session', async () => {
    expect((await graphql(viewerQuery)).data).toEqual({ viewer: null });
    const result = await graphql<{
      viewer: { username: string; emails: { address: string; loginMethods: string[] }[] };
    }>(viewerQuery, {}, alice.session);
    expect(result.data?.viewer.username).toBe('alice');
    expect(result.data?.viewer.emails).toEqual([
      expect.objectContaining({ address: 'alice@example.com', loginMethods: ['password'] }),
    ]);
  });
});

describe('profile', () => {
  const update = `mutation ($input: ProfileInput!) { updateProfile(input: $input) { name institution website bio location } }`;
  const base = { name: 'Alice', institution: 'Lab', bio: 'ML', location: 'Paris', website: '' };

  it('saves valid fields and refuses an invalid website without changing anything', async () => {
    const ok = await graphql(
      update,
      { input: { ...base, website: 'https://alice.example.com' } },
      alice.session,
    );
    expect(ok.data).toMatchObject({
      updateProfile: { name: 'Alice', website: 'https://alice.example.com' },
    });
    const bad = await graphql(
      update,
      { input: { ...base, name: 'Mallory', website: 'javascript:alert(1)' } },
      alice.session,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'website' }],
    });
    const stored = await getPrisma().user.findUniqueOrThrow({ where: { username: 'alice' } });
    expect(stored.name).toBe('Alice');
  });

  it('needs a signed-in user', async () => {
    const anonymous = await graphql(update, { input: base });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores an uploaded avatar as a 256×256 WebP and refuses non-images and huge files', async () => {
    const { setAvatar, getAvatar } = await import('@/lib/accounts/profile');
    const { actorFromSession } = await import('@/lib/auth/load-actor');
    const actor = (await actorFromSession(alice.user.id, alice.user.sessionVersion))!;
    const png = await sharp({
      create: { width: 800, height: 400, channels: 3, background: '#3366ff' },
    })
      .png()
      .toBuffer();
    await setAvatar(actor, png);
    const avatar = await getAvatar('alice');
    const meta = await sharp(avatar!.image).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);

    const { GET } = await import('@/app/api/v1/avatars/[username]/route');
    const response = await GET(new Request('http://localhost/api/v1/avatars/alice'), {
      params: Promise.resolve({ username: 'alice' }),
    });
    expect(response.headers.get('content-type')).toBe('image/webp');

    await expect(
      setAvatar(actor, new TextEncoder().encode('<svg onload=alert(1)>')),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(setAvatar(actor, new Uint8Array(6 * 1024 * 1024))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});

describe('emails', () => {
  it('adds an unverified email, refuses to make it primary, and never deletes the primary', async () => {
    const added = await graphql<{ addEmail: { id: string; verified: boolean } }>(
      `
        mutation {
          addEmail(address: "alice.work@example.com") {
            id
            verified
          }
        }
      `,
      {},
      alice.session,
    );
    expect(added.data?.addEmail.verified).toBe(false);
    const id = added.data!.addEmail.id;
    const primary = await graphql(
      `
        mutation ($id: ID!) {
          setPrimaryEmail(id: $id)
        }
      `,
      { id },
      alice.session,
    );
    expect(primary.errors?.[0]?.message).toMatch(/Only a verified email/);

    const primaryId = alice.user.emails[0]!.id;
    const deletePrimary = await graphql(
      `
        mutation ($id: ID!) {
          deleteEmail(id: $id)
        }
      `,
      { id: primaryId },
      alice.session,
    );
    expect(deletePrimary.errors?.[0]?.message).toMatch(/primary email cannot be deleted/);

    await getPrisma().email.update({ where: { id }, data: { verifiedAt: new Date() } });
    expect(
      (
        await graphql(
          `
            mutation ($id: ID!) {
              setPrimaryEmail(id: $id)
            }
          `,
          { id },
          alice.session,
        )
      ).data,
    ).toEqual({ setPrimaryEmail: true });
    const emails = await getPrisma().email.findMany({
      where: { userId: alice.user.id },
      orderBy: { address: 'asc' },
    });
    expect(emails.map((e) => [e.address, e.isPrimary])).toEqual([
      ['alice.work@example.com', true],
      ['alice@example.com', false],
    ]);
    // The old primary can go now.
    expect(
      (
        await graphql(
          `
            mutation ($id: ID!) {
              deleteEmail(id: $id)
            }
          `,
          { id: primaryId },
          alice.session,
        )
      ).data,
    ).toEqual({ deleteEmail: true });
  });

  it('refuses an address that another user has', async () => {
    const result = await graphql(
      `
        mutation {
          addEmail(address: "BOB@example.com") {
            id
          }
        }
      `,
      {},
      alice.session,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'email' }],
    });
  });
});

describe('one user can never touch another user’s emails, keys or settings', () => {
  it('answers NOT_FOUND for another user’s email and key ids, and changes nothing', async () => {
    const bobEmail = bob.user.emails[0]!.id;
    const created = await graphql<{ createApiKey: { apiKey: { id: string } } }>(
      `
        mutation {
          createApiKey(name: "bob-ci") {
            apiKey {
              id
            }
          }
        }
      `,
      {},
      bob.session,
    );
    const bobKey = created.data!.createApiKey.apiKey.id;
    for (const [mutation, id] of [
      ['deleteEmail', bobEmail],
      ['setPrimaryEmail', bobEmail],
      ['resendVerificationEmail', bobEmail],
      ['revokeApiKey', bobKey],
    ] as const) {
      const result = await graphql(
        `mutation ($id: ID!) { ${mutation}(id: $id) }`,
        { id },
        alice.session,
      );
      expect(result.errors?.[0]?.extensions?.code, mutation).toBe('NOT_FOUND');
    }
    expect(await getPrisma().email.count({ where: { id: bobEmail } })).toBe(1);
    expect(
      (await getPrisma().apiKey.findUniqueOrThrow({ where: { id: bobKey } })).revokedAt,
    ).toBeNull();
    const aliceView = await graphql<{
      viewer: { apiKeys: { id: string }[]; emails: { id: string }[] };
    }>(viewerQuery, {}, alice.session);
    expect(aliceView.data?.viewer.apiKeys.map((k) => k.id)).not.toContain(bobKey);
    expect(aliceView.data?.viewer.emails.map((e) => e.id)).not.toContain(bobEmail);
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, and authenticate with Bearer and Basic until revoked', async () => {
    const created = await graphql<{
      createApiKey: { secret: string; apiKey: { id: string; prefix: string } };
    }>(
      `
        mutation {
          createApiKey(name: "laptop") {
            secret
            apiKey {
              id
              prefix
            }
          }
        }
      `,
      {},
      alice.session,
    );
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret).toMatch(/^sxt_[A-Za-z0-9_-]{40}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const stored = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.keyHash).not.toContain(secret);

    const bearer = await graphql<{ viewer: { username: string } }>(
      `
        {
          viewer {
            username
          }
        }
      `,
      {},
      { authorization: `Bearer ${secret}` },
    );
    expect(bearer.data?.viewer.username).toBe('alice');
    const basic = Buffer.from(`api:${secret}`).toString('base64');
    expect(
      (
        await graphql(
          `
            {
              viewer {
                username
              }
            }
          `,
          {},
          { authorization: `Basic ${basic}` },
        )
      ).data,
    ).toEqual({ viewer: { username: 'alice' } });
    expect(
      (await getPrisma().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt,
    ).not.toBeNull();

    // A key cannot mint keys or change emails: that needs the browser session.
    const escalate = await graphql(
      `
        mutation {
          createApiKey(name: "more") {
            secret
          }
        }
      `,
      {},
      { authorization: `Bearer ${secret}` },
    );
    expect(escalate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await graphql(
      `
        mutation ($id: ID!) {
          revokeApiKey(id: $id)
        }
      `,
      { id: apiKey.id },
      alice.session,
    );
    const revoked = await graphql(
      `
        {
          viewer {
            username
          }
        }
      `,
      {},
      { authorization: `Bearer ${secret}` },
    );
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.message).toMatch(/Invalid or revoked API key/);
  });
});

describe('sessions and account deletion', () => {
  it('sign out everywhere invalidates existing session cookies', async () => {
    const carol = await createVerifiedUser('carol');
    expect(
      (
        await graphql(
          `
            mutation {
              signOutEverywhere
            }
          `,
          {},
          carol.session,
        )
      ).data,
    ).toEqual({ signOutEverywhere: true });
    expect(
      (
        await graphql(
          `
            {
              viewer {
                username
              }
            }
          `,
          {},
          carol.session,
        )
      ).data,
    ).toEqual({ viewer: null });
  });

  it('changing the password checks the current one and signs out every session', async () => {
    const dave = await createVerifiedUser('dave', 'first-password-1');
    const wrong = await graphql(
      `
        mutation {
          changePassword(currentPassword: "nope-nope-1", newPassword: "second-password-2")
        }
      `,
      {},
      dave.session,
    );
    expect(wrong.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'currentPassword', message: 'is not correct' },
    ]);
    const ok = await graphql(
      `
        mutation {
          changePassword(currentPassword: "first-password-1", newPassword: "second-password-2")
        }
      `,
      {},
      dave.session,
    );
    expect(ok.data).toEqual({ changePassword: true });
    expect(
      (
        await graphql(
          `
            {
              viewer {
                username
              }
            }
          `,
          {},
          dave.session,
        )
      ).data,
    ).toEqual({ viewer: null });
    const { signInWithPassword } = await import('@/lib/accounts/sign-in');
    expect(
      await signInWithPassword({ identifier: 'dave', password: 'second-password-2', ip: 'd' }),
    ).toMatchObject({ ok: true });
  });

  it('deleting the account needs the username typed, then removes the person, keys and sessions', async () => {
    const erin = await createVerifiedUser('erin');
    const key = await graphql<{ createApiKey: { secret: string } }>(
      `
        mutation {
          createApiKey(name: "k") {
            secret
          }
        }
      `,
      {},
      erin.session,
    );
    const wrong = await graphql(
      `
        mutation {
          deleteAccount(confirmUsername: "erin2")
        }
      `,
      {},
      erin.session,
    );
    expect(wrong.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'confirmUsername', message: 'must be "erin"' },
    ]);
    expect(
      (
        await graphql(
          `
            mutation {
              deleteAccount(confirmUsername: "erin")
            }
          `,
          {},
          erin.session,
        )
      ).data,
    ).toEqual({ deleteAccount: true });
    expect(await getPrisma().user.count({ where: { username: 'erin' } })).toBe(0);
    expect(await getPrisma().email.count({ where: { address: 'erin@example.com' } })).toBe(0);
    expect(await getPrisma().entity.count({ where: { name: 'erin' } })).toBe(0);
    expect(
      (
        await graphql(
          `
            {
              viewer {
                username
              }
            }
          `,
          {},
          erin.session,
        )
      ).data,
    ).toEqual({ viewer: null });
    const withKey = await graphql(
      `
        {
          viewer {
            username
          }
        }
      `,
      {},
      { authorization: `Bearer ${key.data!.createApiKey.secret}` },
    );
    expect(withKey.status).toBe(401);
  });

  it('a forged session cookie (wrong secret) is anonymous', async () => {
    const forged = {
      session: await sessionCookie(
        bob.user.id,
        bob.user.sessionVersion,
        'another-secret-of-thirty-two-characters!',
      ),
    } satisfies Session;
    expect(
      (
        await graphql(
          `
            {
              viewer {
                username
              }
            }
          `,
          {},
          forged,
        )
      ).data,
    ).toEqual({ viewer: null });
  });
});

describe('preferences', () => {
  it('stores alert preferences and requires a Slack URL for Slack alerts', async () => {
    const mutation = `mutation ($input: AlertPreferencesInput!) { updateAlertPreferences(input: $input) { runCrashedSlack slackWebhookUrl } }`;
    const input = {
      runFinishedEmail: true,
      runFinishedSlack: false,
      runCrashedEmail: true,
      runCrashedSlack: true,
    };
    const missing = await graphql(mutation, { input }, bob.session);
    expect(missing.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'slackWebhookUrl', message: 'is required for Slack alerts' },
    ]);
    const http = await graphql(
      mutation,
      { input: { ...input, slackWebhookUrl: 'http://hooks.slack.com/x' } },
      bob.session,
    );
    expect(http.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('slackWebhookUrl');
    const ok = await graphql(
      mutation,
      { input: { ...input, slackWebhookUrl: 'https://hooks.slack.com/services/T/B/X' } },
      bob.session,
    );
    expect(ok.data).toEqual({
      updateAlertPreferences: {
        runCrashedSlack: true,
        slackWebhookUrl: 'https://hooks.slack.com/services/T/B/X',
      },
    });
  });

  it('toggles registered beta features and refuses unknown ones', async () => {
    expect(
      (
        await graphql(
          `
            mutation {
              setBetaFeature(key: "live-charts", enabled: true)
            }
          `,
          {},
          bob.session,
        )
      ).data,
    ).toEqual({
      setBetaFeature: ['live-charts'],
    });
    const unknown = await graphql(
      `
        mutation {
          setBetaFeature(key: "rm-rf", enabled: true)
        }
      `,
      {},
      bob.session,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });
});
