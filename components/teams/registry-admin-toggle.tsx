'use client';

import { useOptimistic, useState, useTransition } from 'react';
import { setRegistryAdminAction } from '@/app/(app)/teams/[team]/settings/actions';
import { cn } from '@/components/ui/cn';

/** A switch that makes a member a model-registry admin, saved as soon as it flips. */
export function RegistryAdminToggle({
  teamName,
  userId,
  username,
  enabled,
}: {
  teamName: string;
  userId: string;
  username: string;
  enabled: boolean;
}) {
  const [checked, setOptimisticChecked] = useOptimistic(enabled);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    const next = !checked;
    setError(null);
    startTransition(async () => {
      setOptimisticChecked(next);
      try {
        const result = await setRegistryAdminAction(teamName, userId, next);
        if (result.status === 'error') setError(result.message);
      } catch {
        setError('Could not save this setting. Try again.');
      }
    });
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={`Registry admin: ${username}`}
        aria-busy={pending || undefined}
        onClick={toggle}
        className={cn(
          'relative inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full transition-colors',
          checked ? 'bg-brand-600' : 'bg-zinc-300 dark:bg-zinc-700',
          pending && 'opacity-70',
        )}
      >
        <span
          aria-hidden
          className={cn(
            'inline-block h-5 w-5 rounded-full bg-white shadow transition-transform',
            checked ? 'translate-x-5.5' : 'translate-x-0.5',
          )}
        />
      </button>
      {error && (
        <p role="alert" className="max-w-48 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
