import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { can, type Permission } from '../permissions/catalog';
import { parseField } from '../validation';
import { getProject } from './read-runs';
import { runIdSchema } from './schemas';

export const maxBulkRuns = 1_000;

const runIdsSchema = z
  .array(runIdSchema)
  .min(1, 'choose at least one run')
  .max(maxBulkRuns, `at most ${maxBulkRuns} runs at once`);

type RunPermission = Extract<Permission, 'run:edit' | 'run:move' | 'run:delete'>;

/**
 * The runs a bulk action targets, all of them in the named project and all of them allowed
 * by the catalog; otherwise nothing happens at all (one refused run refuses the whole
 * action, so a selection is never half-applied).
 */
export async function loadBulkTargets(
  actor: Actor,
  target: { entity: string; project: string; runIds: string[] },
  permission: RunPermission,
) {
  const runIds = [...new Set(parseField(runIdsSchema, 'runIds', target.runIds))];
  const project = await getProject(actor, target.entity, target.project);
  const runs = await getPrisma().run.findMany({
    where: { projectId: project.id, runId: { in: runIds } },
    select: { id: true, runId: true, displayName: true, createdById: true, tags: true },
  });
  const found = new Set(runs.map((run) => run.runId));
  const missing = runIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw AppError.notFound(`Runs ${missing.slice(0, 5).join(', ')}`);
  const refused = runs.filter(
    (run) =>
      !can(actor, permission, {
        access: project.access,
        visibility: project.visibility,
        createdById: run.createdById,
      }),
  );
  if (refused.length > 0) {
    if (actor.kind === 'anonymous') throw AppError.unauthenticated();
    const names = refused.slice(0, 5).map((run) => run.displayName);
    throw AppError.forbidden(
      `You may not ${permission.slice(4)} ${refused.length === 1 ? 'the run' : `${refused.length} of these runs`}: ${names.join(', ')}${refused.length > 5 ? ', …' : ''}`,
    );
  }
  return { project, runs };
}
