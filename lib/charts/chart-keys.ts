import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { getProject } from '../runs/read-runs';
import { parseInput } from '../validation';
import { chartKeysInputSchema } from './schemas';

/**
 * Every metric key logged by any of these runs (history and `system/…`), sorted: what the
 * workspace makes its default panels from and what a panel's y-metric regex matches against.
 */
export async function listChartKeys(
  actor: Actor,
  raw: { entity: string; project: string; runIds: string[] },
): Promise<string[]> {
  const input = parseInput(chartKeysInputSchema, raw);
  const project = await getProject(actor, input.entity, input.project);
  if (input.runIds.length === 0) return [];
  // Scoped by project: run ids of another project (or tenant) match nothing.
  const rows = await getPrisma().metric.findMany({
    where: { run: { projectId: project.id, runId: { in: input.runIds } } },
    select: { key: true },
    distinct: ['key'],
    orderBy: { key: 'asc' },
  });
  return rows.map((row) => row.key);
}
