import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { accessToEntity, defaultVisibility, resolveEntity } from '../runs/project-access';
import { listProjects } from '../runs/read-runs';
import { canCreateProject } from './project-permissions';

/**
 * An entity's projects as its page lists them: the ones the viewer may see, with run
 * counts and last activity (the latest run heartbeat or project change), newest first, plus
 * what the create-project dialog needs to know.
 */
export async function listProjectOverviews(actor: Actor, entityName: string) {
  const entity = await resolveEntity(entityName);
  const [projects, access] = await Promise.all([
    listProjects(actor, entityName),
    accessToEntity(actor, entity),
  ]);
  const latest = await getPrisma().run.groupBy({
    by: ['projectId'],
    where: { projectId: { in: projects.map((project) => project.id) } },
    _max: { heartbeatAt: true },
  });
  const heartbeatOf = new Map(latest.map((row) => [row.projectId, row._max.heartbeatAt]));
  const overviews = projects.map((project) => {
    const heartbeat = heartbeatOf.get(project.id);
    const lastActivityAt =
      heartbeat && heartbeat > project.updatedAt ? heartbeat : project.updatedAt;
    return { ...project, lastActivityAt };
  });
  overviews.sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
  return {
    projects: overviews,
    canCreate: canCreateProject(actor, access),
    forcePrivate: entity.team?.forcePrivateProjects ?? false,
    defaultVisibility: defaultVisibility(entity),
    isTeam: entity.kind === 'TEAM',
  };
}
