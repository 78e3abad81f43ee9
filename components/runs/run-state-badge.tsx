import { cn } from '../ui/cn';

const styles: Record<string, string> = {
  RUNNING: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  FINISHED: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  FAILED: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
  CRASHED: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300',
  KILLED: 'bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200',
  PREEMPTED: 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300',
};

/** A run's state as a coloured pill ("Running", "Crashed", …). */
export function RunStateBadge({ state }: { state: string }) {
  return (
    <span
      className={cn(
        'inline-flex rounded-full px-2 py-0.5 text-xs font-medium',
        styles[state] ?? styles.KILLED,
      )}
    >
      {state.charAt(0) + state.slice(1).toLowerCase()}
    </span>
  );
}
