'use client';

import { Bell, KeyRound, Mail, ShieldAlert, UserRound } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

const items = [
  { href: '/settings', label: 'Profile', icon: UserRound },
  { href: '/settings/emails', label: 'Emails', icon: Mail },
  { href: '/settings/api-keys', label: 'API keys', icon: KeyRound },
  { href: '/settings/preferences', label: 'Alerts & beta', icon: Bell },
  { href: '/settings/account', label: 'Account', icon: ShieldAlert },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  // "/settings" is the profile page itself, not a prefix of every settings page.
  if (href === '/settings') return pathname === '/settings' || pathname === '/settings/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Settings sections: a row of tabs on small screens, a column beside the page from md up. */
export function SettingsNav() {
  const pathname = usePathname() ?? '';
  return (
    <nav aria-label="Settings">
      <ul className="-mx-1 flex gap-1 overflow-x-auto pb-1 md:mx-0 md:flex-col md:overflow-visible md:pb-0">
        {items.map(({ href, label, icon: Icon }) => {
          const current = isCurrent(pathname, href);
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
