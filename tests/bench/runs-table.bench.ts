/**
 * P7: the runs table over 10,000 runs × 50 config/summary fields (25 + 25, some nested).
 * Each case goes through the real service (spec parsing, access check, SQL, mapping), and
 * is compared with a baseline: a plain `SELECT … ORDER BY "createdAt" DESC LIMIT 50` of the
 * same project. Prints p50/p95 and the ratio to the baseline; asserts nothing.
 */
import pg from 'pg';
import { startBenchDatabase } from './support/bench-database';

const runCount = 10_000;
const iterations = 40;
const postgres = await startBenchDatabase();
const client = new pg.Client({ connectionString: postgres.url });
await client.connect();

const { getPrisma } = await import('../../lib/db/prisma');
const { queryRunsTable } = await import('../../lib/runs/query-runs-table');
const { listRunColumnKeys } = await import('../../lib/runs/run-column-keys');

const prisma = getPrisma();
const user = await prisma.user.create({
  data: { username: 'bench', entity: { create: { name: 'bench', kind: 'USER' } } },
});
const entity = await prisma.entity.findUniqueOrThrow({ where: { name: 'bench' } });
const project = await prisma.project.create({
  data: { entityId: entity.id, name: 'p7', createdById: user.id },
});
const actor = {
  kind: 'user' as const,
  userId: user.id,
  username: 'bench',
  isSystemAdmin: false,
  via: 'session' as const,
};

// Deterministic pseudo-random values, so every run of the benchmark sees the same data.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const optimizers = ['adam', 'sgd', 'adamw', 'rmsprop'];
const states = ['FINISHED', 'FINISHED', 'FINISHED', 'FAILED', 'CRASHED', 'RUNNING'];

function config(i: number) {
  const fields: Record<string, unknown> = {
    lr: Number((10 ** -(1 + random() * 4)).toPrecision(3)),
    batch: [16, 32, 64, 128, 256][i % 5],
    optimizer: { name: optimizers[i % 4], momentum: Number(random().toFixed(3)) },
    dataset: `set-${i % 17}`,
  };
  for (let k = 0; k < 21; k++) fields[`param_${k}`] = k % 3 === 0 ? `v${(i * k) % 50}` : random();
  return fields;
}
function summary() {
  const fields: Record<string, unknown> = { acc: random(), 'val/loss': random() * 3 };
  for (let k = 0; k < 23; k++) fields[`metric/${k}`] = random() * 100;
  return fields;
}

console.log(`Inserting ${runCount} runs × 50 fields…`);
const started = Date.now();
for (let batch = 0; batch < runCount / 500; batch++) {
  const values: unknown[] = [];
  const rows: string[] = [];
  for (let j = 0; j < 500; j++) {
    const i = batch * 500 + j;
    const p = values.length;
    rows.push(
      `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::"RunState", $${p + 6}::text[], $${p + 7}, $${p + 8}::jsonb, $${p + 9}::jsonb, $${p + 10}::timestamp, $${p + 10}::timestamp, $${p + 10}::timestamp, now())`,
    );
    const created = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString().replace('Z', '');
    values.push(
      `bench-${i}`,
      project.id,
      `run-${i}`,
      `run ${i} ${optimizers[i % 4]}`,
      states[i % states.length],
      i % 10 === 0 ? ['baseline'] : ['sweep', `s${i % 7}`],
      user.id,
      JSON.stringify(config(i)),
      JSON.stringify(summary()),
      created,
    );
  }
  await client.query(
    `INSERT INTO "Run" (id, "projectId", "runId", "displayName", state, tags, "createdById", config, summary, "createdAt", "startedAt", "heartbeatAt", "updatedAt") VALUES ${rows.join(', ')}`,
    values,
  );
}
await client.query('VACUUM ANALYZE "Run"');
console.log(`Inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`);

async function measure(name: string, work: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await work(); // warm up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    p50: times[Math.floor(iterations * 0.5)]!,
    p95: times[Math.floor(iterations * 0.95)]!,
  };
}

const filterSortPage = {
  filters: [
    { key: 'summary.acc', op: 'gt', value: 0.5 },
    { key: 'config.optimizer.name', op: 'in', values: ['adam', 'adamw'] },
    { key: 'state', op: 'eq', value: 'FINISHED' },
  ],
  sort: [{ key: 'summary.val/loss', desc: false }],
  first: 50,
};

// The key walk is cached per project; the first call pays for walking every document.
const coldStarted = performance.now();
await listRunColumnKeys(actor, 'bench', 'p7');
const keysCold = performance.now() - coldStarted;

const results = [
  await measure('baseline: SELECT … ORDER BY createdAt LIMIT 50', () =>
    client.query(`SELECT * FROM "Run" WHERE "projectId" = $1 ORDER BY "createdAt" DESC LIMIT 50`, [
      project.id,
    ]),
  ),
  await measure('service: first page, default order', () =>
    queryRunsTable(actor, 'bench', 'p7', { first: 50 }),
  ),
  await measure('service: 3 filters + sort summary.val/loss + page 1', () =>
    queryRunsTable(actor, 'bench', 'p7', filterSortPage),
  ),
  await measure('service: same, page 20 (offset 950)', () =>
    queryRunsTable(actor, 'bench', 'p7', { ...filterSortPage, offset: 950 }),
  ),
  await measure('service: search + sort config.lr + tags filter', () =>
    queryRunsTable(actor, 'bench', 'p7', {
      search: 'adam',
      filters: [{ key: 'tags', op: 'eq', value: 'sweep' }],
      sort: [{ key: 'config.lr', desc: true }],
    }),
  ),
  await measure('service: group by config.optimizer.name, mean of summary.acc', () =>
    queryRunsTable(actor, 'bench', 'p7', {
      groupBy: 'config.optimizer.name',
      aggregate: 'summary.acc',
      filters: [{ key: 'config.batch', op: 'gte', value: 64 }],
    }),
  ),
  await measure('service: column keys, cached (cold walk printed below)', () =>
    listRunColumnKeys(actor, 'bench', 'p7'),
  ),
];
const check = await queryRunsTable(actor, 'bench', 'p7', filterSortPage);
const baseline = results[0]!.p50;
console.log(
  `\nP7 runs table: ${runCount} runs × 50 fields; filtered total ${check.totalCount}, ${iterations} iterations each (target < 500 ms)`,
);
console.table(
  results.map((r) => ({
    case: r.name,
    'p50 ms': r.p50.toFixed(1),
    'p95 ms': r.p95.toFixed(1),
    'p50 / baseline': (r.p50 / baseline).toFixed(1),
  })),
);
console.log(`Column keys, cold (walks all ${runCount} documents): ${keysCold.toFixed(0)} ms`);
await client.end();
await prisma.$disconnect();
await postgres.stop();
process.exit(0);
