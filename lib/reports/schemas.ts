import { z } from 'zod';
import { legendPositions } from '../workspaces/schemas';

/**
 * What a report holds, checked the same way in the browser (the editor) and on the server
 * (before saving). Panels reuse the workspace panel's chart settings (lib/workspaces) and add
 * the runs they draw, since a report freezes a chosen comparison rather than the runs table's
 * current selection. No server-only imports: the editor imports this file.
 */

export const maxTitleLength = 200;
export const maxDescriptionLength = 1000;
/** 200 kB of markdown: far beyond any write-up, small enough to render on every visit. */
export const maxBodyBytes = 200 * 1024;
export const maxPanels = 20;
export const maxRunsPerPanel = 20;
export const maxKeysPerPanel = 10;
export const maxCommentLength = 5000;

const byteLength = (text: string) => new TextEncoder().encode(text).length;

export const reportPanelSchema = z.object({
  id: z.string().min(1, 'is required').max(64, 'must be at most 64 characters'),
  title: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  /** The runs drawn, by the id in their URLs (Run.runId). */
  runIds: z
    .array(z.string().min(1, 'is required').max(128))
    .min(1, 'pick at least one run')
    .max(maxRunsPerPanel, `at most ${maxRunsPerPanel} runs per panel`),
  yKeys: z
    .array(z.string().min(1, 'is required').max(256))
    .min(1, 'pick a metric')
    .max(maxKeysPerPanel, `at most ${maxKeysPerPanel} metrics per panel`),
  /** `_step`, `_timestamp`, `_runtime` or a metric key, as in a workspace panel. */
  xAxis: z.string().min(1).max(256).default('_step'),
  logX: z.boolean().default(false),
  logY: z.boolean().default(false),
  smoothing: z.number().min(0).max(0.99).default(0),
  legend: z.enum(legendPositions).default('top'),
});

export const reportPanelsSchema = z
  .array(reportPanelSchema)
  .max(maxPanels, `at most ${maxPanels} panels`);

const title = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(maxTitleLength, `must be at most ${maxTitleLength} characters`);
const description = z
  .string()
  .trim()
  .max(maxDescriptionLength, `must be at most ${maxDescriptionLength} characters`);
const body = z
  .string()
  .refine((text) => byteLength(text) <= maxBodyBytes, `must be at most ${maxBodyBytes / 1024} kB`);

export const createReportSchema = z.object({
  title,
  description: description.default(''),
  body: body.default(''),
  panels: reportPanelsSchema.default([]),
});

export const updateReportSchema = z
  .object({
    title: title.optional(),
    description: description.optional(),
    body: body.optional(),
    panels: reportPanelsSchema.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'name at least one of title, description, body or panels',
  });

export const commentBodySchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(maxCommentLength, `must be at most ${maxCommentLength} characters`);

export type ReportPanel = z.output<typeof reportPanelSchema>;
export type CreateReportInput = z.input<typeof createReportSchema>;
export type UpdateReportInput = z.input<typeof updateReportSchema>;

/** Stored panels as the app reads them; anything unreadable (an older shape) is dropped. */
export function readStoredPanels(value: unknown): ReportPanel[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((panel) => {
    const parsed = reportPanelSchema.safeParse(panel);
    return parsed.success ? [parsed.data] : [];
  });
}
