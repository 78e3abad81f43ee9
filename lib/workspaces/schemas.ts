import { z } from 'zod';

/**
 * The saved layout of a project's panel workspace. Shared by the browser (which edits it)
 * and the server (which checks it before saving), so it holds no server-only imports.
 * Panels for metrics nobody arranged are derived when the page loads (one per key), so a
 * layout only stores what a person changed: their panels and the keys they dismissed.
 */
export const panelSizes = ['small', 'medium', 'large'] as const;
export const legendPositions = ['top', 'bottom', 'right', 'hidden'] as const;

const optionalNumber = z.number().finite().nullable().optional();

export const panelSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(200).optional(),
  section: z.string().max(200),
  /** `_step`, `_timestamp`, `_runtime` or a metric key. */
  xAxis: z.string().min(1).max(256).default('_step'),
  yKeys: z.array(z.string().min(1).max(256)).max(50).default([]),
  /** More y metrics: every key matching this regular expression. */
  yRegex: z.string().max(500).optional(),
  logY: z.boolean().default(false),
  logX: z.boolean().default(false),
  /** Exponential moving average weight, 0 (off) to 0.99. */
  smoothing: z.number().min(0).max(0.99).default(0),
  xMin: optionalNumber,
  xMax: optionalNumber,
  yMin: optionalNumber,
  yMax: optionalNumber,
  legend: z.enum(legendPositions).default('top'),
  size: z.enum(panelSizes).default('medium'),
  /** Derived for a key nobody arranged; becomes the person's own once edited. */
  auto: z.boolean().optional(),
});

export const layoutSchema = z.object({
  version: z.literal(1).default(1),
  panels: z.array(panelSchema).max(500),
  /** Keys whose automatic panel was deleted: not derived again. */
  dismissedKeys: z.array(z.string().max(256)).max(5000).default([]),
  collapsedSections: z.array(z.string().max(200)).max(500).default([]),
});

export type Panel = z.infer<typeof panelSchema>;
export type PanelSize = (typeof panelSizes)[number];
export type LegendPosition = (typeof legendPositions)[number];
export type WorkspaceLayout = z.infer<typeof layoutSchema>;

export const workspaceScopes = ['PERSONAL', 'SHARED'] as const;
export type WorkspaceScope = (typeof workspaceScopes)[number];
