import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SettingsNav } from '@/components/settings/settings-nav';
import { getCurrentActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = {
  title: { default: 'Settings', template: '%s · Settings · Sextant' },
};

/** The settings shell: a title, the section navigation, and the current section. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/settings');
  return (
    <div className="mx-auto max-w-5xl px-6 py-10">
      <div className="mb-8 border-b border-zinc-200 pb-6 dark:border-zinc-800">
        {/* Not a heading: each settings page has its own h1. */}
        <p className="text-3xl font-semibold tracking-tight">Settings</p>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Signed in as{' '}
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{actor.username}</span>
        </p>
      </div>
      <div className="flex flex-col gap-8 md:flex-row">
        <aside className="md:w-52 md:shrink-0">
          <SettingsNav />
        </aside>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
