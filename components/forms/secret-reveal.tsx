import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { CopyButton } from '@/components/settings/copy-button';

// The "shown once" box for a newly created secret (an API key), with its copy button.

export function SecretReveal({
  icon: Icon,
  title,
  secretLabel,
  secret,
}: {
  icon: LucideIcon;
  title: ReactNode;
  /** The accessible name of the secret itself ("New API key"). */
  secretLabel: string;
  secret: string;
}) {
  return (
    <div
      role="status"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <p className="flex items-center gap-2 font-medium text-amber-900 dark:text-amber-200">
        <Icon className="h-4 w-4 shrink-0" aria-hidden />
        {title}
      </p>
      <p className="text-amber-900 dark:text-amber-200">
        Copy this key now. You won&apos;t be able to see it again.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          aria-label={secretLabel}
          className="block min-w-0 flex-1 rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-xs break-all text-zinc-900 select-all dark:border-amber-800/60 dark:bg-zinc-950 dark:text-zinc-100"
        >
          {secret}
        </code>
        <CopyButton value={secret} label="Copy API key" />
      </div>
    </div>
  );
}
