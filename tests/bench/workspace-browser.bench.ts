/**
 * P5 in the browser (issue #7): the time from opening the project page of a workspace with
 * 20 panels × 10 runs × 100,000 steps until Chromium has drawn every line of every panel,
 * through `npm start`'s production server. Baseline in the same run: the same page of a
 * project with one run and one panel. BENCH_STEPS, BENCH_RUNS, BENCH_PANELS shrink it.
 */
import { chromium, type Page } from '@playwright/test';
import { findChromium } from '../e2e/chromium';
import { startBenchDatabase } from './support/bench-database';
import { startNextServer } from './support/next-server';
import { seedWorkspace } from './support/workspace-data';

const steps = Number(process.env.BENCH_STEPS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 10);
const panels = Number(process.env.BENCH_PANELS ?? 20);
const repeats = 3;

const postgres = await startBenchDatabase();
process.env.AUTH_SECRET ??= 'bench-auth-secret-of-at-least-thirty-two-chars';
const { setupSeconds } = await seedWorkspace({ steps, runs, panels });
// The baseline: one run, one panel, same length.
const { getPool, getPrisma } = await import('../../lib/db/prisma');
const bench = await getPrisma().entity.findUniqueOrThrow({ where: { name: 'bench' } });
const single = await getPrisma().project.create({
  data: { entityId: bench.id, name: 'single', visibility: 'PUBLIC' },
});
const source = await getPrisma().run.findFirstOrThrow({ where: { runId: 'run-0' } });
const copy = await getPrisma().run.create({
  data: {
    projectId: single.id,
    runId: 'run-0',
    displayName: 'run 0',
    lastStep: steps - 1,
    state: 'FINISHED',
  },
});
await getPool().query(
  `WITH m AS (INSERT INTO "Metric" ("runId", key) VALUES ($1, 'train/metric_0') RETURNING id),
        src AS (SELECT id FROM "Metric" WHERE "runId" = $2 AND key = 'train/metric_0')
   INSERT INTO "HistoryChunk" SELECT m.id, c."stepFirst", c."stepLast", c.count, c.min, c.max, c.sum,
     c."valueCount", c."lastValue", c.steps, c.values, c."subFirstStep", c."subMin", c."subMax",
     c."subSum", c."subCount", c."subValueCount"
   FROM "HistoryChunk" c, m, src WHERE c."metricId" = src.id`,
  [copy.id, source.id],
);

const server = await startNextServer(postgres.url);
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });

/** Opens a project page and waits until `plots` panels each show `lines` drawn traces. */
async function drawTime(page: Page, project: string, plots: number, lines: number) {
  const started = performance.now();
  await page.goto(`${server.url}/bench/${project}`);
  await page.waitForFunction(
    ({ plots, lines }) => {
      const drawn = [...document.querySelectorAll('.js-plotly-plot')].filter(
        (plot) => plot.querySelectorAll('.scatterlayer .trace path.js-line').length >= lines,
      );
      return drawn.length >= plots;
    },
    { plots, lines },
    { timeout: 120_000, polling: 50 },
  );
  return performance.now() - started;
}

const results: { baseline: number[]; workspace: number[] } = { baseline: [], workspace: [] };
for (let i = 0; i < repeats; i++) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  results.baseline.push(await drawTime(page, 'single', 1, 1));
  await page.close();
  const workspacePage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  results.workspace.push(await drawTime(workspacePage, 'workspace', panels, runs));
  await workspacePage.close();
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(
  `\nP5 in Chromium: ${panels} panels × ${runs} runs × ${steps.toLocaleString()} steps ` +
    `(set-up ${setupSeconds.toFixed(0)} s), ${repeats} page loads each`,
);
console.table([
  {
    page: '1 panel × 1 run (baseline)',
    'median ms': median(results.baseline).toFixed(0),
    ratio: '1.0',
  },
  {
    page: `${panels} panels × ${runs} runs`,
    'median ms': median(results.workspace).toFixed(0),
    ratio: (median(results.workspace) / median(results.baseline)).toFixed(1),
  },
]);
console.log('P5 target: all panel data < 2,000 ms (navigation start → every line drawn)');

await browser.close();
await server.stop();
await postgres.stop();
process.exit(0);
