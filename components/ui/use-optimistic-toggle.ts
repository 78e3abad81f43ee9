import { useOptimistic, useState, useTransition } from 'react';
import type { ActionState } from '@/lib/action-state';

// A switch's state that saves as soon as it flips: shown at once, flipped back with a reason on failure.

export function useOptimisticToggle(
  enabled: boolean,
  save: (next: boolean) => Promise<ActionState>,
) {
  const [checked, setOptimisticChecked] = useOptimistic(enabled);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    const next = !checked;
    setError(null);
    startTransition(async () => {
      setOptimisticChecked(next);
      try {
        const result = await save(next);
        if (result.status === 'error') setError(result.message);
      } catch {
        setError('Could not save this setting. Try again.');
      }
    });
  }

  return { checked, pending, error, toggle };
}
