import {
  BookMarked,
  Building2,
  CalendarDays,
  ExternalLink,
  Globe,
  MapPin,
  Settings,
  Users,
} from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { cache } from 'react';
import { Avatar } from '@/components/layout/avatar';
import { ProjectList } from '@/components/runs/project-list';
import { MarkdownText } from '@/components/teams/markdown';
import { TeamReportShowcase } from '@/components/reports/team-report-showcase';
import { TeamShowcase } from '@/components/teams/team-showcase';
import { ButtonLink } from '@/components/ui/button-link';
import { cn } from '@/components/ui/cn';
import { Card } from '@/components/ui/card';
import { getPublicProfile, type PublicProfile } from '@/lib/accounts/public-profile';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { getTeamProfile, type TeamProfile } from '@/lib/teams/team-profile';

/*
 * /<name>: a team's or a person's page (user and team names share one namespace). Static
 * routes (/settings, /admin, /signin, …) take precedence over this segment.
 */

const loadEntity = cache(async (name: string) => {
  const actor = await getCurrentActor();
  try {
    return { kind: 'team' as const, team: await getTeamProfile(actor, name), actor };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
  }
  const user = await getPublicProfile(name);
  return user ? { kind: 'user' as const, user, actor } : null;
});

export async function generateMetadata({
  params,
}: {
  params: Promise<{ entity: string }>;
}): Promise<Metadata> {
  const entity = await loadEntity((await params).entity);
  if (!entity) return { title: 'Not found' };
  if (entity.kind === 'team') return { title: entity.team.name };
  const { user } = entity;
  return { title: user.name ? `${user.name} (${user.username})` : user.username };
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const typeLabels = { WORK: 'Work', ACADEMIC: 'Academic' } as const;
const roleNames = { ADMIN: 'an admin', MEMBER: 'a member', VIEW_ONLY: 'a view-only member' };

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <li className="flex min-w-0 items-center gap-1.5">
      {icon}
      <span className="min-w-0 truncate">{children}</span>
    </li>
  );
}

const factIcon = 'h-4 w-4 shrink-0 text-zinc-400';

function TeamPage({ team }: { team: TeamProfile }) {
  return (
    <div className="mx-auto max-w-5xl px-6 py-10">
      <header className="flex flex-col gap-6 border-b border-zinc-200 pb-8 sm:flex-row sm:items-start dark:border-zinc-800">
        <Avatar
          name={team.name}
          imageUrl={team.avatarUrl}
          size={88}
          className="shrink-0 rounded-2xl ring-1 ring-zinc-200 dark:ring-zinc-800"
        />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-3xl font-semibold tracking-tight break-all">{team.name}</h1>
            <span className="rounded-full border border-zinc-200 px-2.5 py-0.5 text-xs font-medium text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
              {typeLabels[team.type]} team
            </span>
          </div>
          <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm text-zinc-600 dark:text-zinc-400">
            <Fact icon={<Building2 className={factIcon} aria-hidden />}>
              {team.organizationName}
            </Fact>
            <Fact icon={<Users className={factIcon} aria-hidden />}>
              {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'}
            </Fact>
            <Fact icon={<CalendarDays className={factIcon} aria-hidden />}>
              Created {dateFormat.format(team.createdAt)}
            </Fact>
          </ul>
          {team.viewerRole && (
            <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
              You are {roleNames[team.viewerRole]} of this team.
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2 self-start">
          {team.viewerRole && (
            <ButtonLink href={`/teams/${team.name}/registry`} variant="secondary" size="sm">
              <BookMarked className="h-4 w-4" aria-hidden />
              Model registry
            </ButtonLink>
          )}
          {team.viewerCanManage && (
            <ButtonLink href={`/teams/${team.name}/settings`} variant="secondary" size="sm">
              <Settings className="h-4 w-4" aria-hidden />
              Team settings
            </ButtonLink>
          )}
        </div>
      </header>

      <div
        className={cn(
          'mt-8 grid gap-6',
          team.links.length > 0 && 'lg:grid-cols-[minmax(0,1fr)_18rem]',
        )}
      >
        <div className="min-w-0 space-y-6">
          <TeamShowcase teamName={team.name} />
          <TeamReportShowcase teamName={team.name} />
          {team.intro.trim() ? (
            <Card title="About">
              <MarkdownText>{team.intro}</MarkdownText>
            </Card>
          ) : (
            team.viewerCanManage && (
              <Card title="About">
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  Tell visitors what {team.name} works on.{' '}
                  <Link
                    href={`/teams/${team.name}/settings/general`}
                    className="font-medium text-brand-600 hover:underline dark:text-brand-500"
                  >
                    Write an introduction
                  </Link>
                </p>
              </Card>
            )
          )}
          <ProjectList owner={team.name} />
        </div>
        {team.links.length > 0 && (
          <aside>
            <Card title="Links">
              <ul className="space-y-2.5 text-sm">
                {team.links.map((link, index) => (
                  <li key={`${index}-${link.url}`} className="min-w-0">
                    <a
                      href={link.url}
                      rel="nofollow ugc noopener noreferrer"
                      className="group flex items-start gap-2 font-medium text-brand-600 dark:text-brand-500"
                    >
                      <ExternalLink className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                      <span className="min-w-0">
                        <span className="block break-words group-hover:underline">
                          {link.label}
                        </span>
                        <span className="block truncate text-xs font-normal text-zinc-500 dark:text-zinc-400">
                          {hostOf(link.url)}
                        </span>
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </Card>
          </aside>
        )}
      </div>
    </div>
  );
}

function UserPage({ user, isViewer }: { user: PublicProfile; isViewer: boolean }) {
  return (
    <div className="mx-auto max-w-5xl px-6 py-10">
      <header className="flex flex-col gap-6 border-b border-zinc-200 pb-8 sm:flex-row sm:items-start dark:border-zinc-800">
        <Avatar
          name={user.name || user.username}
          imageUrl={user.imageUrl}
          size={88}
          className="shrink-0 ring-1 ring-zinc-200 dark:ring-zinc-800"
        />
        <div className="min-w-0 flex-1">
          <h1 className="text-3xl font-semibold tracking-tight break-words">
            {user.name || user.username}
          </h1>
          {user.name && (
            <p className="mt-0.5 text-base text-zinc-500 dark:text-zinc-400">@{user.username}</p>
          )}
          <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm text-zinc-600 dark:text-zinc-400">
            {user.institution && (
              <Fact icon={<Building2 className={factIcon} aria-hidden />}>{user.institution}</Fact>
            )}
            {user.location && (
              <Fact icon={<MapPin className={factIcon} aria-hidden />}>{user.location}</Fact>
            )}
            {user.website && (
              <Fact icon={<Globe className={factIcon} aria-hidden />}>
                <a
                  href={user.website}
                  rel="nofollow ugc noopener noreferrer"
                  className="font-medium text-brand-600 hover:underline dark:text-brand-500"
                >
                  {hostOf(user.website)}
                </a>
              </Fact>
            )}
            <Fact icon={<CalendarDays className={factIcon} aria-hidden />}>
              Joined {dateFormat.format(user.createdAt)}
            </Fact>
          </ul>
          {user.bio && (
            <p className="mt-4 max-w-2xl text-sm leading-relaxed whitespace-pre-line text-zinc-700 dark:text-zinc-300">
              {user.bio}
            </p>
          )}
        </div>
        {isViewer && (
          <div className="flex flex-wrap gap-2 self-start">
            <ButtonLink href={`/teams/${user.username}/registry`} variant="secondary" size="sm">
              <BookMarked className="h-4 w-4" aria-hidden />
              Model registry
            </ButtonLink>
            <ButtonLink href="/settings" variant="secondary" size="sm">
              <Settings className="h-4 w-4" aria-hidden />
              Edit profile
            </ButtonLink>
          </div>
        )}
      </header>
      <div className="mt-8">
        <ProjectList owner={user.username} />
      </div>
    </div>
  );
}

export default async function EntityPage({ params }: { params: Promise<{ entity: string }> }) {
  const entity = await loadEntity((await params).entity);
  if (!entity) notFound();
  if (entity.kind === 'team') return <TeamPage team={entity.team} />;
  const isViewer = entity.actor.kind === 'user' && entity.actor.username === entity.user.username;
  return <UserPage user={entity.user} isViewer={isViewer} />;
}
