import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { can, type TeamResource } from '../permissions/catalog';
import { getProject, getRun } from './read-runs';

export type RunTarget = { entity: string; project: string; runId: string };

/** What the viewer may do with one run, as the catalog decides it (the page hides what they may not). */
export interface RunAbilities {
  edit: boolean;
  stop: boolean;
  /** Move to another project of the entity, and delete: members their own runs, admins any. */
  move: boolean;
  delete: boolean;
  /** Host, OS, language version and command: hidden from people who see the run only because it is public. */
  seeEnvironment: boolean;
}

export function runAbilities(actor: Actor, resource: TeamResource): RunAbilities {
  return {
    edit: can(actor, 'run:edit', resource),
    stop: can(actor, 'run:stop', resource),
    move: can(actor, 'run:move', resource),
    delete: can(actor, 'run:delete', resource),
    seeEnvironment: can(actor, 'run:view-environment', resource),
  };
}

/**
 * A run for its page: the run (read through getRun, which checks `run:view` and leaves out
 * what the viewer may not see), its project, who logged it and what the viewer may do with it.
 */
export async function loadRunForViewer(actor: Actor, target: RunTarget) {
  const [project, run] = await Promise.all([
    getProject(actor, target.entity, target.project),
    getRun(actor, target.entity, target.project, target.runId),
  ]);
  const [author, serviceAccount] = await Promise.all([
    run.createdById
      ? getPrisma().user.findUnique({
          where: { id: run.createdById },
          select: { username: true, name: true },
        })
      : null,
    run.serviceAccountId
      ? getPrisma().serviceAccount.findUnique({
          where: { id: run.serviceAccountId },
          select: { name: true },
        })
      : null,
  ]);
  return {
    project,
    run,
    author,
    serviceAccount: serviceAccount?.name ?? null,
    abilities: runAbilities(actor, {
      access: project.access,
      visibility: project.visibility,
      createdById: run.createdById,
    }),
  };
}
