import { getCurrentActor } from '@/lib/auth/current-actor';
import { listProjectOverviews } from '@/lib/projects/project-overviews';
import { ProjectsPanel } from './projects-panel';

/** The projects of a user or team that the viewer may see, newest activity first. */
export async function ProjectList({ owner }: { owner: string }) {
  const overview = await listProjectOverviews(await getCurrentActor(), owner);
  return (
    <ProjectsPanel
      owner={owner}
      projects={overview.projects.map((project) => ({
        name: project.name,
        description: project.description,
        visibility: project.visibility,
        runCount: project.runCount,
        lastActivityAt: project.lastActivityAt.toISOString(),
      }))}
      canCreate={overview.canCreate}
      forcePrivate={overview.forcePrivate}
      defaultVisibility={overview.defaultVisibility}
      isTeam={overview.isTeam}
    />
  );
}
