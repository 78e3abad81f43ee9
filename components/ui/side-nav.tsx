'use client';

import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from './cn';

// Settings sections: a row of tabs on small screens, a column beside the page from md up.

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

export function SideNav({ label, items }: { label: string; items: readonly SideNavItem[] }) {
  const pathname = usePathname() ?? '';
  const rootHref = items[0]?.href ?? '';
  return (
    <nav aria-label={label}>
      <ul className="-mx-1 flex gap-1 overflow-x-auto pb-1 md:mx-0 md:flex-col md:overflow-visible md:pb-0">
        {items.map(({ href, label: itemLabel, icon: Icon }) => {
          const current = isCurrent(pathname, href, rootHref);
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
                {itemLabel}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
