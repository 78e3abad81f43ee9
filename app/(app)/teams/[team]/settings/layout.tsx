import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Avatar } from '@/components/layout/avatar';
import { TeamAdminsOnly } from '@/components/teams/team-admins-only';
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

/**
 * The team settings shell: which team, the section navigation, and the current section.
 * Team admins see every section; organization admins who are no team admin see Roles only
 * (each other section refuses them itself, since a layout does not know the path).
 */
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

      {team.viewerCanManage || team.viewerCanComposeRoles ? (
        <div className="flex flex-col gap-8 md:flex-row">
          <aside className="md:w-52 md:shrink-0">
            <TeamSettingsNav teamName={team.name} rolesOnly={!team.viewerCanManage} />
          </aside>
          <div className="min-w-0 flex-1">{children}</div>
        </div>
      ) : (
        <TeamAdminsOnly team={team} />
      )}
    </div>
  );
}
