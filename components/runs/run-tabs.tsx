'use client';

import {
  Boxes,
  Cpu,
  FileText,
  FolderOpen,
  LayoutDashboard,
  LineChart,
  Network,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../ui/cn';

const tabs: { segment: string; label: string; icon: LucideIcon }[] = [
  { segment: '', label: 'Overview', icon: LayoutDashboard },
  { segment: 'charts', label: 'Charts', icon: LineChart },
  { segment: 'system', label: 'System', icon: Cpu },
  { segment: 'model', label: 'Model', icon: Network },
  { segment: 'logs', label: 'Logs', icon: FileText },
  { segment: 'files', label: 'Files', icon: FolderOpen },
  { segment: 'artifacts', label: 'Artifacts', icon: Boxes },
];

/** The run page's tabs, each its own URL under the run's base path. */
export function RunTabs({ basePath }: { basePath: string }) {
  const pathname = (usePathname() ?? '').replace(/\/$/, '');
  return (
    <nav aria-label="Run" className="border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map(({ segment, label, icon: Icon }) => {
          const href = segment ? `${basePath}/${segment}` : basePath;
          // Overview is current only on itself; the others also on pages below them (files/…).
          const current = segment
            ? pathname === href || pathname.startsWith(`${href}/`)
            : pathname === basePath;
          return (
            <li key={label} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors',
                  current
                    ? 'border-brand-600 text-brand-700 dark:border-brand-500 dark:text-brand-500'
                    : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100',
                )}
              >
                <Icon className="h-4 w-4 shrink-0" aria-hidden />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
