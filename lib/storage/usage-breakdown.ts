import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { readStorageUsage } from './read-usage';

export interface UsageRow {
  /** `project` or `project/run`. */
  name: string;
  href: string;
  bytes: number;
  files: number;
}

export interface UsageBreakdown {
  entity: string;
  usedBytes: number;
  limitBytes: number;
  projects: UsageRow[];
  /** The runs holding the most bytes (at most 50). */
  runs: UsageRow[];
}

export type UsageSort = 'size' | 'name';

/**
 * Where an entity's storage goes, by project and by run, for its settings page. Rows add up
 * the files' sizes: content saved by several runs appears in each, while the total above
 * counts it once.
 */
export async function readUsageBreakdown(
  actor: Actor,
  entityName: string,
  sort: UsageSort = 'size',
): Promise<UsageBreakdown> {
  const usage = await readStorageUsage(actor, entityName); // checks who may look
  const prisma = getPrisma();
  const projectRows = await prisma.$queryRawUnsafe<
    { name: string; bytes: bigint; files: bigint }[]
  >(
    `SELECT p."name", sum(f."size") AS bytes, count(*) AS files
     FROM "RunFile" f JOIN "Run" r ON r."id" = f."runId" JOIN "Project" p ON p."id" = r."projectId"
     JOIN "Entity" e ON e."id" = p."entityId"
     WHERE e."name" = $1 GROUP BY p."name"`,
    entityName,
  );
  const runRows = await prisma.$queryRawUnsafe<
    { project: string; runId: string; displayName: string; bytes: bigint; files: bigint }[]
  >(
    `SELECT p."name" AS project, r."runId", r."displayName", sum(f."size") AS bytes, count(*) AS files
     FROM "RunFile" f JOIN "Run" r ON r."id" = f."runId" JOIN "Project" p ON p."id" = r."projectId"
     JOIN "Entity" e ON e."id" = p."entityId"
     WHERE e."name" = $1 GROUP BY p."name", r."runId", r."displayName"
     ORDER BY bytes DESC LIMIT 50`,
    entityName,
  );
  const order = (rows: UsageRow[]) =>
    rows.sort((a, b) => (sort === 'name' ? a.name.localeCompare(b.name) : b.bytes - a.bytes));
  return {
    ...usage,
    projects: order(
      projectRows.map((row) => ({
        name: row.name,
        href: `/${entityName}/${row.name}`,
        bytes: Number(row.bytes),
        files: Number(row.files),
      })),
    ),
    runs: order(
      runRows.map((row) => ({
        name: `${row.project}/${row.displayName}`,
        href: `/${entityName}/${row.project}/runs/${row.runId}/files`,
        bytes: Number(row.bytes),
        files: Number(row.files),
      })),
    ),
  };
}
