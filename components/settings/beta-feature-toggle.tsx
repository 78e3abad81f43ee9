'use client';

import { useId } from 'react';
import { setBetaFeatureAction } from '@/app/(app)/settings/actions';
import { descriptionId, SettingLabel } from '@/components/ui/setting-label';
import { Switch } from '@/components/ui/switch';
import { useOptimisticToggle } from '@/components/ui/use-optimistic-toggle';

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
  const { checked, pending, error, toggle } = useOptimisticToggle(enabled, (next) =>
    setBetaFeatureAction(featureKey, next),
  );

  return (
    <div className="flex items-start justify-between gap-6 py-4 first:pt-0 last:pb-0">
      <SettingLabel id={id} label={label} description={description}>
        {error && (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
      </SettingLabel>
      <Switch
        id={id}
        checked={checked}
        pending={pending}
        aria-describedby={descriptionId(id)}
        onClick={toggle}
      />
    </div>
  );
}
