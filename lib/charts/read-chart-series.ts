import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { getMetricsStore } from '../history';
import type { SeriesRead } from '../history/metrics-store';
import { getProject } from '../runs/read-runs';
import { parseInput } from '../validation';
import {
  chartSeriesInputSchema,
  maxPointsPerSeries,
  type BuiltinXAxis,
  type ChartSeriesInput,
} from './schemas';
import { columnsAgainst, columnsByStep, stepRangeForX, type SeriesColumns } from './series-columns';

export interface ChartSeries extends SeriesColumns {
  /** The run id of URLs and the SDK. */
  runId: string;
  key: string;
  /** True when points are buckets (min/max kept) rather than every step. */
  sampled: boolean;
  /** Steps per bucket when sampled. */
  bucketWidth: number | null;
}

export interface ChartSeriesResult {
  xAxis: string;
  series: ChartSeries[];
  /** Asked-for runs that are not (or no longer) in the project. */
  missingRunIds: string[];
}

interface ChartRun {
  id: string;
  runId: string;
  lastStep: bigint;
  systemOffset: number;
  startedAt: Date;
}

/** At most this many store reads at once per request, leaving pool connections to others. */
const concurrency = 8;

/** System metrics live beside the history under `system/`, stepped by sample index. */
const isSystemKey = (key: string) => key.startsWith('system/');

/**
 * The series of several runs and metrics for one chart: for the x range and pixel width asked,
 * each series has at most ~1,500 points, bucketed with min and max kept when there are more
 * (exact otherwise). On the step axis every run is read over the same step range, so runs
 * shown side by side share one bucket grid; other x-axes (time, any metric) are joined by
 * step, and a zoomed x range is mapped back to each run's step range first, so zooming in far
 * enough returns exact points. Readable by whoever may view the project's runs.
 */
export async function readChartSeries(
  actor: Actor,
  raw: ChartSeriesInput,
): Promise<ChartSeriesResult> {
  const input = parseInput(chartSeriesInputSchema, raw);
  const project = await getProject(actor, input.entity, input.project);
  const runIds = [...new Set(input.runIds)];
  const runs: ChartRun[] = await getPrisma().run.findMany({
    where: { projectId: project.id, runId: { in: runIds } },
    select: { id: true, runId: true, lastStep: true, systemOffset: true, startedAt: true },
  });
  const found = new Map(runs.map((run) => [run.runId, run]));
  const ordered = runIds.flatMap((id) => found.get(id) ?? []);
  const keys = [...new Set(input.keys)];
  // Two points per pixel column (a bucket's band shows its extremes in between), capped.
  const maxPoints = Math.min(maxPointsPerSeries, Math.max(2, input.width * 2));
  // The whole range is the longest run's, so a shorter run's buckets line up with the longer's.
  const lastHistoryStep = Math.max(0, ...ordered.map((run) => Number(run.lastStep)));
  const lastSystemStep = Math.max(0, ...ordered.map((run) => run.systemOffset - 1));
  const reader = new SeriesReader(maxPoints);

  const jobs = ordered.flatMap((run) => keys.map((key) => ({ run, key })));
  const lastStepOf = (key: string) => (isSystemKey(key) ? lastSystemStep : lastHistoryStep);
  // Every read the panel is known to need up front goes to the store in one multi-series call
  // per step range (two SQL statements), instead of three statements per series. What is
  // left (a zoom on a non-step axis narrowing its range) reads series by series, cached.
  await reader.prefetch(
    jobs.flatMap(({ run, key }) => {
      const lastStep = lastStepOf(key);
      if (input.xAxis === '_step')
        return [{ runId: run.id, key, ...stepRange(input.minX, input.maxX, lastStep) }];
      const whole = { fromStep: 0, toStep: lastStep };
      const x = { runId: run.id, key: xSource(run, key, input.xAxis).xKey, ...whole };
      const zoomed = input.minX !== undefined || input.maxX !== undefined;
      return zoomed ? [x] : [x, { runId: run.id, key, ...whole }];
    }),
  );
  const series = await mapLimited(jobs, concurrency, async ({ run, key }) => {
    const lastStep = lastStepOf(key);
    const columns =
      input.xAxis === '_step'
        ? await stepSeries(reader, run, key, input.minX, input.maxX, lastStep)
        : await joinedSeries(reader, run, key, input.xAxis, input.minX, input.maxX, lastStep);
    return { runId: run.runId, key, ...columns };
  });
  return {
    xAxis: input.xAxis,
    series,
    missingRunIds: runIds.filter((id) => !found.has(id)),
  };
}

type ReadColumns = SeriesColumns & { sampled: boolean; bucketWidth: number | null };

function withSampling(read: SeriesRead, columns: SeriesColumns): ReadColumns {
  return {
    ...columns,
    sampled: read.sampled,
    bucketWidth: read.sampled ? read.bucketWidth : null,
  };
}

async function stepSeries(
  reader: SeriesReader,
  run: ChartRun,
  key: string,
  minX: number | undefined,
  maxX: number | undefined,
  lastStep: number,
): Promise<ReadColumns> {
  const { fromStep, toStep } = stepRange(minX, maxX, lastStep);
  const read = await reader.read(run.id, key, fromStep, toStep);
  return withSampling(read, columnsByStep(read));
}

/** The step range of a step-axis chart: the zoom, or every run's range up to the longest's. */
function stepRange(minX: number | undefined, maxX: number | undefined, lastStep: number) {
  const fromStep = Math.max(0, Math.floor(minX ?? 0));
  const toStep = Math.max(fromStep, Math.ceil(maxX ?? lastStep));
  return { fromStep, toStep };
}

/** The series that gives x for a key on a non-step axis, and what to subtract from it. */
function xSource(run: ChartRun, key: string, xAxis: string): { xKey: string; offset: number } {
  const builtin = xAxis as BuiltinXAxis;
  if (builtin === '_timestamp' || builtin === '_runtime') {
    return {
      xKey: isSystemKey(key) ? 'system/_timestamp' : '_timestamp',
      offset: builtin === '_runtime' ? run.startedAt.getTime() / 1000 : 0,
    };
  }
  return { xKey: xAxis, offset: 0 };
}

async function joinedSeries(
  reader: SeriesReader,
  run: ChartRun,
  key: string,
  xAxis: string,
  minX: number | undefined,
  maxX: number | undefined,
  lastStep: number,
): Promise<ReadColumns> {
  const { xKey, offset } = xSource(run, key, xAxis);
  let range = { fromStep: 0, toStep: lastStep };
  let xRead = await reader.read(run.id, xKey, range.fromStep, range.toStep);
  if (minX !== undefined || maxX !== undefined) {
    // Narrow the step range from the x series' buckets until it stops shrinking: each pass
    // reads x finer, so a deep zoom ends on exact points in a few passes.
    for (let pass = 0; pass < 6; pass++) {
      const next = stepRangeForX(
        xRead,
        (minX ?? Number.NEGATIVE_INFINITY) + offset,
        (maxX ?? Number.POSITIVE_INFINITY) + offset,
      );
      if (!next) {
        const empty: SeriesColumns = { x: [], y: [], min: null, max: null, steps: [] };
        return { ...empty, sampled: false, bucketWidth: null };
      }
      if (next.fromStep === range.fromStep && next.toStep === range.toStep) break;
      range = next;
      xRead = await reader.read(run.id, xKey, range.fromStep, range.toStep);
      if (!xRead.sampled) break;
    }
  }
  const yRead = await reader.read(run.id, key, range.fromStep, range.toStep);
  return withSampling(yRead, columnsAgainst(yRead, xRead, offset));
}

interface PlannedRead {
  /** Run.id (the database id). */
  runId: string;
  key: string;
  fromStep: number;
  toStep: number;
}

/** Store reads with the request's point budget, each (run, key, range) read once per request. */
class SeriesReader {
  private readonly cache = new Map<string, Promise<SeriesRead>>();
  constructor(private readonly maxPoints: number) {}

  private static cacheKey({ runId, key, fromStep, toStep }: PlannedRead) {
    return `${runId}\0${key}\0${fromStep}\0${toStep}`;
  }

  /** Reads these series with one store call per distinct step range; later reads hit the cache. */
  async prefetch(reads: PlannedRead[]): Promise<void> {
    const byRange = new Map<string, PlannedRead[]>();
    const seen = new Set<string>();
    for (const read of reads) {
      const cacheKey = SeriesReader.cacheKey(read);
      if (this.cache.has(cacheKey) || seen.has(cacheKey)) continue;
      seen.add(cacheKey);
      const rangeKey = `${read.fromStep}\0${read.toStep}`;
      const group = byRange.get(rangeKey);
      if (group) group.push(read);
      else byRange.set(rangeKey, [read]);
    }
    await Promise.all(
      [...byRange.values()].map(async (group) => {
        const { fromStep, toStep } = group[0]!;
        const answer = getMetricsStore().readSampledMany(
          group.map(({ runId, key }) => ({ runId, key })),
          { fromStep, toStep, maxPoints: this.maxPoints },
        );
        group.forEach((read, index) => {
          const one = answer.then((all) => all[index]!);
          // The failure reaches the caller through `await answer`; these copies stay quiet.
          one.catch(() => {});
          this.cache.set(SeriesReader.cacheKey(read), one);
        });
        await answer;
      }),
    );
  }

  read(runId: string, key: string, fromStep: number, toStep: number): Promise<SeriesRead> {
    const cacheKey = SeriesReader.cacheKey({ runId, key, fromStep, toStep });
    let read = this.cache.get(cacheKey);
    if (!read) {
      read = getMetricsStore().readSampled(runId, key, {
        fromStep,
        toStep,
        maxPoints: this.maxPoints,
      });
      this.cache.set(cacheKey, read);
    }
    return read;
  }
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}
