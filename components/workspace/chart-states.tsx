import { Alert } from '@/components/ui/alert';
import { cn } from '@/components/ui/cn';

/** Chart data that failed to load, with a way to ask again. */
export function ChartsLoadError({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <Alert tone="error">
      {error}{' '}
      <button type="button" className="font-medium underline" onClick={onRetry}>
        Retry
      </button>
    </Alert>
  );
}

const layouts = {
  wide: { grid: 'lg:grid-cols-2', tile: 'h-72', count: 4 },
  compact: { grid: 'lg:grid-cols-3', tile: 'h-56', count: 3 },
} as const;

/** Pulsing tiles in the shape of the panel grid while its keys load. */
export function ChartsSkeleton({
  layout,
  label,
}: {
  layout: keyof typeof layouts;
  /** What screen readers hear, e.g. "Loading charts". */
  label: string;
}) {
  const { grid, tile, count } = layouts[layout];
  return (
    <div className={cn('grid grid-cols-1 gap-4', grid)} aria-busy="true">
      {Array.from({ length: count }, (_, i) => (
        <div
          key={i}
          className={cn(
            'animate-pulse rounded-xl border border-zinc-200 bg-zinc-100/60 dark:border-zinc-800 dark:bg-zinc-900',
            tile,
          )}
        />
      ))}
      <span className="sr-only">{label}</span>
    </div>
  );
}
