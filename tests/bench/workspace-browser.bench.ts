/**
 * P5 in the browser (issue #7): the time from opening the project page of a workspace with
 * 20 panels × 10 runs × 100,000 steps until Chromium has drawn every line of every panel,
 * through `npm start`'s production server, and until the first screen's panels are drawn
 * (charts further down draw as they are scrolled near). Baseline in the same run: the same
 * page of a project with one run and one panel. BENCH_STEPS, BENCH_RUNS, BENCH_PANELS shrink
 * it; BENCH_DATABASE_URL reuses a database seeded by an earlier run.
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
const existing = await getPrisma().project.findFirst({
  where: { entityId: bench.id, name: 'single' },
});
if (!existing) {
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
}

const server = await startNextServer(postgres.url);
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });

/**
 * Opens a project page and times two moments from navigation start: the first screenful of
 * panels (within one window height of the first panel) showing `lines` drawn traces each,
 * then all `plots` panels drawn, scrolling down half a
 * screen whenever one poll finds some still missing (charts further down draw as they come
 * near the viewport, the way a person scrolling sees them).
 */
async function drawTimes(page: Page, project: string, plots: number, lines: number) {
  const started = performance.now();
  await page.goto(`${server.url}/bench/${project}`);
  const panelsDrawn = (scroll: boolean) =>
    page.waitForFunction(
      ({ plots, lines, scroll }) => {
        const panels = [
          ...document.querySelectorAll('section[aria-labelledby="workspace-heading"] ul > li'),
        ];
        if (panels.length < plots) return false;
        // No named helpers in here: tsx would wrap them in a __name() the page lacks.
        const drawn = panels.map(
          (panel) => panel.querySelectorAll('.scatterlayer .trace path.js-line').length >= lines,
        );
        if (!scroll) {
          // The first screenful of panels: those within one window height of the first one
          // (the runs table above may fill the window itself).
          const tops = panels.map((panel) => panel.getBoundingClientRect().top);
          return tops.every((top, index) => top >= tops[0]! + window.innerHeight || drawn[index]);
        }
        if (drawn.every(Boolean)) return true;
        window.scrollBy(0, window.innerHeight / 2);
        return false;
      },
      { plots, lines, scroll },
      { timeout: 120_000, polling: 50 },
    );
  await panelsDrawn(false);
  const firstScreen = performance.now() - started;
  await panelsDrawn(true);
  return { firstScreen, all: performance.now() - started };
}

const results = {
  baseline: [] as number[],
  firstScreen: [] as number[],
  workspace: [] as number[],
};
for (let i = 0; i < repeats; i++) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  results.baseline.push((await drawTimes(page, 'single', 1, 1)).all);
  await page.close();
  const workspacePage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const times = await drawTimes(workspacePage, 'workspace', panels, runs);
  results.firstScreen.push(times.firstScreen);
  results.workspace.push(times.all);
  await workspacePage.close();
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(
  `\nP5 in Chromium: ${panels} panels × ${runs} runs × ${steps.toLocaleString()} steps ` +
    `(set-up ${setupSeconds.toFixed(0)} s${setupSeconds === 0 ? ', reused database' : ''}), ${repeats} page loads each`,
);
const base = median(results.baseline);
console.table([
  { page: '1 panel × 1 run (baseline)', 'median ms': base.toFixed(0), ratio: '1.0' },
  {
    page: `${panels} panels × ${runs} runs: first screen drawn`,
    'median ms': median(results.firstScreen).toFixed(0),
    ratio: (median(results.firstScreen) / base).toFixed(1),
  },
  {
    page: `${panels} panels × ${runs} runs: every line drawn (scrolling down)`,
    'median ms': median(results.workspace).toFixed(0),
    ratio: (median(results.workspace) / base).toFixed(1),
  },
]);
console.log('P5 target: all panel data < 2,000 ms (navigation start → every line drawn)');

await browser.close();
await server.stop();
await postgres.stop();
process.exit(0);
