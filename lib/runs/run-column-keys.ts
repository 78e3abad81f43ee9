import type { Actor } from '../auth/actor';
import { getPool } from '../db/prisma';
import { getProject } from './read-runs';

export interface RunColumnKey {
  /** The column key for the table and its filters: `config.optimizer.lr`, `summary.val/loss`. */
  key: string;
  source: 'config' | 'summary';
  /** The key inside its source, nested keys joined with dots. */
  path: string;
  /** Whether any run holds a number there (offers numeric filters and aggregates). */
  numeric: boolean;
  /** How many runs have a value there. */
  runCount: number;
}

/**
 * Walking every document costs ~1 s for 10,000 runs × 50 keys, so the answer is kept per
 * project (and process) while the project's runs are unchanged (same count and latest
 * update), and for at most `staleMs` while the same runs keep logging: a key first logged
 * in the last seconds may join the picker a little late; a new or deleted run never waits.
 */
const staleMs = 30_000;
const cache = new Map<string, { fingerprint: string; at: number; keys: RunColumnKey[] }>();
const maxCachedProjects = 200;

/** Deep enough for real configs; stops a pathological document from exploding the walk. */
const maxDepth = 6;
const maxKeys = 5_000;

/**
 * Every config and summary key of a project's runs, nested objects flattened to dotted
 * paths (`optimizer.lr`), for the runs table's column picker. Walked in SQL so the JSON
 * never leaves the database.
 */
export async function listRunColumnKeys(
  actor: Actor,
  entityName: string,
  projectName: string,
): Promise<RunColumnKey[]> {
  const project = await getProject(actor, entityName, projectName);
  const pool = getPool();
  const { rows: stamp } = await pool.query<{ n: number; latest: Date | null }>(
    `SELECT count(*)::int AS n, max("updatedAt") AS latest FROM "Run" WHERE "projectId" = $1`,
    [project.id],
  );
  const { n, latest } = stamp[0]!;
  const fingerprint = `${n}/${latest?.getTime() ?? 0}`;
  const cached = cache.get(project.id);
  const sameRuns = cached?.fingerprint.startsWith(`${n}/`);
  if (
    cached &&
    (cached.fingerprint === fingerprint || (sameRuns && Date.now() - cached.at < staleMs))
  ) {
    return cached.keys;
  }
  const keys = await walkKeys(project.id);
  if (cache.size >= maxCachedProjects) cache.delete(cache.keys().next().value!);
  cache.set(project.id, { fingerprint, at: Date.now(), keys });
  return keys;
}

async function walkKeys(projectId: string): Promise<RunColumnKey[]> {
  const { rows } = await getPool().query<{
    source: 'config' | 'summary';
    path: string;
    numeric: boolean;
    runs: number;
  }>(
    `WITH RECURSIVE kv(source, path, value, depth) AS (
       SELECT s.source, e.key, e.value, 1
       FROM "Run" r
       CROSS JOIN LATERAL (VALUES ('config', r."config"), ('summary', r."summary")) s(source, doc)
       CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(s.doc) = 'object' THEN s.doc ELSE '{}'::jsonb END) e
       WHERE r."projectId" = $1
       UNION ALL
       SELECT kv.source, kv.path || '.' || e.key, e.value, kv.depth + 1
       FROM kv CROSS JOIN LATERAL jsonb_each(kv.value) e
       WHERE jsonb_typeof(kv.value) = 'object' AND kv.depth < $2
     )
     SELECT source, path, bool_or(jsonb_typeof(value) = 'number') AS numeric, count(*)::int AS runs
     FROM kv
     WHERE jsonb_typeof(value) <> 'object' OR depth = $2
     GROUP BY source, path
     ORDER BY source, path
     LIMIT $3`,
    [projectId, maxDepth, maxKeys],
  );
  return rows.map((row) => ({
    key: `${row.source}.${row.path}`,
    source: row.source,
    path: row.path,
    numeric: row.numeric,
    runCount: row.runs,
  }));
}
