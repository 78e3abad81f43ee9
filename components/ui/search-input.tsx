import { Search } from 'lucide-react';
import type { InputHTMLAttributes } from 'react';
import { cn } from './cn';
import { inputClass } from './field';

const heights = { sm: 'h-8 py-0', md: 'h-9' } as const;

/**
 * A search box: magnifier icon inside a `type="search"` input (the browser adds the clear
 * button and Escape-to-clear). It has no visible label, so `label` names it for screen
 * readers and tests ("Search logs" is a searchbox named "Search logs").
 */
export function SearchInput({
  label,
  value,
  onValueChange,
  size = 'md',
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'size'> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  size?: keyof typeof heights;
  /** Classes for the wrapper, e.g. its width in a toolbar. */
  className?: string;
}) {
  return (
    <div className={cn('relative', className)}>
      <Search
        className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-zinc-400"
        aria-hidden
      />
      <input
        {...props}
        type="search"
        aria-label={label}
        className={cn(inputClass, heights[size], 'pl-8')}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
      />
    </div>
  );
}
