import { z } from 'zod';
import { sha256Pattern } from '../storage/blob-store';

/**
 * A run file's path: relative, `/`-separated, no `.`/`..` segments, no empty segments, no
 * control characters. The same path always means the same file (saving it again replaces it).
 */
export const runFilePath = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(1024, 'must be at most 1024 characters')
  .refine(
    (value) => !/[\u0000-\u001f\u007f\\]/.test(value),
    'must not contain control characters or backslashes',
  )
  .refine((value) => !value.startsWith('/'), 'must be relative (no leading /)')
  .refine(
    (value) =>
      value.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'),
    'must not contain empty, . or .. segments',
  );

export const createUploadSchema = z.object({
  path: runFilePath,
  size: z
    .number({ error: 'must be a number of bytes' })
    .int('must be a whole number of bytes')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER),
  sha256: z
    .string({ error: 'must be a string' })
    .transform((value) => value.toLowerCase())
    .refine((value) => sha256Pattern.test(value), 'must be 64 hexadecimal characters'),
});

export type CreateUploadInput = z.infer<typeof createUploadSchema>;
