import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, sessionCookie, type As } from '../helpers/graphql';
import { extractLink, startSmtpServer, type ReceivedEmail } from '../helpers/smtp';
import { addMember, createTeamVia, errorCode, expectOk, membershipOf } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// A real SMTP server receives the invites; configured before any app module loads.
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = 'http://sextant.test';
process.env.AUTH_SECRET = testAuthSecret;
process.env.LOG_LEVEL = 'silent';
const { getPrisma } = await import('@/lib/db/prisma');
const { describeInvite } = await import('@/lib/teams/invites');
const { signUp } = await import('@/lib/accounts/sign-up');

afterAll(() => smtp.stop());

const team = 'lab';
let admin: Awaited<ReturnType<typeof createVerifiedUser>>;
let member: Awaited<ReturnType<typeof createVerifiedUser>>;
let viewer: Awaited<ReturnType<typeof createVerifiedUser>>;

const inviteMutation = `
  mutation ($team: String!, $email: String!, $role: TeamRole!) {
    inviteMember(team: $team, email: $email, role: $role) { id email role state expiresAt }
  }`;
const acceptMutation = `mutation ($token: String!) { acceptInvite(token: $token) }`;

type InviteResult = { id: string; email: string; role: string; state: string; expiresAt: string };

const isInviteTo = (address: string) => (message: ReceivedEmail) =>
  message.envelope.to.includes(address) && /invited to join/.test(message.subject ?? '');

/** Invites through GraphQL as the team admin; returns the invite and the mailed token. */
async function invite(email: string, role = 'MEMBER') {
  const before = smtp.messages.length;
  const { inviteMember } = expectOk(
    await graphql<{ inviteMember: InviteResult }>(
      inviteMutation,
      { team, email, role },
      admin.session,
    ),
  );
  const message = await smtp.waitForMessage(
    (m) => smtp.messages.indexOf(m) >= before && isInviteTo(inviteMember.email)(m),
  );
  return { invite: inviteMember, message, token: tokenOf(message) };
}

function tokenOf(message: ReceivedEmail): string {
  const link = extractLink(message, '/invite/');
  expect(link).toMatch(/^http:\/\/sextant\.test\/invite\/[A-Za-z0-9_-]{20,}$/);
  return link.split('/').at(-1)!;
}

const accept = (token: string, as: As) =>
  graphql<{ acceptInvite: string }>(acceptMutation, { token }, as);

/** A session for a user made outside createVerifiedUser (sign-up through an invite). */
async function sessionOf(userId: string): Promise<As> {
  const user = await getPrisma().user.findUniqueOrThrow({ where: { id: userId } });
  return { session: await sessionCookie(userId, user.sessionVersion, testAuthSecret) };
}

beforeAll(async () => {
  await createVerifiedUser('sysop'); // the instance's system admin; not part of the team
  admin = await createVerifiedUser('ada');
  await createTeamVia(admin.session, team, { newOrganizationName: 'Lab Org' });
  member = await createVerifiedUser('mia');
  viewer = await createVerifiedUser('vic');
  await addMember(team, member.user.id, 'MEMBER');
  await addMember(team, viewer.user.id, 'VIEW_ONLY');
});

describe('inviting', () => {
  it('mails a /invite/<token> link, and the invite is pending', async () => {
    const { invite: created, message, token } = await invite('New.Person@Example.com', 'VIEW_ONLY');
    expect(created).toMatchObject({
      email: 'new.person@example.com',
      role: 'VIEW_ONLY',
      state: 'pending',
    });
    // Valid for a week.
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(message.envelope.to).toEqual(['new.person@example.com']);
    expect(message.subject).toBe("You're invited to join lab on Sextant");
    expect(message.text).toMatch(
      /ada invited you to join the team lab on Sextant as a view-only member/,
    );

    expect(await describeInvite(token)).toEqual({
      teamName: team,
      email: 'new.person@example.com',
      role: 'VIEW_ONLY',
      state: 'pending',
    });
    // Only a hash of the token is stored.
    const stored = await getPrisma().invite.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.invitedById).toBe(admin.user.id);
    // Team admins see it in the team's invites.
    const listed = await graphql<{ team: { invites: { email: string; state: string }[] } }>(
      `
        query ($team: String!) {
          team(name: $team) {
            invites {
              email
              state
            }
          }
        }
      `,
      { team },
      admin.session,
    );
    expect(listed.data?.team.invites).toContainEqual({
      email: 'new.person@example.com',
      state: 'pending',
    });
  });

  it('refuses members and view-only members, sending nothing', async () => {
    for (const session of [member.session, viewer.session]) {
      const before = smtp.messages.length;
      const result = await graphql(
        inviteMutation,
        { team, email: 'friend@example.com', role: 'MEMBER' },
        session,
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.status).toBe(403);
      expect(smtp.messages.length).toBe(before);
    }
    expect(await getPrisma().invite.count({ where: { email: 'friend@example.com' } })).toBe(0);
    expect(await getPrisma().outboxEmail.count({ where: { to: 'friend@example.com' } })).toBe(0);
  });

  it('refuses an invalid address, naming the email field', async () => {
    const result = await graphql(
      inviteMutation,
      { team, email: 'not-an-address', role: 'MEMBER' },
      admin.session,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ field: 'email', message: 'is not a valid email address' }],
    });
    expect(await getPrisma().invite.count({ where: { email: 'not-an-address' } })).toBe(0);
  });

  it('refuses to invite an existing member (in any letter case), naming the email field', async () => {
    for (const email of ['mia@example.com', 'MIA@Example.com']) {
      const result = await graphql(inviteMutation, { team, email, role: 'ADMIN' }, admin.session);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        fields: [{ field: 'email', message: 'is already a member' }],
      });
      expect(result.errors?.[0]?.message).toContain('mia@example.com');
    }
    expect(await getPrisma().invite.count({ where: { email: 'mia@example.com' } })).toBe(0);
  });

  it('refuses a second invite while one is pending, and allows one after it expired or was revoked', async () => {
    const { invite: first } = await invite('twice@example.com');
    const again = await graphql(
      inviteMutation,
      { team, email: 'Twice@example.com', role: 'ADMIN' },
      admin.session,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ field: 'email', message: 'already has a pending invite' }],
    });
    expect(again.errors?.[0]?.message).toContain('twice@example.com');
    expect(await getPrisma().invite.count({ where: { email: 'twice@example.com' } })).toBe(1);

    await getPrisma().invite.update({
      where: { id: first.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const { invite: second } = await invite('twice@example.com');
    expectOk(
      await graphql(
        `
          mutation ($team: String!, $id: ID!) {
            revokeInvite(team: $team, id: $id)
          }
        `,
        { team, id: second.id },
        admin.session,
      ),
    );
    await invite('twice@example.com');
    expect(await getPrisma().invite.count({ where: { email: 'twice@example.com' } })).toBe(3);
  });
});

describe('signing up through an invite', () => {
  it('makes a new person a member with the invited role, verified without a verification mail', async () => {
    const { invite: created, token } = await invite('newbie@example.com', 'ADMIN');
    const result = await signUp({
      email: 'Newbie@example.com',
      username: 'newbie',
      password: 'fresh-start-2024',
      inviteToken: token,
    });
    expect(result.joinedTeam).toBe(team);
    const email = await getPrisma().email.findUniqueOrThrow({
      where: { address: 'newbie@example.com' },
    });
    expect(email.verifiedAt).not.toBeNull();
    expect((await membershipOf(team, result.userId))?.role).toBe('ADMIN');
    // signUp returns after any mail it sends was handed to SMTP (or left in the outbox).
    expect(
      await getPrisma().outboxEmail.count({
        where: { to: 'newbie@example.com', template: 'verify-email' },
      }),
    ).toBe(0);
    expect(smtp.messages.filter((m) => m.envelope.to.includes('newbie@example.com'))).toHaveLength(
      1,
    );

    expect((await describeInvite(token))?.state).toBe('accepted');
    const stored = await getPrisma().invite.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.acceptedById).toBe(result.userId);
    const myTeams = await graphql<{ myTeams: { name: string; role: string }[] }>(
      `
        {
          myTeams {
            name
            role
          }
        }
      `,
      {},
      await sessionOf(result.userId),
    );
    expect(myTeams.data?.myTeams).toEqual([{ name: team, role: 'ADMIN' }]);
  });

  it('with another address, is an ordinary sign-up: unverified, no team, invite still pending', async () => {
    const { token } = await invite('intended@example.com');
    const result = await signUp({
      email: 'somebody.else@example.com',
      username: 'somebody',
      password: 'fresh-start-2024',
      inviteToken: token,
    });
    expect(result.joinedTeam).toBeNull();
    expect(await membershipOf(team, result.userId)).toBeNull();
    const email = await getPrisma().email.findUniqueOrThrow({
      where: { address: 'somebody.else@example.com' },
    });
    expect(email.verifiedAt).toBeNull();
    await smtp.waitForMessage(
      (m) =>
        m.envelope.to.includes('somebody.else@example.com') &&
        /Verify your email/.test(m.subject ?? ''),
    );
    expect((await describeInvite(token))?.state).toBe('pending');
  });

  it('through a revoked invite, joins nothing and leaves the address unverified', async () => {
    const { invite: created, token } = await invite('late.joiner@example.com');
    await getPrisma().invite.update({ where: { id: created.id }, data: { revokedAt: new Date() } });
    const result = await signUp({
      email: 'late.joiner@example.com',
      username: 'late-joiner',
      password: 'fresh-start-2024',
      inviteToken: token,
    });
    expect(result.joinedTeam).toBeNull();
    expect(await membershipOf(team, result.userId)).toBeNull();
    const email = await getPrisma().email.findUniqueOrThrow({
      where: { address: 'late.joiner@example.com' },
    });
    expect(email.verifiedAt).toBeNull();
    expect((await describeInvite(token))?.state).toBe('revoked');
  });
});

describe('accepting an invite', () => {
  it('lets an existing verified user join with the invited role, once', async () => {
    const bob = await createVerifiedUser('bob');
    const { token } = await invite('bob@example.com', 'VIEW_ONLY');
    const accepted = await accept(token, bob.session);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvite).toBe(team);
    expect((await membershipOf(team, bob.user.id))?.role).toBe('VIEW_ONLY');
    expect(await describeInvite(token)).toMatchObject({ state: 'accepted' });

    const again = await accept(token, bob.session);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(again.errors?.[0]?.message).toBe('This invite was already used.');
  });

  it('refuses another signed-in account, naming the invited address, and keeps the invite', async () => {
    const carol = await createVerifiedUser('carol');
    const mallory = await createVerifiedUser('mallory');
    const { token } = await invite('carol@example.com');
    const result = await accept(token, mallory.session);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain('carol@example.com');
    expect(await membershipOf(team, mallory.user.id)).toBeNull();
    expect(await describeInvite(token)).toMatchObject({ state: 'pending' });
    // The invited person can still use it.
    expect((await accept(token, carol.session)).data?.acceptInvite).toBe(team);
    expect((await membershipOf(team, carol.user.id))?.role).toBe('MEMBER');
  });

  it('refuses an account whose copy of the address is not verified', async () => {
    const { userId } = await signUp({
      email: 'dave@example.com',
      username: 'dave',
      password: 'fresh-start-2024',
    });
    const { token } = await invite('dave@example.com');
    const result = await accept(token, await sessionOf(userId));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain('dave@example.com');
    expect(await membershipOf(team, userId)).toBeNull();
  });

  it('needs a signed-in user', async () => {
    const { token } = await invite('erin@example.com');
    const result = await accept(token, undefined);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.status).toBe(401);
    expect(await describeInvite(token)).toMatchObject({ state: 'pending' });
  });

  it('refuses revoked, expired and unknown invites with clear messages and no membership', async () => {
    const frank = await createVerifiedUser('frank');
    const revoked = await invite('frank@example.com');
    expectOk(
      await graphql(
        `
          mutation ($team: String!, $id: ID!) {
            revokeInvite(team: $team, id: $id)
          }
        `,
        { team, id: revoked.invite.id },
        admin.session,
      ),
    );
    expect(await describeInvite(revoked.token)).toMatchObject({ state: 'revoked' });
    const expired = await invite('frank@example.com');
    await getPrisma().invite.update({
      where: { id: expired.invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await describeInvite(expired.token)).toMatchObject({ state: 'expired' });

    const cases = [
      [revoked.token, 'This invite was revoked. Ask a team admin for a new one.'],
      [expired.token, 'This invite has expired. Ask a team admin to resend it.'],
      ['no-such-token-at-all', 'This invite link is not valid.'],
    ] as const;
    for (const [token, message] of cases) {
      const result = await accept(token, frank.session);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
      expect(result.errors?.[0]?.message).toBe(message);
    }
    expect(await membershipOf(team, frank.user.id)).toBeNull();
    expect(await describeInvite('no-such-token-at-all')).toBeNull();
  });
});

describe('resending and revoking', () => {
  const resend = (id: string, as: As = admin.session) =>
    graphql<{ resendInvite: InviteResult }>(
      `
        mutation ($team: String!, $id: ID!) {
          resendInvite(team: $team, id: $id) {
            id
            state
            expiresAt
          }
        }
      `,
      { team, id },
      as,
    );

  it('mails a new link for an expired invite; the old link stops working', async () => {
    const grace = await createVerifiedUser('grace');
    const first = await invite('grace@example.com');
    await getPrisma().invite.update({
      where: { id: first.invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const before = smtp.messages.length;
    const resent = expectOk(await resend(first.invite.id));
    expect(resent.resendInvite).toMatchObject({ id: first.invite.id, state: 'pending' });
    expect(Date.parse(resent.resendInvite.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const message = await smtp.waitForMessage(
      (m) => smtp.messages.indexOf(m) >= before && isInviteTo('grace@example.com')(m),
    );
    const token = tokenOf(message);
    expect(token).not.toBe(first.token);

    expect(await describeInvite(first.token)).toBeNull();
    const old = await accept(first.token, grace.session);
    expect(old.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(old.errors?.[0]?.message).toBe('This invite link is not valid.');
    expect(await membershipOf(team, grace.user.id)).toBeNull();

    expect((await accept(token, grace.session)).data?.acceptInvite).toBe(team);
    expect(await membershipOf(team, grace.user.id)).not.toBeNull();
  });

  it('neither resends nor revokes an accepted invite, and does not resend a revoked one', async () => {
    const heidi = await createVerifiedUser('heidi');
    const used = await invite('heidi@example.com');
    expectOk(await accept(used.token, heidi.session));
    const resendUsed = await resend(used.invite.id);
    expect(errorCode(resendUsed)).toBe('BAD_INPUT');
    const revokeUsed = await graphql(
      `
        mutation ($team: String!, $id: ID!) {
          revokeInvite(team: $team, id: $id)
        }
      `,
      { team, id: used.invite.id },
      admin.session,
    );
    expect(errorCode(revokeUsed)).toBe('BAD_INPUT');
    expect(await describeInvite(used.token)).toMatchObject({ state: 'accepted' });

    const revoked = await invite('ivan@example.com');
    expectOk(
      await graphql(
        `
          mutation ($team: String!, $id: ID!) {
            revokeInvite(team: $team, id: $id)
          }
        `,
        { team, id: revoked.invite.id },
        admin.session,
      ),
    );
    const before = smtp.messages.length;
    expect(errorCode(await resend(revoked.invite.id))).toBe('BAD_INPUT');
    expect(await describeInvite(revoked.token)).toMatchObject({ state: 'revoked' });
    expect(smtp.messages.length).toBe(before);
  });

  it('is for team admins only', async () => {
    const pending = await invite('judy@example.com');
    expect(errorCode(await resend(pending.invite.id, member.session))).toBe('FORBIDDEN');
    const revoke = await graphql(
      `
        mutation ($team: String!, $id: ID!) {
          revokeInvite(team: $team, id: $id)
        }
      `,
      { team, id: pending.invite.id },
      viewer.session,
    );
    expect(errorCode(revoke)).toBe('FORBIDDEN');
    expect(await describeInvite(pending.token)).toMatchObject({ state: 'pending' });
  });
});
