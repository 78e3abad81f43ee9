import { FolderKanban, Lock, Users, Globe, Unlock } from 'lucide-react';
import Link from 'next/link';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { listProjects } from '@/lib/runs/read-runs';
import { Card } from '../ui/card';
import { timeAgo } from './format';

const visibility = {
  PRIVATE: { label: 'Private', Icon: Lock },
  TEAM: { label: 'Team', Icon: Users },
  PUBLIC: { label: 'Public', Icon: Globe },
  OPEN: { label: 'Open', Icon: Unlock },
} as const;

/** The projects of a user or team that the viewer may see, newest activity first. */
export async function ProjectList({ owner }: { owner: string }) {
  const projects = await listProjects(await getCurrentActor(), owner);
  if (projects.length === 0) {
    return (
      <Card title="Projects">
        <div className="flex flex-col items-center gap-2 py-8 text-center">
          <FolderKanban className="h-7 w-7 text-zinc-400" aria-hidden />
          <p className="text-sm font-medium">No projects yet</p>
          <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
            Runs logged to <code className="font-mono text-xs">{owner}/&lt;project&gt;</code> with
            the SDK or <code className="font-mono text-xs">sextant run</code> create the project.
          </p>
        </div>
      </Card>
    );
  }
  return (
    <Card title={`Projects (${projects.length})`}>
      <ul aria-label="Projects" className="-my-2 divide-y divide-zinc-200 dark:divide-zinc-800">
        {projects.map((project) => {
          const { label, Icon } = visibility[project.visibility];
          return (
            <li key={project.id} className="flex items-center justify-between gap-4 py-3">
              <div className="min-w-0">
                <Link
                  href={`/${owner}/${project.name}`}
                  className="font-medium text-brand-700 hover:underline dark:text-brand-500"
                >
                  {project.name}
                </Link>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {project.runCount} {project.runCount === 1 ? 'run' : 'runs'} · updated{' '}
                  {timeAgo(project.updatedAt)}
                </p>
              </div>
              <span className="inline-flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
                <Icon className="h-3.5 w-3.5" aria-hidden />
                {label}
              </span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
