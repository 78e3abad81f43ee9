import { z } from 'zod';
import { AppError } from './errors';

/**
 * Parses input at a boundary; on failure throws BAD_INPUT naming every field and reason,
 * so forms can show each message beside its input.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // One message per field (the first), which is what a form can show beside an input.
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || 'input';
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const fields = [...byField].map(([field, message]) => ({ field, message }));
  const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
  throw AppError.badInput(`Invalid input: ${summary}`, fields);
}

/** Parses one named value, so its problems are reported under `field` (not "input"). */
export function parseField<T extends z.ZodType>(
  schema: T,
  field: string,
  value: unknown,
): z.output<T> {
  return (
    parseInput(z.object({ [field]: schema }), { [field]: value }) as Record<string, z.output<T>>
  )[field]!;
}
