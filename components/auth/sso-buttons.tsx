'use client';

import { KeyRound } from 'lucide-react';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { SsoProviderInfo } from '@/lib/auth/providers';

/** One button per configured SSO provider, and nothing at all when none is configured. */
export function SsoButtons({
  providers,
  callbackUrl,
}: {
  providers: SsoProviderInfo[];
  callbackUrl: string;
}) {
  const [pending, setPending] = useState<string | null>(null);
  if (providers.length === 0) return null;
  return (
    <div className="space-y-3">
      {providers.map((provider) => (
        <Button
          key={provider.id}
          type="button"
          variant="secondary"
          className="w-full"
          pending={pending === provider.id}
          onClick={() => {
            setPending(provider.id);
            void signIn(provider.id, { callbackUrl });
          }}
        >
          {pending !== provider.id && <KeyRound className="h-4 w-4" aria-hidden />}
          Continue with {provider.name}
        </Button>
      ))}
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-zinc-500">
        <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" aria-hidden />
        or
        <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" aria-hidden />
      </div>
    </div>
  );
}
