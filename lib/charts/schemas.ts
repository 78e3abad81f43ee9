import { z } from 'zod';

/** The x-axes every run has: the step, wall-clock time and seconds since the run started. */
export const builtinXAxes = ['_step', '_timestamp', '_runtime'] as const;
export type BuiltinXAxis = (typeof builtinXAxes)[number];

/** A chart never needs more points per series than this, whatever the pixel width. */
export const maxPointsPerSeries = 1500;
/** Bounds one request: the runs × keys of a panel (a workspace sends one request per panel). */
export const maxSeriesPerRequest = 1000;

export const chartSeriesInputSchema = z
  .object({
    entity: z.string().min(1),
    project: z.string().min(1),
    runIds: z.array(z.string().min(1)).min(1, 'name at least one run').max(200),
    keys: z.array(z.string().min(1).max(256)).min(1, 'name at least one metric').max(100),
    /** `_step`, `_timestamp` (wall time), `_runtime` (seconds since start) or any logged metric. */
    xAxis: z.string().min(1).max(256).default('_step'),
    minX: z.number().finite().optional(),
    maxX: z.number().finite().optional(),
    /** The plot's width in pixels: more points than pixels cannot be seen. */
    width: z.number().int().min(2).max(10_000).default(1000),
  })
  .refine(
    (input) => input.minX === undefined || input.maxX === undefined || input.minX <= input.maxX,
    {
      message: 'must not be greater than maxX',
      path: ['minX'],
    },
  )
  .refine((input) => input.runIds.length * input.keys.length <= maxSeriesPerRequest, {
    message: `runs × keys must be at most ${maxSeriesPerRequest}`,
    path: ['keys'],
  });

export type ChartSeriesInput = z.input<typeof chartSeriesInputSchema>;

export const chartKeysInputSchema = z.object({
  entity: z.string().min(1),
  project: z.string().min(1),
  runIds: z.array(z.string().min(1)).max(500),
});
