'use client';

import { cn } from '../ui/cn';
import { visibilityInfo, type VisibilityName } from './visibility-badge';

/**
 * The four visibilities as radio cards. With "force projects private" only Private can be
 * chosen (the server refuses the rest too); personal entities have no team to share with.
 */
export function VisibilityFieldset({
  value,
  onChange,
  forcePrivate,
  isTeam,
  error,
  disabled,
}: {
  value: VisibilityName;
  onChange: (value: VisibilityName) => void;
  forcePrivate: boolean;
  isTeam: boolean;
  error?: string;
  disabled?: boolean;
}) {
  const options = (Object.keys(visibilityInfo) as VisibilityName[]).filter(
    (v) => isTeam || v !== 'TEAM',
  );
  return (
    <fieldset disabled={disabled} className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Visibility</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((option) => {
          const { label, Icon, hint } = visibilityInfo[option];
          const locked = forcePrivate && option !== 'PRIVATE';
          return (
            <label
              key={option}
              className={cn(
                'flex cursor-pointer items-start gap-2 rounded-lg border p-3 text-sm',
                value === option
                  ? 'border-brand-500 bg-brand-50 dark:bg-zinc-800'
                  : 'border-zinc-200 dark:border-zinc-700',
                locked && 'cursor-not-allowed opacity-50',
              )}
            >
              <input
                type="radio"
                name="visibility"
                value={option}
                checked={value === option}
                disabled={locked}
                onChange={() => onChange(option)}
                className="mt-0.5 accent-brand-600"
              />
              <span>
                <span className="flex items-center gap-1 font-medium">
                  <Icon className="h-3.5 w-3.5" aria-hidden />
                  {label}
                </span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>
              </span>
            </label>
          );
        })}
      </div>
      {forcePrivate && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          This team keeps all its projects private.
        </p>
      )}
      {error && (
        <p className="text-xs font-medium text-red-600 dark:text-red-400">Visibility {error}</p>
      )}
    </fieldset>
  );
}
