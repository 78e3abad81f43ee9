'use client';

import { Bot, SlidersHorizontal, Users } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

/** Team settings sections: tabs on small screens, a column beside the page from md up. */
export function TeamSettingsNav({ teamName }: { teamName: string }) {
  const pathname = usePathname() ?? '';
  const base = `/teams/${teamName}/settings`;
  const items = [
    { href: base, label: 'Members', icon: Users },
    { href: `${base}/service-accounts`, label: 'Service accounts', icon: Bot },
    { href: `${base}/general`, label: 'General', icon: SlidersHorizontal },
  ];
  const isCurrent = (href: string) =>
    // The members page is the settings root, not a prefix of every section.
    href === base
      ? pathname === base || pathname === `${base}/`
      : pathname === href || pathname.startsWith(`${href}/`);

  return (
    <nav aria-label="Team settings">
      <ul className="-mx-1 flex gap-1 overflow-x-auto pb-1 md:mx-0 md:flex-col md:overflow-visible md:pb-0">
        {items.map(({ href, label, icon: Icon }) => {
          const current = isCurrent(href);
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
                  current
                    ? 'bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-brand-500'
                    : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100',
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
