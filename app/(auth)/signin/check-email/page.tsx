import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';

export const metadata: Metadata = { title: 'Check your email' };

export default function CheckSignInEmailPage() {
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
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        If an account exists for that address, we sent it a sign-in link. It is valid for 15 minutes
        and works once.
      </p>
    </AuthCard>
  );
}
