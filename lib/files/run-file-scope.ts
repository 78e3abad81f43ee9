import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, can, type TeamAccess } from '../permissions/catalog';
import { accessToEntity, resolveEntity } from '../runs/project-access';

export interface RunTarget {
  entity: string;
  project: string;
  run: string;
}

export interface RunFileScope {
  entity: { id: string; name: string };
  project: { id: string; name: string; visibility: 'PRIVATE' | 'TEAM' | 'PUBLIC' | 'OPEN' };
  run: { id: string; runId: string; createdById: string | null };
  access: TeamAccess;
}

/**
 * The run behind a files URL, for an actor who may at least view it. Runs of projects the
 * actor cannot see are "not found", exactly like missing ones.
 */
export async function loadRunFileScope(actor: Actor, target: RunTarget): Promise<RunFileScope> {
  const entity = await resolveEntity(target.entity);
  const access = await accessToEntity(actor, entity);
  const project = await getPrisma().project.findUnique({
    where: { entityId_name: { entityId: entity.id, name: target.project } },
    select: { id: true, name: true, visibility: true },
  });
  if (!project || !can(actor, 'run:view', { access, visibility: project.visibility })) {
    if (actor.kind === 'anonymous') throw AppError.unauthenticated();
    throw AppError.notFound(`Project "${target.project}"`);
  }
  const run = await getPrisma().run.findUnique({
    where: { projectId_runId: { projectId: project.id, runId: target.run } },
    select: { id: true, runId: true, createdById: true },
  });
  if (!run) throw AppError.notFound(`Run "${target.run}"`);
  return { entity: { id: entity.id, name: entity.name }, project, run, access };
}

/** Saving files is logging to the run (`run:log`: members, API keys, service accounts). */
export function assertCanWriteFiles(actor: Actor, scope: RunFileScope): void {
  assertCan(actor, 'run:log', { access: scope.access, visibility: scope.project.visibility });
}

/**
 * Deleting a run's file follows "delete runs" in the seed's experiments table: members
 * their own runs, admins any run, view-only never.
 */
export function assertCanDeleteFiles(actor: Actor, scope: RunFileScope): void {
  assertCan(actor, 'run:delete', {
    access: scope.access,
    visibility: scope.project.visibility,
    createdById: scope.run.createdById,
  });
}
