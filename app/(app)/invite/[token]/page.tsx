import { Ban, CheckCircle2, Clock, Link2Off, UsersRound } from 'lucide-react';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AcceptInviteForm } from '@/components/teams/accept-invite-form';
import { ButtonLink } from '@/components/ui/button-link';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { describeInvite, roleLabels } from '@/lib/teams/invites';

export const metadata: Metadata = { title: 'Team invite', robots: { index: false } };

function InviteCard({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-lg px-6 py-16">
      <section className="rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-brand-50 text-brand-600 dark:bg-zinc-800 dark:text-brand-500">
          {icon}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <div className="mt-3 space-y-5 text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      </section>
    </div>
  );
}

const strong = 'font-medium text-zinc-900 dark:text-zinc-100';
const iconClass = 'h-6 w-6';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, actor] = await Promise.all([describeInvite(token), getCurrentActor()]);

  if (!invite) {
    return (
      <InviteCard
        icon={<Link2Off className={iconClass} aria-hidden />}
        title="This invite link is not valid"
      >
        <p>
          Check that you opened the whole link from the email. A link stops working when the invite
          is re-sent; ask a team admin for a new one.
        </p>
        <ButtonLink href="/" variant="secondary">
          Go to the home page
        </ButtonLink>
      </InviteCard>
    );
  }

  const team = <span className={strong}>{invite.teamName}</span>;

  if (invite.state === 'accepted') {
    return (
      <InviteCard
        icon={<CheckCircle2 className={iconClass} aria-hidden />}
        title="This invite was already used"
      >
        <p>Someone already joined {team} with this link. Each invite link works once.</p>
        <ButtonLink href={`/${invite.teamName}`} variant="secondary">
          Go to {invite.teamName}
        </ButtonLink>
      </InviteCard>
    );
  }
  if (invite.state === 'revoked') {
    return (
      <InviteCard icon={<Ban className={iconClass} aria-hidden />} title="This invite was revoked">
        <p>A team admin of {team} withdrew this invite. Ask them for a new one.</p>
      </InviteCard>
    );
  }
  if (invite.state === 'expired') {
    return (
      <InviteCard
        icon={<Clock className={iconClass} aria-hidden />}
        title="This invite has expired"
      >
        <p>Invites are valid for a week. Ask a team admin of {team} to resend it.</p>
      </InviteCard>
    );
  }

  const role = roleLabels[invite.role];
  const callback = `/invite/${token}`;
  return (
    <InviteCard
      icon={<UsersRound className={iconClass} aria-hidden />}
      title={`Join ${invite.teamName} on Sextant`}
    >
      <p>
        You were invited to join {team} as <span className={strong}>{role}</span>. The invite was
        sent to <span className={`${strong} break-all`}>{invite.email}</span>.
      </p>
      {actor.kind === 'user' ? (
        <AcceptInviteForm
          token={token}
          teamName={invite.teamName}
          username={actor.username}
          signOutCallbackUrl={callback}
        />
      ) : (
        <>
          <div className="flex flex-col gap-3 sm:flex-row sm:justify-center">
            <ButtonLink
              href={`/signup?invite=${encodeURIComponent(token)}&email=${encodeURIComponent(invite.email)}`}
            >
              Create an account
            </ButtonLink>
            <ButtonLink
              href={`/signin?callbackUrl=${encodeURIComponent(callback)}`}
              variant="secondary"
            >
              Sign in
            </ButtonLink>
          </div>
          <p className="text-xs">
            New to Sextant? Create an account with {invite.email} to join right away. Already have
            one? Sign in, then accept.
          </p>
        </>
      )}
    </InviteCard>
  );
}
