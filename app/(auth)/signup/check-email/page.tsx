import type { Metadata } from 'next';
import Link from 'next/link';
import { MailCheck } from 'lucide-react';
import { AuthCard } from '@/components/auth/auth-card';

export const metadata: Metadata = { title: 'Check your email' };

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  const { email } = await searchParams;
  return (
    <AuthCard
      title="Check your email"
      footer={
        <Link
          href="/signin"
          className="font-medium text-brand-600 hover:underline dark:text-brand-500"
        >
          Back to sign in
        </Link>
      }
    >
      <div className="flex gap-4">
        <MailCheck className="h-8 w-8 shrink-0 text-brand-600" aria-hidden />
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          We sent a verification link to <strong>{email ?? 'your email address'}</strong>. Open it
          to activate your account, then sign in. The link is valid for 24 hours; signing in with an
          unverified email sends a new one.
        </p>
      </div>
    </AuthCard>
  );
}
