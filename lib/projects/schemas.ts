import { z } from 'zod';

export const projectVisibilities = ['PRIVATE', 'TEAM', 'PUBLIC', 'OPEN'] as const;

/** Same rule as a project created by logging (lib/runs/upsert-run.ts): it is a URL segment. */
export const projectNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(128, 'must be at most 128 characters')
  .regex(/^[^/\\?#%]+$/, 'must not contain / \\ ? # or %');

export const projectDescriptionSchema = z.string().max(2_000, 'must be at most 2,000 characters');

export const projectVisibilitySchema = z.enum(projectVisibilities, {
  error: `must be one of ${projectVisibilities.join(', ')}`,
});

export const createProjectSchema = z.object({
  name: projectNameSchema,
  description: projectDescriptionSchema.default(''),
  visibility: projectVisibilitySchema.nullish(),
});

export const updateProjectSchema = z.object({
  description: projectDescriptionSchema.nullish(),
  visibility: projectVisibilitySchema.nullish(),
});
