import { useId, type InputHTMLAttributes } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * A radio button drawn as a card: the title is its accessible name and the description
 * is read after it. The whole card is clickable.
 */
export function ChoiceCard({
  title,
  description,
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  title: string;
  description?: string;
}) {
  const id = useId();
  return (
    <label
      className={cn(
        'flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 bg-white p-3 transition-colors hover:border-zinc-300 has-checked:border-brand-500 has-checked:bg-brand-50 has-focus-visible:ring-2 has-focus-visible:ring-brand-500/40 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-zinc-600 dark:has-checked:border-brand-500 dark:has-checked:bg-zinc-800',
        className,
      )}
    >
      <input
        type="radio"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        className="mt-0.5 h-4 w-4 shrink-0 cursor-pointer accent-brand-600"
        {...props}
      />
      <span className="min-w-0">
        <span id={`${id}-title`} className="block text-sm font-medium">
          {title}
        </span>
        {description && (
          <span
            id={`${id}-description`}
            className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400"
          >
            {description}
          </span>
        )}
      </span>
    </label>
  );
}
