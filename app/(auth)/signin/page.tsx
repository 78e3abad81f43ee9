import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SsoButtons } from '@/components/auth/sso-buttons';
import { Alert } from '@/components/ui/alert';
import { signInErrors } from '@/lib/auth/auth-options';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { configuredSsoProviders } from '@/lib/auth/providers';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  'password-changed':
    'Your password was changed and every session signed out. Sign in with your new password.',
  'signed-out-everywhere': 'You were signed out of every session.',
  verified: 'Your email is verified. Sign in to continue.',
  'invite-joined': 'Your account is ready and you joined the team. Sign in to continue.',
};

/** Only same-site paths, so a crafted link cannot bounce people to another site. */
function safeCallback(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/settings';
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; notice?: string }>;
}) {
  const { callbackUrl, error, notice } = await searchParams;
  const target = safeCallback(callbackUrl);
  if ((await getCurrentActor()).kind === 'user') redirect(target);
  return (
    <AuthCard
      title="Sign in to Sextant"
      footer={
        <>
          New here?{' '}
          <Link
            href="/signup"
            className="font-medium text-brand-600 hover:underline dark:text-brand-500"
          >
            Create an account
          </Link>
        </>
      }
    >
      {notice && notices[notice] && <Alert tone="success">{notices[notice]}</Alert>}
      {error && <Alert tone="error">{signInErrors[error] ?? 'Sign-in failed. Try again.'}</Alert>}
      <SsoButtons providers={configuredSsoProviders()} callbackUrl={target} />
      <SignInForm callbackUrl={target} messages={signInErrors} />
    </AuthCard>
  );
}
