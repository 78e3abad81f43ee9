import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { generateToken, hashToken } from '../auth/tokens';
import { getPrisma } from '../db/prisma';
import { sendEmail } from '../email/outbox';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { assertCan, can } from '../permissions/catalog';
import type { TeamRoleName } from '../permissions/team-grants';
import { parseInput } from '../validation';
import { inviteSchema } from './schemas';
import { teamWithAccess } from './team-access';

export const inviteLifetimeDays = 7;

export const roleLabels: Record<TeamRoleName, string> = {
  ADMIN: 'Admin',
  MEMBER: 'Member',
  VIEW_ONLY: 'View-only',
};

export type InviteState = 'pending' | 'expired' | 'revoked' | 'accepted';

export interface InviteView {
  id: string;
  email: string;
  role: TeamRoleName;
  customRoleName: string | null;
  state: InviteState;
  expiresAt: Date;
  createdAt: Date;
}

type InviteRow = {
  id: string;
  email: string;
  role: TeamRoleName;
  expiresAt: Date;
  createdAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  customRole?: { name: string } | null;
};

function stateOf(invite: InviteRow, now = new Date()): InviteState {
  if (invite.acceptedAt) return 'accepted';
  if (invite.revokedAt) return 'revoked';
  return invite.expiresAt < now ? 'expired' : 'pending';
}

const view = (invite: InviteRow): InviteView => ({
  id: invite.id,
  email: invite.email,
  role: invite.role,
  customRoleName: invite.customRole?.name ?? null,
  state: stateOf(invite),
  expiresAt: invite.expiresAt,
  createdAt: invite.createdAt,
});

async function mailInvite(
  invite: { email: string; role: TeamRoleName },
  teamName: string,
  inviter: string,
  token: string,
) {
  await sendEmail({
    to: invite.email,
    template: 'team-invite',
    props: {
      teamName,
      inviterName: inviter,
      roleLabel:
        invite.role === 'ADMIN'
          ? 'an admin'
          : invite.role === 'VIEW_ONLY'
            ? 'a view-only member'
            : 'a member',
      acceptUrl: new URL(`/invite/${token}`, getEnv().APP_URL).toString(),
      expiresInDays: inviteLifetimeDays,
    },
  });
}

async function inviterName(actor: Actor): Promise<string> {
  const user = requireUser(actor);
  const row = await getPrisma().user.findUnique({
    where: { id: user.userId },
    select: { name: true, username: true },
  });
  return row?.name || row?.username || user.username;
}

/** Team admins invite an address with a role; the invitee gets a single-use link by email. */
export async function inviteMember(
  actor: Actor,
  teamName: string,
  input: { email: string; role: TeamRoleName; customRoleId?: string | null },
): Promise<InviteView> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:invite', { access });
  const parsed = parseInput(inviteSchema, input);
  const { email, customRoleId } = parsed;
  let role = parsed.role;
  const prisma = getPrisma();
  // Inviting an admin (or into a custom role) is managing the team: someone who only has
  // invite rights (a custom role) must not be able to make a second account of theirs admin.
  if ((role === 'ADMIN' || customRoleId) && !can(actor, 'team:manage-settings', { access })) {
    throw AppError.forbidden('Only team admins can invite admins or assign custom roles');
  }
  if (customRoleId) {
    const customRole = await prisma.customRole.findFirst({
      where: { id: customRoleId, organizationId: team.organizationId },
    });
    if (!customRole)
      throw AppError.badInput('Unknown custom role', [
        { field: 'customRoleId', message: 'is not a role of this organization' },
      ]);
    // Stored as the custom role's base, so losing the custom role never escalates.
    role = customRole.baseRole;
  }
  const member = await prisma.membership.findFirst({
    where: { teamId: team.id, user: { emails: { some: { address: email } } } },
  });
  if (member)
    throw new AppError('CONFLICT', `${email} is already a member of ${team.name}`, {
      fields: [{ field: 'email', message: 'is already a member' }],
    });
  const pending = await prisma.invite.findFirst({
    where: {
      teamId: team.id,
      email,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
  });
  if (pending) {
    throw new AppError('CONFLICT', `${email} already has a pending invite. Resend it instead.`, {
      fields: [{ field: 'email', message: 'already has a pending invite' }],
    });
  }
  const token = generateToken();
  const invite = await prisma.invite.create({
    data: {
      teamId: team.id,
      email,
      role,
      customRoleId: customRoleId ?? null,
      tokenHash: hashToken(token),
      invitedById: actor.kind === 'user' ? actor.userId : null,
      expiresAt: new Date(Date.now() + inviteLifetimeDays * 86_400_000),
    },
    include: { customRole: true },
  });
  await mailInvite(invite, team.name, await inviterName(actor), token);
  return view(invite);
}

/** Pending and recently ended invites of a team, newest first (admins). */
export async function listInvites(actor: Actor, teamName: string): Promise<InviteView[]> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:view-settings', { access });
  const invites = await getPrisma().invite.findMany({
    where: { teamId: team.id, acceptedAt: null, revokedAt: null },
    include: { customRole: true },
    orderBy: { createdAt: 'desc' },
  });
  return invites.map(view);
}

async function teamInvite(actor: Actor, teamName: string, inviteId: string) {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:invite', { access });
  const invite = await getPrisma().invite.findFirst({ where: { id: inviteId, teamId: team.id } });
  if (!invite) throw AppError.notFound('Invite');
  return { team, invite };
}

export async function revokeInvite(
  actor: Actor,
  teamName: string,
  inviteId: string,
): Promise<void> {
  const { invite } = await teamInvite(actor, teamName, inviteId);
  if (invite.acceptedAt) throw AppError.badInput('This invite was already accepted');
  await getPrisma().invite.update({
    where: { id: invite.id },
    data: { revokedAt: invite.revokedAt ?? new Date() },
  });
}

/** A fresh link and expiry for a pending or expired invite; the old link stops working. */
export async function resendInvite(
  actor: Actor,
  teamName: string,
  inviteId: string,
): Promise<InviteView> {
  const { team, invite } = await teamInvite(actor, teamName, inviteId);
  if (invite.acceptedAt || invite.revokedAt)
    throw AppError.badInput('Only pending or expired invites can be re-sent');
  const token = generateToken();
  const updated = await getPrisma().invite.update({
    where: { id: invite.id },
    data: {
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + inviteLifetimeDays * 86_400_000),
    },
    include: { customRole: true },
  });
  await mailInvite(updated, team.name, await inviterName(actor), token);
  return view(updated);
}

/** What the invite page may show to whoever holds the link. */
export async function describeInvite(token: string) {
  const invite = await getPrisma().invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { team: true },
  });
  if (!invite) return null;
  return {
    teamName: invite.team.name,
    email: invite.email,
    role: invite.role,
    state: stateOf(invite),
  };
}

const stateErrors: Record<Exclude<InviteState, 'pending'>, string> = {
  accepted: 'This invite was already used.',
  revoked: 'This invite was revoked. Ask a team admin for a new one.',
  expired: 'This invite has expired. Ask a team admin to resend it.',
};

/**
 * Joins the team with the invite's role. The invite is for one address: the signed-in
 * person must have it as a verified email (otherwise they are told to switch accounts).
 */
export async function acceptInvite(actor: Actor, token: string): Promise<{ teamName: string }> {
  const user = requireUser(actor);
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { team: true },
    });
    if (!invite) throw AppError.badInput('This invite link is not valid.');
    const state = stateOf(invite);
    if (state !== 'pending') throw AppError.badInput(stateErrors[state]);
    const owns = await tx.email.findFirst({
      where: { userId: user.userId, address: invite.email, verifiedAt: { not: null } },
    });
    if (!owns) {
      throw AppError.forbidden(
        `This invite was sent to ${invite.email}, but you are signed in as ${user.username}. Sign in with that address, or add and verify it in your email settings.`,
      );
    }
    const spent = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date(), acceptedById: user.userId },
    });
    if (spent.count === 0) throw AppError.badInput(stateErrors.accepted);
    await tx.membership.upsert({
      where: { teamId_userId: { teamId: invite.teamId, userId: user.userId } },
      create: {
        teamId: invite.teamId,
        userId: user.userId,
        role: invite.role,
        customRoleId: invite.customRoleId,
      },
      update: {},
    });
    return { teamName: invite.team.name };
  });
}
