import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { SsoButtons } from '@/components/auth/sso-buttons';
import { Alert } from '@/components/ui/alert';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { configuredSsoProviders } from '@/lib/auth/providers';
import { describeInvite, roleLabels } from '@/lib/teams/invites';

export const metadata: Metadata = { title: 'Sign up' };

const endedInvite: Record<string, string> = {
  accepted: 'This invite was already used.',
  revoked: 'This invite was revoked.',
  expired: 'This invite has expired.',
};

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; invite?: string }>;
}) {
  const { email, invite: inviteToken } = await searchParams;
  const invitePath = inviteToken ? `/invite/${encodeURIComponent(inviteToken)}` : null;
  // Already signed in: an invite is accepted from its own page.
  if ((await getCurrentActor()).kind === 'user') redirect(invitePath ?? '/settings');
  const invite = inviteToken ? await describeInvite(inviteToken) : null;
  const pendingInvite = invite?.state === 'pending' ? invite : null;
  const providers = configuredSsoProviders();
  const signInHref = invitePath
    ? `/signin?callbackUrl=${encodeURIComponent(invitePath)}`
    : '/signin';

  return (
    <AuthCard
      title="Create your account"
      subtitle={
        pendingInvite
          ? `Create an account to join ${pendingInvite.teamName}.`
          : 'Track, compare and share your experiments.'
      }
      footer={
        <>
          Already have an account?{' '}
          <Link
            href={signInHref}
            className="font-medium text-brand-600 hover:underline dark:text-brand-500"
          >
            Sign in
          </Link>
        </>
      }
    >
      {pendingInvite ? (
        <Alert>
          <p>
            You&apos;re joining <strong className="font-semibold">{pendingInvite.teamName}</strong>{' '}
            as {roleLabels[pendingInvite.role]}.
          </p>
          <p className="mt-1">
            Sign up with <strong className="font-semibold break-all">{pendingInvite.email}</strong>{' '}
            to join right away, without a verification email.
          </p>
        </Alert>
      ) : (
        inviteToken && (
          <Alert>
            {(invite && endedInvite[invite.state]) ?? 'This invite link is not valid.'} You can
            still create an account; ask a team admin for a new invite.
          </Alert>
        )
      )}
      <SsoButtons providers={providers} callbackUrl={invitePath ?? '/settings'} />
      <SignUpForm
        defaultEmail={email ?? pendingInvite?.email}
        inviteToken={pendingInvite ? inviteToken : undefined}
      />
    </AuthCard>
  );
}
