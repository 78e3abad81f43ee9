import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { SsoButtons } from '@/components/auth/sso-buttons';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { configuredSsoProviders } from '@/lib/auth/providers';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  if ((await getCurrentActor()).kind === 'user') redirect('/settings');
  const { email } = await searchParams;
  const providers = configuredSsoProviders();
  return (
    <AuthCard
      title="Create your account"
      subtitle="Track, compare and share your experiments."
      footer={
        <>
          Already have an account?{' '}
          <Link
            href="/signin"
            className="font-medium text-brand-600 hover:underline dark:text-brand-500"
          >
            Sign in
          </Link>
        </>
      }
    >
      <SsoButtons providers={providers} callbackUrl="/settings" />
      <SignUpForm defaultEmail={email} />
    </AuthCard>
  );
}
