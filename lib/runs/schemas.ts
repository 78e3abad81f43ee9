import { z } from 'zod';
import { summaryChoiceSchema } from './summary-metrics';

/** Limits of one request, so one client cannot exhaust the server (named in every 4xx). */
export const ingestLimits = {
  maxBodyBytes: 16 * 1024 * 1024,
  maxHistoryRows: 10_000,
  maxKeysPerRow: 1_000,
  maxKeyLength: 256,
  maxSystemRows: 1_000,
  maxConsoleLines: 10_000,
  maxConsoleLineLength: 64 * 1024,
  maxStringLength: 4_096,
  maxTags: 100,
} as const;

export const runIdSchema = z
  .string()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, _ and -');

const shortText = (max: number = ingestLimits.maxStringLength) =>
  z.string().max(max, `must be at most ${max} characters`);

export const resumeModes = ['allow', 'must', 'never', 'auto'] as const;
export type ResumeMode = (typeof resumeModes)[number];

const jsonObject = z.record(z.string().max(ingestLimits.maxKeyLength), z.unknown());

export const upsertRunSchema = z.object({
  displayName: shortText(256).optional(),
  notes: shortText(20_000).optional(),
  tags: z
    .array(shortText(64))
    .max(ingestLimits.maxTags, `at most ${ingestLimits.maxTags} tags`)
    .optional(),
  group: shortText(256).nullish(),
  jobType: shortText(256).nullish(),
  config: jsonObject.optional(),
  host: shortText(256).nullish(),
  os: shortText(256).nullish(),
  languageVersion: shortText(256).nullish(),
  program: shortText(1024).nullish(),
  command: shortText().nullish(),
  gitRemote: shortText(1024).nullish(),
  gitCommit: shortText(64).nullish(),
  /**
   * W&B's resume modes for a run id: `allow` (the default) continues the run if it exists
   * and creates it otherwise; `must` only continues an existing run; `never` only creates
   * a new one; `auto` is `allow` here (the SDK picks the id of the last crashed run).
   */
  resume: z.enum(resumeModes, { message: `must be one of ${resumeModes.join(', ')}` }).optional(),
  /** Resume: forget history from this step on and continue logging there. */
  resumeFromStep: z.number().int().min(0).optional(),
  /** Service accounts: the team member (username or email) to attribute the run to. */
  attributeTo: shortText(254).optional(),
});

/** History values: numbers, with NaN and ±Infinity as the strings JSON cannot avoid. */
const metricValue = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);
const metricKey = z
  .string()
  .min(1, 'keys must not be empty')
  .max(ingestLimits.maxKeyLength, `keys must be at most ${ingestLimits.maxKeyLength} characters`)
  .refine(
    (key) => !key.startsWith('system/'),
    'keys starting with system/ are reserved for system metrics',
  );

/** Non-numeric values (lib/runs/media-values.ts): text, histograms, tables, images. */
const histogramValue = z
  .object({
    _type: z.literal('histogram'),
    bins: z.array(z.number()).min(2).max(513, 'histograms have at most 512 bins'),
    counts: z.array(z.number().min(0)).max(512),
  })
  .refine((h) => h.counts.length === h.bins.length - 1, 'a histogram has one count per bin');
const tableCell = z.union([
  z.number(),
  z.string().max(ingestLimits.maxStringLength),
  z.boolean(),
  z.null(),
]);
const tableValue = z
  .object({
    _type: z.literal('table'),
    columns: z.array(z.string().max(256)).min(1).max(200, 'tables have at most 200 columns'),
    data: z.array(z.array(tableCell)).max(10_000, 'tables have at most 10,000 rows'),
  })
  .refine(
    (t) => t.data.every((row) => row.length === t.columns.length),
    'every table row has one cell per column',
  )
  .refine((t) => t.data.length * t.columns.length <= 100_000, 'tables have at most 100,000 cells');
const imageValue = z.object({
  _type: z.literal('image'),
  /** A file saved to the run (run.save) that holds the image. */
  path: z.string().min(1).max(1024),
  caption: z.string().max(1024).optional(),
});
export const mediaValueSchema = z.union([histogramValue, tableValue, imageValue]);
export type MediaValueInput = z.infer<typeof mediaValueSchema>;

const valuesRecord = z
  .record(
    metricKey,
    z.union([metricValue, z.string().max(ingestLimits.maxStringLength), mediaValueSchema], {
      error:
        'values must be numbers (NaN and ±Infinity as strings), text, or histogram/table/image objects',
    }),
  )
  .refine(
    (values) => Object.keys(values).length <= ingestLimits.maxKeysPerRow,
    `at most ${ingestLimits.maxKeysPerRow} keys per row`,
  );

export const streamBatchSchema = z.object({
  history: z
    .object({
      /** Position of the first row in the run's history stream (0-based). */
      offset: z.number().int().min(0),
      rows: z
        .array(
          z.object({
            step: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
            values: valuesRecord,
          }),
        )
        .max(
          ingestLimits.maxHistoryRows,
          `at most ${ingestLimits.maxHistoryRows} history rows per request`,
        ),
    })
    .optional(),
  system: z
    .object({
      offset: z.number().int().min(0),
      rows: z
        .array(
          z.object({
            /** Seconds since the epoch. */
            timestamp: z.number().positive(),
            values: z.record(z.string().min(1).max(ingestLimits.maxKeyLength), metricValue),
          }),
        )
        .max(
          ingestLimits.maxSystemRows,
          `at most ${ingestLimits.maxSystemRows} system rows per request`,
        ),
    })
    .optional(),
  console: z
    .array(
      z.object({
        lineNo: z.number().int().min(0),
        text: z
          .string()
          .max(
            ingestLimits.maxConsoleLineLength,
            `console lines must be at most ${ingestLimits.maxConsoleLineLength} characters`,
          ),
        stream: z.enum(['stdout', 'stderr']).default('stdout'),
      }),
    )
    .max(
      ingestLimits.maxConsoleLines,
      `at most ${ingestLimits.maxConsoleLines} console lines per request`,
    )
    .optional(),
  summary: jsonObject.optional(),
  config: jsonObject.optional(),
  /** How the summary shows a metric from now on (define_metric), applied before `history`. */
  summaryMetrics: z
    .record(metricKey, summaryChoiceSchema)
    .refine(
      (choices) => Object.keys(choices).length <= ingestLimits.maxKeysPerRow,
      `at most ${ingestLimits.maxKeysPerRow} metrics per request`,
    )
    .optional(),
  /** The program ended; `preempted` when a scheduler stopped it and it may resume later. */
  finish: z.object({ exitCode: z.number().int(), preempted: z.boolean().optional() }).optional(),
});

export type StreamBatch = z.infer<typeof streamBatchSchema>;
export type UpsertRunInput = z.infer<typeof upsertRunSchema>;

export function toNumber(value: number | 'NaN' | 'Infinity' | '-Infinity'): number {
  return typeof value === 'number' ? value : Number(value);
}
