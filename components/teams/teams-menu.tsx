'use client';

import { ChevronDown, Plus, ShieldCheck, UsersRound } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Avatar } from '@/components/layout/avatar';
import { cn } from '@/components/ui/cn';

const item =
  'flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:focus-visible:bg-zinc-800';

/**
 * The header's team switcher: a disclosure button opening a panel of links (the viewer's
 * teams, "Create team", and "Admin" for system admins). Escape, a click outside, or
 * following a link closes it.
 */
export function TeamsMenu({
  teams,
  isSystemAdmin,
}: {
  teams: { name: string; organizationName: string }[];
  isSystemAdmin: boolean;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  const close = () => setOpen(false);

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Tabbing out of the panel closes it.
        if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) close();
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className={cn(
          'inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 sm:px-2.5 dark:text-zinc-300 dark:hover:bg-zinc-800',
          open && 'bg-zinc-100 dark:bg-zinc-800',
        )}
      >
        <UsersRound className="h-4 w-4" aria-hidden />
        {/* Icon only on phones, where the header is tight; the name stays for screen readers. */}
        <span className="sr-only sm:not-sr-only">Teams</span>
        <ChevronDown
          className={cn('hidden h-3.5 w-3.5 transition-transform sm:block', open && 'rotate-180')}
          aria-hidden
        />
      </button>
      <div
        id={panelId}
        hidden={!open}
        // Phones: full width under the header. Larger screens: a dropdown under the button.
        className="fixed inset-x-4 top-16 z-50 rounded-lg border border-zinc-200 bg-white p-1.5 shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-72 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <p className="px-2.5 pt-1.5 pb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          Your teams
        </p>
        {teams.length === 0 ? (
          <p className="px-2.5 py-2 text-sm text-zinc-600 dark:text-zinc-400">
            You are not in a team yet.
          </p>
        ) : (
          <ul aria-label="Your teams" className="max-h-72 overflow-y-auto">
            {teams.map((team) => (
              <li key={team.name}>
                <Link href={`/${team.name}`} onClick={close} className={item}>
                  <Avatar name={team.name} imageUrl={null} size={24} className="rounded-md" />
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{team.name}</span>
                    <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                      {team.organizationName}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="my-1.5 border-t border-zinc-200 dark:border-zinc-800" />
        <ul>
          <li>
            <Link href="/create-team" onClick={close} className={item}>
              <Plus className="h-4 w-4" aria-hidden />
              Create team
            </Link>
          </li>
          {isSystemAdmin && (
            <li>
              <Link href="/admin" onClick={close} className={item}>
                <ShieldCheck className="h-4 w-4" aria-hidden />
                Admin
              </Link>
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
