'use client';

import { setRegistryAdminAction } from '@/app/(app)/teams/[team]/settings/actions';
import { Switch } from '@/components/ui/switch';
import { useOptimisticToggle } from '@/components/ui/use-optimistic-toggle';

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
  const { checked, pending, error, toggle } = useOptimisticToggle(enabled, (next) =>
    setRegistryAdminAction(teamName, userId, next),
  );

  return (
    <div className="flex flex-col items-start gap-1">
      <Switch
        checked={checked}
        pending={pending}
        aria-label={`Registry admin: ${username}`}
        onClick={toggle}
      />
      {error && (
        <p role="alert" className="max-w-48 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
