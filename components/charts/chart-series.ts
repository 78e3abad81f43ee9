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

const query = `query ChartSeries($input: ChartSeriesInput!) {
  chartSeries(input: $input) { series { runId key sampled bucketWidth x y min max } }
}`;

export async function fetchChartSeries(
  input: ChartSeriesRequest,
  signal?: AbortSignal,
): Promise<ChartSeriesData[]> {
  const data = await requestGraphQL<{ chartSeries: { series: ChartSeriesData[] } }>(
    query,
    { input },
    signal,
  );
  return data.chartSeries.series;
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
