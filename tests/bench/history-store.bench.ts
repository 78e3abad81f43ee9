/**
 * P4 and P6 (DESIGN.md §5) on the Postgres metrics store, with baselines in the same run:
 * - append throughput of 1,000,000 steps (in-process, no HTTP) vs a raw unnest INSERT of the
 *   same points into a plain narrow table;
 * - a chart query over the whole 1M-step range (≤1,500 points, min/max kept), warm and cold,
 *   vs the same bucketed min/max query on the plain narrow table;
 * - bytes per stored point (pg_total_relation_size) vs the narrow table.
 */
import { startBenchDatabase } from './support/bench-database';

const steps = Number(process.env.BENCH_STEPS ?? 1_000_000);
const batch = 5000;
const postgres = await startBenchDatabase();
const { getPool, getPrisma } = await import('../../lib/db/prisma');
const { getMetricsStore } = await import('../../lib/history');
const pool = getPool();
const store = getMetricsStore();

const value = (step: number) =>
  Math.sin(step / 5000) + (step % 997 === 0 ? 50 : 0) + Math.random() * 0.1;

const entity = await getPrisma().entity.create({ data: { name: 'bench', kind: 'USER' } });
const project = await getPrisma().project.create({ data: { entityId: entity.id, name: 'bench' } });
const run = await getPrisma().run.create({
  data: { projectId: project.id, runId: 'r1', displayName: 'r1' },
});

// Store append.
let started = performance.now();
for (let start = 0; start < steps; start += batch) {
  const rows = Array.from({ length: Math.min(batch, steps - start) }, (_, i) => ({
    step: start + i,
    values: { loss: value(start + i) },
  }));
  await store.append(run.id, rows);
}
const appendSeconds = (performance.now() - started) / 1000;

// Baseline: the same points into a plain narrow table.
await pool.query(
  'CREATE TABLE narrow (metric_id bigint, step bigint, value float8, PRIMARY KEY (metric_id, step))',
);
started = performance.now();
for (let start = 0; start < steps; start += batch) {
  const n = Math.min(batch, steps - start);
  const stepArray = Array.from({ length: n }, (_, i) => start + i);
  await pool.query('INSERT INTO narrow SELECT 1, * FROM unnest($1::bigint[], $2::float8[])', [
    stepArray,
    stepArray.map(value),
  ]);
}
const narrowSeconds = (performance.now() - started) / 1000;

async function timeQueries(run: () => Promise<unknown>, times = 30) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return {
    first: samples[0]!,
    p50: samples[Math.floor(times * 0.5)]!,
    p95: samples[Math.floor(times * 0.95)]!,
  };
}

// What autovacuum does on its own shortly after a burst of sealing: dead tail rows are cleared.
await pool.query('VACUUM ANALYZE "HistoryTailBatch"');
await pool.query('VACUUM ANALYZE "HistoryChunk"');
await pool.query('VACUUM ANALYZE narrow');
const maxPoints = 1500;
const width = Math.ceil(steps / maxPoints);
await pool.query('DISCARD ALL');
const coldStart = performance.now();
const cold = await store.readSampled(run.id, 'loss', { fromStep: 0, toStep: steps - 1, maxPoints });
const coldMs = performance.now() - coldStart;
const warm = await timeQueries(() =>
  store.readSampled(run.id, 'loss', { fromStep: 0, toStep: steps - 1, maxPoints }),
);
const zoom = await timeQueries(() =>
  store.readSampled(run.id, 'loss', { fromStep: 400_000, toStep: 400_000 + 300_000, maxPoints }),
);
const exact = await timeQueries(() =>
  store.readSampled(run.id, 'loss', { fromStep: 500_000, toStep: 501_000, maxPoints }),
);
const narrowWarm = await timeQueries(() =>
  pool.query(
    'SELECT step / $1 AS b, min(step), min(value), max(value), avg(value) FROM narrow WHERE metric_id = 1 GROUP BY 1 ORDER BY 1',
    [width],
  ),
);

const size = async (sql: string) =>
  Number((await pool.query<{ bytes: string }>(sql)).rows[0]!.bytes);
const storeBytes = await size(
  `SELECT pg_total_relation_size('"HistoryChunk"') + pg_total_relation_size('"HistoryTailBatch"') AS bytes`,
);
const narrowBytes = await size(`SELECT pg_total_relation_size('narrow') AS bytes`);
// Steady state: autovacuum gives the tail's dead rows back for reuse; VACUUM FULL measures
// what the data itself takes once that space is reclaimed.
await pool.query('VACUUM FULL "HistoryTailBatch"');
await pool.query('VACUUM FULL narrow');
const storeBytesVacuumed = await size(
  `SELECT pg_total_relation_size('"HistoryChunk"') + pg_total_relation_size('"HistoryTailBatch"') AS bytes`,
);
const narrowBytesVacuumed = await size(`SELECT pg_total_relation_size('narrow') AS bytes`);

console.log(
  `\nHistory store, one series of ${steps.toLocaleString()} steps (embedded Postgres 18, this machine)`,
);
console.table([
  {
    measure: 'append, points/s',
    store: Math.round(steps / appendSeconds),
    'narrow table': Math.round(steps / narrowSeconds),
    ratio: (narrowSeconds / appendSeconds).toFixed(2),
  },
  {
    measure: 'full-range chart query, cold ms',
    store: coldMs.toFixed(1),
    'narrow table': '',
    ratio: '',
  },
  {
    measure: 'full-range chart query, warm p50 ms',
    store: warm.p50.toFixed(1),
    'narrow table': narrowWarm.p50.toFixed(1),
    ratio: (warm.p50 / narrowWarm.p50).toFixed(2),
  },
  {
    measure: 'full-range chart query, warm p95 ms',
    store: warm.p95.toFixed(1),
    'narrow table': narrowWarm.p95.toFixed(1),
    ratio: (warm.p95 / narrowWarm.p95).toFixed(2),
  },
  {
    measure: '300k-step zoom, warm p95 ms',
    store: zoom.p95.toFixed(1),
    'narrow table': '',
    ratio: '',
  },
  {
    measure: '1k-step zoom (exact), warm p95 ms',
    store: exact.p95.toFixed(1),
    'narrow table': '',
    ratio: '',
  },
  {
    measure: 'bytes per point, after VACUUM FULL',
    store: (storeBytesVacuumed / steps).toFixed(1),
    'narrow table': (narrowBytesVacuumed / steps).toFixed(1),
    ratio: (storeBytesVacuumed / narrowBytesVacuumed).toFixed(2),
  },
  {
    measure: 'bytes per point on disk',
    store: (storeBytes / steps).toFixed(1),
    'narrow table': (narrowBytes / steps).toFixed(1),
    ratio: (storeBytes / narrowBytes).toFixed(2),
  },
]);
console.log(`points returned for the full range: ${cold.points.length} (sampled: ${cold.sampled})`);
await getPrisma().$disconnect();
await pool.end();
await postgres.stop();
