import { requestGraphQL } from './graphql-client';

/** One series as `Query.chartSeries` returns it (see lib/charts/read-chart-series.ts). */
export interface ChartSeriesData {
  runId: string;
  key: string;
  sampled: boolean;
  bucketWidth: number | null;
  x: number[];
  y: (number | null)[];
  min: (number | null)[] | null;
  max: (number | null)[] | null;
}

export interface ChartSeriesRequest {
  entity: string;
  project: string;
  runIds: string[];
  keys: string[];
  xAxis: string;
  minX?: number;
  maxX?: number;
  width: number;
}

const seriesFields = 'series { runId key sampled bucketWidth x y min max }';

/**
 * Panels that ask within this window share one HTTP request: a workspace's panels mount (and
 * measure their width, and tick for live updates) together, and 20 requests of one panel
 * each cost the browser and the server more than one request of 20 panels.
 */
const batchWindowMs = 8;
/** Bounds one batched request, so a huge workspace still answers in several parts. */
const maxPanelsPerRequest = 24;

interface PendingRead {
  input: ChartSeriesRequest;
  signal?: AbortSignal;
  resolve: (series: ChartSeriesData[]) => void;
  reject: (reason: unknown) => void;
}

let queue: PendingRead[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * One panel's series from `Query.chartSeries`. Calls made close together are sent as one
 * GraphQL document (one aliased `chartSeries` field per panel); each caller still gets its
 * own answer or error, and aborting stops waiting for that panel only.
 */
export function fetchChartSeries(
  input: ChartSeriesRequest,
  signal?: AbortSignal,
): Promise<ChartSeriesData[]> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    queue.push({ input, signal, resolve, reject });
    signal?.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
    flushTimer ??= setTimeout(flushQueue, batchWindowMs);
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Aborted', 'AbortError');
}

function flushQueue() {
  flushTimer = null;
  const pending = queue.filter((read) => !read.signal?.aborted);
  queue = [];
  for (let start = 0; start < pending.length; start += maxPanelsPerRequest)
    void sendBatch(pending.slice(start, start + maxPanelsPerRequest));
}

async function sendBatch(batch: PendingRead[]) {
  // The shared request stops once no panel in it waits any more.
  const controller = new AbortController();
  let waiting = batch.length;
  for (const read of batch)
    read.signal?.addEventListener('abort', () => --waiting === 0 && controller.abort(), {
      once: true,
    });
  // A panel alone (a zoom, a retry) is sent as the plain query any API client would send.
  const single = batch.length === 1;
  const variables = single
    ? { input: batch[0]!.input }
    : Object.fromEntries(batch.map((read, i) => [`input${i}`, read.input]));
  const query = single
    ? `query ChartSeries($input: ChartSeriesInput!) { panel0: chartSeries(input: $input) { ${seriesFields} } }`
    : `query ChartSeriesBatch(${batch.map((_, i) => `$input${i}: ChartSeriesInput!`).join(', ')}) {
    ${batch.map((_, i) => `panel${i}: chartSeries(input: $input${i}) { ${seriesFields} }`).join('\n    ')}
  }`;
  try {
    const data = await requestGraphQL<Record<string, { series: ChartSeriesData[] }>>(
      query,
      variables,
      controller.signal,
    );
    batch.forEach((read, i) => read.resolve(data[`panel${i}`]!.series));
  } catch (reason) {
    if (controller.signal.aborted || batch.length === 1) {
      batch.forEach((read) => read.reject(reason));
      return;
    }
    // One panel's bad input fails the whole document (the field is non-null): ask again
    // panel by panel, so each shows its own error and the others their lines.
    await Promise.all(
      batch.filter((read) => !read.signal?.aborted).map((read) => sendBatch([read])),
    );
  }
}

export async function fetchChartKeys(
  entity: string,
  project: string,
  runIds: string[],
  signal?: AbortSignal,
): Promise<string[]> {
  const data = await requestGraphQL<{ chartKeys: string[] }>(
    `query ChartKeys($entity: String!, $project: String!, $runIds: [String!]!) {
      chartKeys(entity: $entity, project: $project, runIds: $runIds)
    }`,
    { entity, project, runIds },
    signal,
  );
  return data.chartKeys;
}

/** The y keys a panel shows: its listed keys, then every other key its regex matches. */
export function resolvePanelKeys(
  panel: { yKeys: string[]; yRegex?: string },
  available: readonly string[],
): string[] {
  const keys = [...panel.yKeys];
  if (panel.yRegex) {
    let pattern: RegExp | null = null;
    try {
      pattern = new RegExp(panel.yRegex);
    } catch {
      pattern = null;
    }
    if (pattern) {
      for (const key of available)
        if (!key.startsWith('_') && pattern.test(key) && !keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

export const xAxisLabels: Record<string, string> = {
  _step: 'Step',
  _timestamp: 'Wall time',
  _runtime: 'Relative time (s)',
};
