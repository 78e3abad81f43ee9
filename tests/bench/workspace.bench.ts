/**
 * P5 (DESIGN.md §5): a workspace of 20 panels × 10 runs × 100,000 steps — the time until
 * every panel's data is in, the way the browser asks for it (one `chartSeries` request per
 * panel, all at once, through the real GraphQL route), against the baseline of one series
 * of one run read the same way in the same run.
 *
 * The data comes from support/workspace-data.ts. BENCH_STEPS, BENCH_RUNS, BENCH_PANELS shrink it for a quick look.
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

const query = `query ($input: ChartSeriesInput!) {
  chartSeries(input: $input) { series { runId key sampled bucketWidth x y min max } }
}`;

async function chartSeries(runs: string[], key: string): Promise<number> {
  const response = await POST(
    new NextRequest('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        variables: {
          input: { entity: 'bench', project: 'workspace', runIds: runs, keys: [key], width },
        },
      }),
    }),
  );
  const body = (await response.json()) as {
    data?: { chartSeries: { series: { x: number[] }[] } };
    errors?: unknown;
  };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.chartSeries.series.reduce((n, s) => n + s.x.length, 0);
}

async function timed<T>(run: () => Promise<T>) {
  const t = performance.now();
  const result = await run();
  return { ms: performance.now() - t, result };
}

// Cold: the first read after the data landed (the OS cache is warm from writing it).
const cold = await timed(() => Promise.all(keys.map((key) => chartSeries(runIds, key))));

const baseline: number[] = [];
const workspace: number[] = [];
let points = 0;
for (let i = 0; i < repeats; i++) {
  baseline.push((await timed(() => chartSeries([runIds[0]!], keys[0]!))).ms);
  const all = await timed(() => Promise.all(keys.map((key) => chartSeries(runIds, key))));
  workspace.push(all.ms);
  points = all.result.reduce((a, b) => a + b, 0);
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(
  `\nP5 workspace: ${panelCount} panels × ${runCount} runs × ${steps.toLocaleString()} steps ` +
    `(${((panelCount * runCount * steps) / 1e6).toFixed(0)}M points; set-up ${setupSeconds.toFixed(0)} s)`,
);
console.table([
  {
    what: 'one series (baseline)',
    'median ms': median(baseline).toFixed(1),
    'ratio to baseline': '1.0',
  },
  {
    what: `all ${panelCount} panels, concurrent (warm)`,
    'median ms': median(workspace).toFixed(1),
    'ratio to baseline': (median(workspace) / median(baseline)).toFixed(1),
  },
  {
    what: `all ${panelCount} panels, first read`,
    'median ms': cold.ms.toFixed(1),
    'ratio to baseline': (cold.ms / median(baseline)).toFixed(1),
  },
]);
console.log(
  `points returned for the workspace: ${points.toLocaleString()} (` +
    `${(points / (panelCount * runCount)).toFixed(0)} per series, target ≤ 1,500; P5 target < 2,000 ms)`,
);
await postgres.stop();
process.exit(0);
