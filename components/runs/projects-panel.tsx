'use client';

import { FolderKanban, Plus } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Card } from '../ui/card';
import { SearchInput } from '../ui/search-input';
import { Button } from '../ui/button';
import { CreateProjectDialog } from './create-project-dialog';
import { timeAgo } from './format';
import { VisibilityBadge, type VisibilityName } from './visibility-badge';

export interface ProjectSummary {
  name: string;
  description: string;
  visibility: VisibilityName;
  runCount: number;
  lastActivityAt: string;
}

/** An entity's projects with search and, for those who may, a button that creates one. */
export function ProjectsPanel({
  owner,
  projects,
  canCreate,
  forcePrivate,
  defaultVisibility,
  isTeam,
}: {
  owner: string;
  projects: ProjectSummary[];
  canCreate: boolean;
  forcePrivate: boolean;
  defaultVisibility: VisibilityName;
  isTeam: boolean;
}) {
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const needle = search.trim().toLowerCase();
  const shown = projects.filter(
    (p) => p.name.toLowerCase().includes(needle) || p.description.toLowerCase().includes(needle),
  );
  return (
    <Card
      title={
        <span className="flex items-center justify-between gap-3">
          <span>Projects ({projects.length})</span>
          {canCreate && (
            <Button size="sm" onClick={() => setCreating(true)}>
              <Plus className="h-4 w-4" aria-hidden />
              New project
            </Button>
          )}
        </span>
      }
    >
      {projects.length === 0 ? (
        <div className="flex flex-col items-center gap-2 py-8 text-center">
          <FolderKanban className="h-7 w-7 text-zinc-400" aria-hidden />
          <p className="text-sm font-medium">No projects yet</p>
          <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
            Create one, or log a run to{' '}
            <code className="font-mono text-xs">{owner}/&lt;project&gt;</code> with the SDK or{' '}
            <code className="font-mono text-xs">sextant run</code> and the project appears.
          </p>
        </div>
      ) : (
        <div className="space-y-3">
          {projects.length > 5 && (
            <SearchInput
              label="Search projects"
              placeholder="Search projects"
              value={search}
              onValueChange={setSearch}
            />
          )}
          <ul aria-label="Projects" className="-mb-2 divide-y divide-zinc-200 dark:divide-zinc-800">
            {shown.map((project) => (
              <li key={project.name} className="flex items-center justify-between gap-4 py-3">
                <div className="min-w-0">
                  <Link
                    href={`/${owner}/${project.name}`}
                    className="font-medium text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {project.name}
                  </Link>
                  {project.description && (
                    <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">
                      {project.description}
                    </p>
                  )}
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    {project.runCount} {project.runCount === 1 ? 'run' : 'runs'} · last activity{' '}
                    <time dateTime={project.lastActivityAt}>
                      {timeAgo(new Date(project.lastActivityAt))}
                    </time>
                  </p>
                </div>
                <VisibilityBadge visibility={project.visibility} className="shrink-0" />
              </li>
            ))}
            {shown.length === 0 && (
              <li className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
                No project matches “{search}”.
              </li>
            )}
          </ul>
        </div>
      )}
      {canCreate && (
        <CreateProjectDialog
          open={creating}
          onClose={() => setCreating(false)}
          owner={owner}
          forcePrivate={forcePrivate}
          defaultVisibility={defaultVisibility}
          isTeam={isTeam}
        />
      )}
    </Card>
  );
}
