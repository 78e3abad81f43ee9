import { FolderKanban, Globe, Lock, Sparkles, Unlock, Users } from 'lucide-react';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { getTeamShowcase } from '@/lib/teams/team-showcase';
import { ShowcaseEditor } from './showcase-editor';

const visibility = {
  PRIVATE: { label: 'Private', Icon: Lock },
  TEAM: { label: 'Team', Icon: Users },
  PUBLIC: { label: 'Public', Icon: Globe },
  OPEN: { label: 'Open', Icon: Unlock },
} as const;

/**
 * The top of a team's profile: the projects its admins showcase, those the viewer may see,
 * with their description and run count. Admins choose them here too.
 */
export async function TeamShowcase({ teamName }: { teamName: string }) {
  const { projects, viewerCanEdit, candidates } = await getTeamShowcase(
    await getCurrentActor(),
    teamName,
  );
  if (projects.length === 0 && !viewerCanEdit) return null;

  const editor = viewerCanEdit && (
    <ShowcaseEditor
      teamName={teamName}
      selected={projects.map((p) => p.id)}
      candidates={candidates.map(({ id, name, description }) => ({ id, name, description }))}
    />
  );

  return (
    <section aria-labelledby="showcase-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="showcase-heading" className="flex items-center gap-2 text-base font-semibold">
          <Sparkles className="h-4 w-4 text-brand-600 dark:text-brand-500" aria-hidden />
          Showcase
        </h2>
        {projects.length > 0 && editor}
      </div>
      {projects.length === 0 ? (
        <Card>
          <div className="flex flex-col items-center gap-2 py-4 text-center">
            <FolderKanban className="h-6 w-6 text-zinc-400" aria-hidden />
            <p className="text-sm font-medium">Nothing showcased yet</p>
            <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
              {candidates.length > 0
                ? 'Pick up to six projects to greet visitors at the top of this page.'
                : 'Once the team has projects, pick the ones to greet visitors with here.'}
            </p>
            {candidates.length > 0 && <div className="mt-2">{editor}</div>}
          </div>
        </Card>
      ) : (
        <ul aria-label="Showcased projects" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((project) => {
            const { label, Icon } = visibility[project.visibility];
            return (
              <li
                key={project.id}
                className="flex min-w-0 flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-500/60 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500/60"
              >
                <Link
                  href={`/${teamName}/${project.name}`}
                  className="truncate font-medium text-brand-700 hover:underline dark:text-brand-500"
                >
                  {project.name}
                </Link>
                <p className="mt-1 line-clamp-3 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
                  {project.description.trim() || (
                    <span className="text-zinc-400 italic dark:text-zinc-500">No description</span>
                  )}
                </p>
                <p className="mt-3 flex items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                  <span>
                    {project.runCount} {project.runCount === 1 ? 'run' : 'runs'}
                  </span>
                  <span className="inline-flex items-center gap-1">
                    <Icon className="h-3.5 w-3.5" aria-hidden />
                    {label}
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
