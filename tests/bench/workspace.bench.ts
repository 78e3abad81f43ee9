/**
 * P5 (DESIGN.md §5): a workspace of 20 panels × 10 runs × 100,000 steps — the time until
 * every panel's data is in, the way the browser asks for it (every panel as one aliased
 * `chartSeries` field of one GraphQL request, through the real route), against the baseline
 * of one series of one run read the same way in the same run. Also, in the same conditions:
 * one request per panel (the browser's old way), and the store alone, per series (the old
 * path, three SQL statements per series) against readSampledMany (two per panel).
 *
 * The data comes from support/workspace-data.ts. BENCH_STEPS, BENCH_RUNS, BENCH_PANELS shrink it for a quick look;
 * BENCH_DATABASE_URL reuses a database seeded by an earlier run (see support/bench-database.ts).
 */
import { startBenchDatabase } from './support/bench-database';
import { seedWorkspace } from './support/workspace-data';

const steps = Number(process.env.BENCH_STEPS ?? 100_000);
const runCount = Number(process.env.BENCH_RUNS ?? 10);
const panelCount = Number(process.env.BENCH_PANELS ?? 20);
const width = 1000;
const repeats = 5;

const postgres = await startBenchDatabase();
process.env.AUTH_SECRET ??= 'bench-auth-secret-of-at-least-thirty-two-chars';
const { keys, runIds, setupSeconds } = await seedWorkspace({
  steps,
  runs: runCount,
  panels: panelCount,
});
const { POST } = await import('../../app/api/graphql/route');
const { NextRequest } = await import('next/server');

const fields = 'series { runId key sampled bucketWidth x y min max }';
type Batch = Record<string, { series: { x: number[] }[] }>;

async function graphql(query: string, variables: Record<string, unknown>): Promise<Batch> {
  const response = await POST(
    new NextRequest('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }),
  );
  const body = (await response.json()) as { data?: Batch; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const panelInput = (runs: string[], key: string) => ({
  entity: 'bench',
  project: 'workspace',
  runIds: runs,
  keys: [key],
  width,
});
const pointsOf = (data: Batch) =>
  Object.values(data).reduce((n, panel) => n + panel.series.reduce((m, s) => m + s.x.length, 0), 0);

/** One `chartSeries` request for one panel (how the browser asked before batching). */
async function chartSeries(runs: string[], key: string): Promise<number> {
  return pointsOf(
    await graphql(
      `query ($input: ChartSeriesInput!) { chartSeries(input: $input) { ${fields} } }`,
      {
        input: panelInput(runs, key),
      },
    ),
  );
}

/** Every panel in one GraphQL document, one aliased field each (how the browser asks now). */
async function batchedPanels(runs: string[]): Promise<number> {
  const query = `query (${keys.map((_, i) => `$i${i}: ChartSeriesInput!`).join(', ')}) {
    ${keys.map((_, i) => `p${i}: chartSeries(input: $i${i}) { ${fields} }`).join(' ')}
  }`;
  return pointsOf(
    await graphql(
      query,
      Object.fromEntries(keys.map((key, i) => [`i${i}`, panelInput(runs, key)])),
    ),
  );
}

// The store alone, the old way and the new way, in the same conditions: per panel, one
// readSampled per series 8 at a time (three SQL statements each), or one readSampledMany.
const { getMetricsStore } = await import('../../lib/history');
const { getPrisma } = await import('../../lib/db/prisma');
const store = getMetricsStore();
const runDbIds = (
  await getPrisma().run.findMany({
    where: { project: { name: 'workspace' }, runId: { in: runIds } },
    select: { id: true },
  })
).map((run) => run.id);
const storeRange = { fromStep: 0, toStep: steps - 1, maxPoints: Math.min(1500, width * 2) };

async function storePerSeries(): Promise<number> {
  const panels = await Promise.all(
    keys.map(async (key) => {
      let points = 0;
      const queue = [...runDbIds];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let id = queue.shift(); id; id = queue.shift())
            points += (await store.readSampled(id, key, storeRange)).points.length;
        }),
      );
      return points;
    }),
  );
  return panels.reduce((a, b) => a + b, 0);
}

async function storeMany(): Promise<number> {
  const panels = await Promise.all(
    keys.map((key) =>
      store.readSampledMany(
        runDbIds.map((runId) => ({ runId, key })),
        storeRange,
      ),
    ),
  );
  return panels.flat().reduce((n, read) => n + read.points.length, 0);
}

async function timed<T>(run: () => Promise<T>) {
  const t = performance.now();
  const result = await run();
  return { ms: performance.now() - t, result };
}

// Cold: the first read after the data landed (the OS cache is warm from writing it).
const cold = await timed(() => batchedPanels(runIds));

const measures = {
  baseline: [] as number[],
  storePerSeries: [] as number[],
  storeMany: [] as number[],
  perPanel: [] as number[],
  batched: [] as number[],
};
let points = 0;
for (let i = 0; i < repeats; i++) {
  measures.baseline.push((await timed(() => chartSeries([runIds[0]!], keys[0]!))).ms);
  measures.storePerSeries.push((await timed(storePerSeries)).ms);
  measures.storeMany.push((await timed(storeMany)).ms);
  measures.perPanel.push(
    (await timed(() => Promise.all(keys.map((key) => chartSeries(runIds, key))))).ms,
  );
  const all = await timed(() => batchedPanels(runIds));
  measures.batched.push(all.ms);
  points = all.result;
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const base = median(measures.baseline);
const row = (what: string, ms: number) => ({
  what,
  'median ms': ms.toFixed(1),
  'ratio to baseline': (ms / base).toFixed(1),
});

console.log(
  `\nP5 workspace: ${panelCount} panels × ${runCount} runs × ${steps.toLocaleString()} steps ` +
    `(${((panelCount * runCount * steps) / 1e6).toFixed(0)}M points; set-up ${setupSeconds.toFixed(0)} s` +
    `${setupSeconds === 0 ? ', reused database' : ''}), median of ${repeats}`,
);
console.table([
  row('one series through GraphQL (baseline)', base),
  row(
    `store: ${panelCount * runCount} × readSampled, 8 per panel at once (old path)`,
    median(measures.storePerSeries),
  ),
  row(`store: ${panelCount} × readSampledMany (one per panel)`, median(measures.storeMany)),
  row(`GraphQL: ${panelCount} requests, one per panel`, median(measures.perPanel)),
  row(`GraphQL: all ${panelCount} panels in one request (the page)`, median(measures.batched)),
  row(`GraphQL: all panels in one request, first read`, cold.ms),
]);
console.log(
  `store speed-up (old path / readSampledMany): ${(median(measures.storePerSeries) / median(measures.storeMany)).toFixed(1)}×`,
);
console.log(
  `points returned for the workspace: ${points.toLocaleString()} (` +
    `${(points / (panelCount * runCount)).toFixed(0)} per series, target ≤ 1,500; P5 target < 2,000 ms)`,
);
await postgres.stop();
process.exit(0);
