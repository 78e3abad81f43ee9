import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProjectSettingsForm } from '@/components/runs/project-settings-form';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { projectPermissions } from '@/lib/projects/project-permissions';
import { resolveEntity } from '@/lib/runs/project-access';
import { getProject } from '@/lib/runs/read-runs';

type Params = { params: Promise<{ entity: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { entity, project } = await params;
  return { title: `Settings · ${entity}/${project}` };
}

/** A project's settings: description, visibility and deletion, for those the catalog allows. */
export default async function ProjectSettingsPage({ params }: Params) {
  const { entity: entityName, project: projectName } = await params;
  const actor = await getCurrentActor();
  let project;
  try {
    project = await getProject(actor, entityName, projectName);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const permissions = projectPermissions(actor, project);
  // Readers who may change nothing see no settings page at all.
  if (!permissions.canManage && !permissions.canDelete) notFound();
  const entity = await resolveEntity(entityName);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-6 py-10">
      <div>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          <Link href={`/${entityName}`} className="hover:underline">
            {entityName}
          </Link>{' '}
          /{' '}
          <Link href={`/${entityName}/${project.name}`} className="hover:underline">
            {project.name}
          </Link>{' '}
          /
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">Project settings</h1>
      </div>
      <ProjectSettingsForm
        entity={entityName}
        project={project.name}
        description={project.description}
        visibility={project.visibility}
        runCount={project.runCount}
        canManage={permissions.canManage}
        canDelete={permissions.canDelete}
        forcePrivate={entity.team?.forcePrivateProjects ?? false}
        isTeam={entity.kind === 'TEAM'}
      />
    </div>
  );
}
