import type { Run } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { getPool } from '../db/prisma';
import { can } from '../permissions/catalog';
import { parseInput } from '../validation';
import { getProject } from './read-runs';
import { environmentFor } from './run-environment';
import {
  groupValueSql,
  numericValueSql,
  orderBySql,
  runsFrom,
  runtimeSql,
  SqlParams,
  whereSql,
} from './runs-table-sql';
import { runsTableSpecSchema, type RunsTableSpecInput } from './runs-table-spec';

export interface RunsTableRow {
  run: Run;
  author: string | null;
  runtimeSeconds: number;
  /** What the viewer may do to this run (the catalog's "own" rules differ per run). */
  canDelete: boolean;
  canMove: boolean;
}

export interface RunsTableGroup {
  /** The group's value (JSON: text, number, boolean) or null for runs without one. */
  value: unknown;
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export interface RunsTablePage {
  totalCount: number;
  offset: number;
  rows: RunsTableRow[];
  /** Present when the spec groups: every group of the filtered runs, largest first (at most 500). */
  groups: RunsTableGroup[] | null;
  /** Project-wide permissions for the page's controls. */
  canEdit: boolean;
  canEditWorkspace: boolean;
}

const maxGroups = 500;

const finite = (value: unknown) =>
  value === null || value === undefined || !Number.isFinite(Number(value)) ? null : Number(value);

/**
 * One page of a project's runs, filtered, searched and sorted in SQL (P7: 10,000 runs ×
 * 50 keys under 500 ms), with the total count and, when grouping, per-group counts and
 * min/max/mean of one numeric column. The project is resolved through getProject, which
 * asks the catalog for `run:view`; every statement is scoped to that project's id.
 */
export async function queryRunsTable(
  actor: Actor,
  entityName: string,
  projectName: string,
  /** Validated here (it comes from the network): RunsTableSpecInput. */
  input: RunsTableSpecInput | Record<string, unknown> = {},
): Promise<RunsTablePage> {
  const spec = parseInput(runsTableSpecSchema, input);
  const project = await getProject(actor, entityName, projectName);
  const pool = getPool();

  const pageParams = new SqlParams();
  const pageWhere = whereSql(project.id, spec, pageParams);
  const pageOrder = orderBySql(spec, pageParams);
  // Prisma stores UTC in zone-less timestamps; restating them as timestamptz (later columns
  // win in pg's row objects) keeps the Dates right whatever the server's time zone.
  const utc = ['heartbeatAt', 'startedAt', 'finishedAt', 'createdAt', 'updatedAt']
    .map((c) => `r."${c}" AT TIME ZONE 'UTC' AS "${c}"`)
    .join(', ');
  const pageSql = `SELECT r.*, ${utc}, u."username" AS "authorUsername", ${runtimeSql} AS "runtimeSeconds"
    FROM ${runsFrom} WHERE ${pageWhere} ORDER BY ${pageOrder}
    LIMIT ${pageParams.add(spec.first)} OFFSET ${pageParams.add(spec.offset)}`;

  const countParams = new SqlParams();
  const countSql = `SELECT count(*)::int AS n FROM ${runsFrom} WHERE ${whereSql(project.id, spec, countParams)}`;

  let groupsQuery: Promise<RunsTableGroup[]> | null = null;
  if (spec.groupBy) {
    const groupParams = new SqlParams();
    const value = groupValueSql(spec.groupBy, groupParams);
    const numeric = spec.aggregate ? numericValueSql(spec.aggregate, groupParams) : 'NULL::float8';
    const where = whereSql(project.id, spec, groupParams);
    groupsQuery = pool
      .query<{ value: unknown; count: number; min: number; max: number; mean: number }>(
        `SELECT g.value, count(*)::int AS count, min(g.x) AS min, max(g.x) AS max, avg(g.x) AS mean
         FROM (SELECT NULLIF(${value}, 'null'::jsonb) AS value, ${numeric} AS x FROM ${runsFrom} WHERE ${where}) g
         GROUP BY g.value ORDER BY count(*) DESC, g.value ASC NULLS LAST LIMIT ${maxGroups}`,
        groupParams.values,
      )
      .then(({ rows }) =>
        rows.map((row) => ({
          value: row.value ?? null,
          count: row.count,
          min: finite(row.min),
          max: finite(row.max),
          mean: finite(row.mean),
        })),
      );
  }

  // Three independent statements on separate pooled connections, so they run side by side.
  const [page, count, groups] = await Promise.all([
    pool.query<Run & { authorUsername: string | null; runtimeSeconds: number }>(
      pageSql,
      pageParams.values,
    ),
    pool.query<{ n: number }>(countSql, countParams.values),
    groupsQuery,
  ]);

  const rows = page.rows.map(({ authorUsername, runtimeSeconds, ...run }) => {
    const resource = {
      access: project.access,
      visibility: project.visibility,
      createdById: run.createdById,
    };
    return {
      run: environmentFor(actor, resource, run as Run),
      author: authorUsername,
      runtimeSeconds: Math.max(0, Number(runtimeSeconds)),
      canDelete: can(actor, 'run:delete', resource),
      canMove: can(actor, 'run:move', resource),
    };
  });
  const projectResource = { access: project.access, visibility: project.visibility };
  return {
    totalCount: count.rows[0]!.n,
    offset: spec.offset,
    rows,
    groups,
    canEdit: can(actor, 'run:edit', projectResource),
    canEditWorkspace: can(actor, 'workspace:edit', projectResource),
  };
}
