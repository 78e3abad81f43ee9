import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPool } from '../db/prisma';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { loadBulkTargets } from './bulk-run-targets';
import { ingestLimits } from './schemas';

const tag = z
  .string()
  .trim()
  .min(1, 'tags must not be empty')
  .max(64, 'tags must be at most 64 characters');
const tagChangeSchema = z
  .object({
    add: z.array(tag).max(ingestLimits.maxTags).default([]),
    remove: z.array(tag).max(ingestLimits.maxTags).default([]),
  })
  .refine((change) => change.add.length + change.remove.length > 0, {
    message: 'name at least one tag to add or remove',
    path: ['add'],
  });

/**
 * Adds and removes tags on many runs at once (`run:edit`). Each run keeps its tag order,
 * added tags go to the end, and no run may end up with more than the ingest limit.
 */
export async function tagRuns(
  actor: Actor,
  target: { entity: string; project: string; runIds: string[] },
  change: { add?: string[] | null; remove?: string[] | null },
): Promise<{ count: number }> {
  const { add, remove } = parseInput(tagChangeSchema, {
    add: change.add ?? undefined,
    remove: change.remove ?? undefined,
  });
  const { runs } = await loadBulkTargets(actor, target, 'run:edit');
  const tooMany = runs.find(
    (run) =>
      new Set([...run.tags, ...add].filter((t) => !remove.includes(t))).size > ingestLimits.maxTags,
  );
  if (tooMany) {
    throw AppError.badInput(
      `${tooMany.displayName} would have more than ${ingestLimits.maxTags} tags`,
      [{ field: 'add', message: `a run has at most ${ingestLimits.maxTags} tags` }],
    );
  }
  // One statement: every run or none; the first position of a tag decides its place.
  const { rowCount } = await getPool().query(
    `UPDATE "Run" SET "updatedAt" = now(), "tags" = (
       SELECT coalesce(array_agg(t ORDER BY first), '{}') FROM (
         SELECT t, min(i) AS first FROM unnest("tags" || $2::text[]) WITH ORDINALITY AS x(t, i)
         WHERE NOT (t = ANY($3::text[])) GROUP BY t
       ) kept
     ) WHERE id = ANY($1::text[])`,
    [runs.map((run) => run.id), add, remove],
  );
  return { count: rowCount ?? 0 };
}
