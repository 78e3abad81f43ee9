import { Settings } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { FirstRunHint } from '@/components/runs/first-run-hint';
import { VisibilityBadge } from '@/components/runs/visibility-badge';
import { RunsTable } from '@/components/runs-table/runs-table';
import { ButtonLink } from '@/components/ui/button-link';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { projectPermissions } from '@/lib/projects/project-permissions';
import { getProject } from '@/lib/runs/read-runs';

type Params = { params: Promise<{ entity: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { entity, project } = await params;
  return { title: `${entity}/${project}` };
}

async function load(entity: string, projectName: string) {
  const actor = await getCurrentActor();
  try {
    const project = await getProject(actor, entity, projectName);
    return { project, permissions: projectPermissions(actor, project) };
  } catch (error) {
    // Not found and not allowed look the same from outside.
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** A project: its runs table (server-side filtering, sorting, paging) and the charts of the runs shown. */
export default async function ProjectPage({ params }: Params) {
  const { entity, project: projectName } = await params;
  const { project, permissions } = await load(entity, projectName);
  return (
    <div className="mx-auto max-w-[100rem] space-y-6 px-6 py-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            <Link href={`/${entity}`} className="hover:underline">
              {entity}
            </Link>{' '}
            /
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-3xl font-semibold tracking-tight break-all">{project.name}</h1>
            <VisibilityBadge visibility={project.visibility} />
            <Link
              href={`/${entity}/${project.name}/reports`}
              className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500"
            >
              Reports
            </Link>
            <Link
              href={`/${entity}/${project.name}/artifacts`}
              className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500"
            >
              Artifacts
            </Link>
          </div>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {project.description ||
              `${project.runCount} ${project.runCount === 1 ? 'run' : 'runs'}`}
          </p>
        </div>
        {(permissions.canManage || permissions.canDelete) && (
          <ButtonLink href={`/${entity}/${project.name}/settings`} variant="secondary" size="sm">
            <Settings className="h-4 w-4" aria-hidden />
            Project settings
          </ButtonLink>
        )}
      </header>
      {project.runCount === 0 ? (
        <FirstRunHint entity={entity} project={project.name} baseUrl={getEnv().APP_URL} />
      ) : (
        <Suspense>
          <RunsTable entity={entity} project={project.name} />
        </Suspense>
      )}
    </div>
  );
}
