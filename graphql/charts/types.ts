import { listChartKeys } from '@/lib/charts/chart-keys';
import type { ChartSeries, ChartSeriesResult } from '@/lib/charts/read-chart-series';
import { readChartSeries } from '@/lib/charts/read-chart-series';
import { builder } from '../builder';

const ChartSeriesRef = builder.objectRef<ChartSeries>('ChartSeries').implement({
  description:
    'One run’s metric as a chart draws it: parallel columns, at most ~1,500 points for the range asked',
  fields: (t) => ({
    runId: t.exposeString('runId', { description: 'The id in URLs and the SDK' }),
    key: t.exposeString('key'),
    sampled: t.exposeBoolean('sampled', {
      description:
        'True when points are buckets (mean, with min and max kept) rather than every step',
    }),
    bucketWidth: t.exposeInt('bucketWidth', { nullable: true, description: 'Steps per bucket' }),
    x: t.exposeFloatList('x', {
      description: 'Step, seconds since the epoch, seconds since the run started, or the x metric',
    }),
    y: t.exposeFloatList('y', {
      nullable: { list: false, items: true },
      description: 'Null where the value is NaN or ±Infinity',
    }),
    min: t.exposeFloatList('min', { nullable: { list: true, items: true } }),
    max: t.exposeFloatList('max', { nullable: { list: true, items: true } }),
    steps: t.exposeFloatList('steps', {
      description: 'The first step each point stands for',
    }),
  }),
});

const ChartSeriesResultRef = builder.objectRef<ChartSeriesResult>('ChartSeriesResult').implement({
  fields: (t) => ({
    xAxis: t.exposeString('xAxis'),
    series: t.field({ type: [ChartSeriesRef], resolve: (result) => result.series }),
    missingRunIds: t.exposeStringList('missingRunIds', {
      description: 'Runs asked for that are not in the project (deleted or moved)',
    }),
  }),
});

const ChartSeriesInput = builder.inputType('ChartSeriesInput', {
  fields: (t) => ({
    entity: t.string({ required: true }),
    project: t.string({ required: true }),
    runIds: t.stringList({ required: true }),
    keys: t.stringList({ required: true }),
    xAxis: t.string({
      description: '`_step` (default), `_timestamp` (wall time), `_runtime` or any logged metric',
    }),
    minX: t.float(),
    maxX: t.float(),
    width: t.int({ description: 'The plot width in pixels (default 1000)' }),
  }),
});

builder.queryFields((t) => ({
  chartSeries: t.field({
    type: ChartSeriesResultRef,
    description:
      'Metrics of several runs for one chart, sampled server-side on one step grid (min/max per bucket kept), exact when the range is small',
    args: { input: t.arg({ type: ChartSeriesInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      readChartSeries(ctx.actor, {
        ...input,
        xAxis: input.xAxis ?? undefined,
        minX: input.minX ?? undefined,
        maxX: input.maxX ?? undefined,
        width: input.width ?? undefined,
      }),
  }),
  chartKeys: t.stringList({
    description: 'Every metric key (history and system/…) logged by any of these runs',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      runIds: t.arg.stringList({ required: true }),
    },
    resolve: (_root, args, ctx) => listChartKeys(ctx.actor, args),
  }),
}));
