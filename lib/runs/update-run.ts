import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { getProject } from './read-runs';
import type { RunTarget } from './run-viewer';
import { ingestLimits } from './schemas';

const tag = z
  .string()
  .trim()
  .min(1, 'tags must not be empty')
  .max(64, 'tags must be at most 64 characters');

/** What a person may change about a run from its page or the API; fields left out stay. */
export const updateRunSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(256, 'must be at most 256 characters')
    .optional(),
  notes: z.string().max(20_000, 'must be at most 20,000 characters').optional(),
  tags: z
    .array(tag)
    .max(ingestLimits.maxTags, `must be at most ${ingestLimits.maxTags} tags`)
    // The same tag twice means nothing more; keep the first spelling and order.
    .transform((tags) => [...new Set(tags)])
    .optional(),
});

export type UpdateRunInput = z.input<typeof updateRunSchema>;

/** Renames a run, or changes its notes or tags, when the catalog allows `run:edit` on it. */
export async function updateRun(actor: Actor, target: RunTarget, raw: unknown) {
  const input = parseInput(updateRunSchema, raw);
  const project = await getProject(actor, target.entity, target.project);
  const run = await getPrisma().run.findUnique({
    where: { projectId_runId: { projectId: project.id, runId: target.runId } },
    select: { id: true, createdById: true },
  });
  if (!run) throw AppError.notFound('Run');
  assertCan(actor, 'run:edit', {
    access: project.access,
    visibility: project.visibility,
    createdById: run.createdById,
  });
  return getPrisma().run.update({ where: { id: run.id }, data: input });
}
