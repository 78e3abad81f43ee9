import { Lock } from 'lucide-react';
import { cn } from '../ui/cn';

/** One alias of a registered model, with a lock badge when it is protected. */
export function AliasChip({
  alias,
  protected: isProtected,
  version,
  className,
}: {
  alias: string;
  protected: boolean;
  /** Shown after the alias (`production → v3`) where the chip is not beside its version. */
  version?: string;
  className?: string;
}) {
  return (
    <span
      title={isProtected ? 'Protected: only registry admins change it' : undefined}
      className={cn(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 font-mono text-xs',
        isProtected
          ? 'border-amber-300 bg-amber-50 text-amber-800 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-300'
          : 'border-zinc-200 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300',
        className,
      )}
    >
      {isProtected && <Lock className="h-3 w-3" aria-label="protected" />}
      {alias}
      {version && <span className="text-zinc-400 dark:text-zinc-500">→ {version}</span>}
    </span>
  );
}
