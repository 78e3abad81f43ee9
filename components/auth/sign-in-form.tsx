'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';

/**
 * Password sign-in, or a one-time link by email. Errors come back as codes from
 * next-auth and are shown with the server's wording (`messages`).
 */
export function SignInForm({
  callbackUrl,
  messages,
}: {
  callbackUrl: string;
  messages: Record<string, string>;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<'password' | 'link'>('password');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    if (mode === 'password') {
      const result = await signIn('credentials', {
        identifier: String(form.get('identifier') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      setPending(false);
      if (result?.ok && !result.error) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      setError(messages[result?.error ?? ''] ?? messages.invalid ?? 'Sign-in failed.');
      return;
    }
    const email = String(form.get('email') ?? '').trim();
    const result = await signIn('email', { email, callbackUrl, redirect: false });
    setPending(false);
    if (result?.error)
      setError('We could not send a sign-in link. Check the address and try again.');
    else setLinkSentTo(email);
  }

  if (linkSentTo) {
    return (
      <Alert tone="success">
        If an account exists for <strong>{linkSentTo}</strong>, we sent it a sign-in link. It is
        valid for 15 minutes.
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      {mode === 'password' ? (
        <>
          <InputField
            label="Email or username"
            name="identifier"
            autoComplete="username"
            required
          />
          <InputField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <Button type="submit" className="w-full" pending={pending}>
            Sign in
          </Button>
          <Button type="button" variant="ghost" className="w-full" onClick={() => setMode('link')}>
            Email me a sign-in link instead
          </Button>
        </>
      ) : (
        <>
          <InputField label="Email" name="email" type="email" autoComplete="email" required />
          <Button type="submit" className="w-full" pending={pending}>
            Send sign-in link
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="w-full"
            onClick={() => setMode('password')}
          >
            Use my password instead
          </Button>
        </>
      )}
    </form>
  );
}
