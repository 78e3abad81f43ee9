'use client';

import { useId, useOptimistic, useState, useTransition } from 'react';
import { setBetaFeatureAction } from '@/app/(app)/settings/actions';
import { cn } from '@/components/ui/cn';

/**
 * A switch that saves as soon as it flips. The new position shows at once; if saving
 * fails it flips back and says why.
 */
export function BetaFeatureToggle({
  featureKey,
  label,
  description,
  enabled,
}: {
  featureKey: string;
  label: string;
  description: string;
  enabled: boolean;
}) {
  const id = useId();
  const [checked, setOptimisticChecked] = useOptimistic(enabled);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    const next = !checked;
    setError(null);
    startTransition(async () => {
      setOptimisticChecked(next);
      try {
        const result = await setBetaFeatureAction(featureKey, next);
        if (result.status === 'error') setError(result.message);
      } catch {
        setError('Could not save this setting. Try again.');
      }
    });
  }

  return (
    <div className="flex items-start justify-between gap-6 py-4 first:pt-0 last:pb-0">
      <div className="min-w-0">
        <label htmlFor={id} className="block cursor-pointer text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-description`} className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          {description}
        </p>
        {error && (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={`${id}-description`}
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
    </div>
  );
}
