import type { ButtonHTMLAttributes } from 'react';
import { cn } from './cn';

// An on/off switch button (role="switch"); name it with a <label htmlFor> or aria-label.

export function Switch({
  checked,
  pending,
  className,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'role' | 'aria-checked' | 'children'> & {
  checked: boolean;
  /** Dims the switch and marks it busy while its new position is being saved. */
  pending?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-busy={pending || undefined}
      className={cn(
        'relative inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full transition-colors',
        checked ? 'bg-brand-600' : 'bg-zinc-300 dark:bg-zinc-700',
        pending && 'opacity-70',
        className,
      )}
      {...props}
    >
      <span
        aria-hidden
        className={cn(
          'inline-block h-5 w-5 rounded-full bg-white shadow transition-transform',
          checked ? 'translate-x-5.5' : 'translate-x-0.5',
        )}
      />
    </button>
  );
}
