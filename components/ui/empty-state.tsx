import type { LucideIcon } from 'lucide-react';

// What a list or table shows instead when it has nothing in it.

export function EmptyState({
  icon: Icon,
  title,
  children,
}: {
  icon: LucideIcon;
  title: string;
  children: string;
}) {
  return (
    <div className="flex flex-col items-center gap-2 py-6 text-center">
      <Icon className="h-6 w-6 text-zinc-400" aria-hidden />
      <p className="text-sm font-medium">{title}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
    </div>
  );
}
