'use client';

import { Link2 } from 'lucide-react';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Signing in with a provider while signed in links it to this account. */
export function ConnectProviderButton({ providerId, name }: { providerId: string; name: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl: '/settings/account' });
      }}
    >
      {!pending && <Link2 className="h-4 w-4" aria-hidden />}
      Connect {name}
    </Button>
  );
}
