import { ArrowLeft, ShieldOff } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Avatar } from '@/components/layout/avatar';
import { TeamSettingsNav } from '@/components/teams/team-settings-nav';
import { ButtonLink } from '@/components/ui/button-link';
import { loadTeamSettings } from './load-team';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ team: string }>;
}): Promise<Metadata> {
  const { team } = await params;
  return { title: { default: `${team} settings`, template: `%s · ${team} · Sextant` } };
}

/** The team settings shell: which team, the section navigation, and the current section. */
export default async function TeamSettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ team: string }>;
}) {
  const { team } = await loadTeamSettings((await params).team);

  return (
    <div className="mx-auto max-w-5xl px-6 py-10">
      <div className="mb-8 flex flex-col gap-4 border-b border-zinc-200 pb-6 sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800">
        <div className="flex items-center gap-4">
          <Avatar
            name={team.name}
            imageUrl={team.avatarUrl}
            size={48}
            className="shrink-0 rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800"
          />
          <div className="min-w-0">
            {/* Not a heading: each team settings page has its own h1. */}
            <p className="truncate text-3xl font-semibold tracking-tight">{team.name}</p>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              Team settings · {team.organizationName}
            </p>
          </div>
        </div>
        <ButtonLink href={`/${team.name}`} variant="secondary" size="sm" className="self-start">
          <ArrowLeft className="h-4 w-4" aria-hidden />
          Team profile
        </ButtonLink>
      </div>

      {team.viewerCanManage ? (
        <div className="flex flex-col gap-8 md:flex-row">
          <aside className="md:w-52 md:shrink-0">
            <TeamSettingsNav teamName={team.name} />
          </aside>
          <div className="min-w-0 flex-1">{children}</div>
        </div>
      ) : (
        <section className="mx-auto flex max-w-lg flex-col items-center gap-3 rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <ShieldOff className="h-8 w-8 text-zinc-400" aria-hidden />
          <h1 className="text-xl font-semibold">Only team admins can view team settings</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {team.viewerRole
              ? `You are a ${team.viewerRole === 'VIEW_ONLY' ? 'view-only member' : 'member'} of ${team.name}. Ask one of its admins if something needs to change.`
              : `You are not a member of ${team.name}.`}
          </p>
          <Link
            href={`/${team.name}`}
            className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500"
          >
            Go to the {team.name} profile
          </Link>
        </section>
      )}
    </div>
  );
}
