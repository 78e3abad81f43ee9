import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { VerifyEmailForm } from '@/components/auth/verify-email-form';
import { Alert } from '@/components/ui/alert';
import { getCurrentActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Verify your email' };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  const signedIn = (await getCurrentActor()).kind === 'user';
  return (
    <AuthCard title="Verify your email" subtitle="Confirm that this address is yours.">
      {token ? (
        <VerifyEmailForm token={token} signedIn={signedIn} />
      ) : (
        <Alert tone="error">
          This link has no verification token. Open the link from the email again.
        </Alert>
      )}
    </AuthCard>
  );
}
