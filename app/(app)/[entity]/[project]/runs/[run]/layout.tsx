import { ChevronRight } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { timeAgo } from '@/components/runs/format';
import { RunActions } from '@/components/runs/run-actions';
import { RunManageActions } from '@/components/runs/run-manage-actions';
import { RunNameEditor } from '@/components/runs/run-name-editor';
import { RunStateBadge } from '@/components/runs/run-state-badge';
import { RunTabs } from '@/components/runs/run-tabs';
import { listProjects } from '@/lib/runs/read-runs';
import { loadFromParams, type RunParams } from './load-run';

export async function generateMetadata(props: RunParams): Promise<Metadata> {
  const { run, project } = await loadFromParams(props);
  return {
    title: { default: `${run.displayName} · ${project.name}`, template: `%s · ${run.displayName}` },
  };
}

/** Every run tab: breadcrumb, name (renamable), state, author, actions, and the tab row. */
export default async function RunLayout(props: RunParams & { children: ReactNode }) {
  const { actor, run, project, author, serviceAccount, abilities } = await loadFromParams(props);
  const entity = project.entityName;
  const basePath = `/${entity}/${project.name}/runs/${run.runId}`;
  const ref = { entity, project: project.name, runId: run.runId };
  // Destinations for "Move to project…"; only read when the viewer may move the run.
  const otherProjects = abilities.move
    ? (await listProjects(actor, entity))
        .map((other) => other.name)
        .filter((name) => name !== project.name)
        .sort()
    : [];
  return (
    <div className="mx-auto max-w-6xl px-6 py-8">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link
              href={`/${entity}`}
              className="hover:text-zinc-900 hover:underline dark:hover:text-zinc-100"
            >
              {entity}
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="h-3.5 w-3.5" />
          </li>
          <li>
            <Link
              href={`/${entity}/${project.name}`}
              className="hover:text-zinc-900 hover:underline dark:hover:text-zinc-100"
            >
              {project.name}
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="h-3.5 w-3.5" />
          </li>
          <li>Runs</li>
        </ol>
      </nav>
      <header className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-3">
            <RunNameEditor run={ref} name={run.displayName} canEdit={abilities.edit} />
            <RunStateBadge state={run.state} />
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {author ? (
              <>
                by{' '}
                <Link href={`/${author.username}`} className="font-medium hover:underline">
                  {author.username}
                </Link>
              </>
            ) : (
              'by a deleted user'
            )}
            {serviceAccount && <> via {serviceAccount}</>}
            {' · '}
            <time dateTime={run.startedAt.toISOString()} title={run.startedAt.toISOString()}>
              started {timeAgo(run.startedAt)}
            </time>
            {' · '}
            <span className="font-mono text-xs">{run.runId}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2 sm:justify-end">
          <RunActions run={ref} state={run.state} canStop={abilities.stop} />
          <RunManageActions
            run={ref}
            runName={run.displayName}
            canMove={abilities.move}
            canDelete={abilities.delete}
            otherProjects={otherProjects}
          />
        </div>
      </header>
      <div className="mt-6">
        <RunTabs basePath={basePath} />
      </div>
      <div className="pt-6">{props.children}</div>
    </div>
  );
}
