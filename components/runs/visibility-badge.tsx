import { Globe, Lock, Unlock, Users } from 'lucide-react';
import { cn } from '../ui/cn';

export const visibilityInfo = {
  PRIVATE: { label: 'Private', Icon: Lock, hint: 'Only members of the entity' },
  TEAM: { label: 'Team', Icon: Users, hint: 'Everyone in the team' },
  PUBLIC: { label: 'Public', Icon: Globe, hint: 'Anyone can view; members log' },
  OPEN: { label: 'Open', Icon: Unlock, hint: 'Anyone can view, anyone signed in can log' },
} as const;

export type VisibilityName = keyof typeof visibilityInfo;

/** A project's visibility as a small labelled pill. */
export function VisibilityBadge({
  visibility,
  className,
}: {
  visibility: VisibilityName;
  className?: string;
}) {
  const { label, Icon, hint } = visibilityInfo[visibility];
  return (
    <span
      title={hint}
      className={cn(
        'inline-flex items-center gap-1 rounded-full border border-zinc-200 px-2 py-0.5 text-xs font-medium text-zinc-600 dark:border-zinc-700 dark:text-zinc-300',
        className,
      )}
    >
      <Icon className="h-3 w-3" aria-hidden />
      {label}
    </span>
  );
}
