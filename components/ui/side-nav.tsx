'use client';

import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from './cn';

// Settings sections: a row of tabs on small screens, a column beside the page from md up.
// The `tabs` look is an underlined row at every width (a run's pages).

export interface SideNavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

/** The first item is the section's root page: current only on itself, not on every page below it. */
function isCurrent(pathname: string, href: string, rootHref: string): boolean {
  if (href === rootHref) return pathname === rootHref || pathname === `${rootHref}/`;
  return pathname === href || pathname.startsWith(`${href}/`);
}

const looks = {
  side: {
    nav: undefined,
    list: '-mx-1 flex gap-1 overflow-x-auto pb-1 md:mx-0 md:flex-col md:overflow-visible md:pb-0',
    link: 'rounded-md px-3 py-2',
    current: 'bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-brand-500',
    other:
      'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100',
  },
  tabs: {
    nav: 'border-b border-zinc-200 dark:border-zinc-800',
    list: '-mb-px flex gap-1 overflow-x-auto',
    link: 'border-b-2 px-3 py-2.5',
    current: 'border-brand-600 text-brand-700 dark:border-brand-500 dark:text-brand-500',
    other:
      'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100',
  },
} as const;

export function SideNav({
  label,
  items,
  look = 'side',
}: {
  label: string;
  items: readonly SideNavItem[];
  look?: keyof typeof looks;
}) {
  const pathname = usePathname() ?? '';
  const rootHref = items[0]?.href ?? '';
  const classes = looks[look];
  return (
    <nav aria-label={label} className={classes.nav}>
      <ul className={classes.list}>
        {items.map(({ href, label: itemLabel, icon: Icon }) => {
          const current = isCurrent(pathname, href, rootHref);
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'flex items-center gap-2 text-sm font-medium whitespace-nowrap transition-colors',
                  classes.link,
                  current ? classes.current : classes.other,
                )}
              >
                <Icon className="h-4 w-4 shrink-0" aria-hidden />
                {itemLabel}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
