/**
 * The P5 workspace data: a public project `bench/workspace` with `runs` runs × `panels` keys
 * (`train/metric_<i>`) × `steps` steps. History is generated inside Postgres (generate_series
 * into the tail, then sealed by the store's own append), because 20M points through the ingest
 * path would take minutes. Import after DATABASE_URL points at the bench database.
 */
export async function seedWorkspace({
  steps,
  runs,
  panels,
}: {
  steps: number;
  runs: number;
  panels: number;
}) {
  const { getPool, getPrisma } = await import('../../../lib/db/prisma');
  const { getMetricsStore } = await import('../../../lib/history');
  const pool = getPool();
  const started = performance.now();
  const keys = Array.from({ length: panels }, (_, i) => `train/metric_${i}`);
  const runIds = Array.from({ length: runs }, (_, r) => `run-${r}`);
  // A reused database (BENCH_DATABASE_URL) already holds the data of an earlier run.
  const seeded = await getPrisma().run.count({
    where: { project: { name: 'workspace', entity: { name: 'bench' } } },
  });
  if (seeded > 0) {
    const metrics = await getPrisma().metric.count({
      where: { run: { project: { name: 'workspace' } } },
    });
    if (seeded !== runs || metrics !== runs * panels)
      throw new Error('BENCH_DATABASE_URL holds a workspace of another size; use a fresh one');
    return { keys, runIds, setupSeconds: 0 };
  }
  const entity = await getPrisma().entity.create({ data: { name: 'bench', kind: 'USER' } });
  // Public, so the anonymous bench reads it through the same permission check as everyone.
  const project = await getPrisma().project.create({
    data: { entityId: entity.id, name: 'workspace', visibility: 'PUBLIC' },
  });
  for (let r = 0; r < runs; r++) {
    const run = await getPrisma().run.create({
      data: {
        projectId: project.id,
        runId: `run-${r}`,
        displayName: `run ${r}`,
        lastStep: steps - 1,
        state: 'FINISHED',
      },
    });
    await pool.query(`INSERT INTO "Metric" ("runId", key) SELECT $1, unnest($2::text[])`, [
      run.id,
      keys,
    ]);
    await pool.query(
      `INSERT INTO "HistoryTailBatch" ("metricId", "stepFirst", "stepLast", steps, "values")
       SELECT m.id, 0, $3::bigint - 1, array_agg(s ORDER BY s),
              array_agg(sin(s / 3000.0 + $2) + (CASE WHEN s % 9973 = 0 THEN 5 ELSE 0 END) + random() * 0.1 ORDER BY s)
       FROM "Metric" m, generate_series(0, $3::bigint - 1) s WHERE m."runId" = $1 GROUP BY m.id`,
      [run.id, r, steps],
    );
    // The store seals every complete block when a series moves past it.
    await getMetricsStore().append(run.id, [
      { step: steps - 1, values: Object.fromEntries(keys.map((key) => [key, 0])) },
    ]);
  }
  await pool.query('VACUUM ANALYZE');
  return { keys, runIds, setupSeconds: (performance.now() - started) / 1000 };
}
