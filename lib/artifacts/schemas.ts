import { z } from 'zod';
import { runFilePath } from '../files/schemas';
import { sha256Pattern } from '../storage/blob-store';

const slug = (what: string) =>
  z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(128, 'must be at most 128 characters')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, `${what} may use letters, digits, ".", "_" and "-"`);

/**
 * An artifact's name. `files` is the URL segment of the project's upload endpoint
 * (/api/v1/artifacts/<entity>/<project>/files/uploads), so no artifact may take it.
 */
export const artifactName = slug('a name').refine(
  (value) => value !== 'files',
  '"files" is reserved; choose another name',
);

export const artifactType = slug('a type');

/** Version numbers (`v3`) and `latest` are the server's to assign, never a custom alias. */
export const customAlias = slug('an alias').refine(
  (value) => value !== 'latest' && !/^v\d+$/.test(value),
  '"latest" and vN are assigned automatically',
);

/** `latest`, `v3` or a custom alias: how a caller names one version. */
export const versionRef = slug('a version');

const sha256 = z
  .string({ error: 'must be a string' })
  .transform((value) => value.toLowerCase())
  .refine((value) => sha256Pattern.test(value), 'must be 64 hexadecimal characters');

const byteSize = z
  .number({ error: 'must be a number of bytes' })
  .int('must be a whole number of bytes')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

export const manifestFile = z.object({ path: runFilePath, sha256, size: byteSize });

export const manifestReference = z.object({
  path: runFilePath,
  uri: z
    .string({ error: 'must be a string' })
    .max(2048, 'must be at most 2048 characters')
    .refine((value) => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value), 'must be a URI like s3://…'),
  /** What the client knows of the referenced content, if anything. */
  sha256: sha256.optional(),
  size: byteSize.optional(),
});

const metadata = z
  .record(z.string(), z.unknown(), { error: 'must be a JSON object' })
  .refine((value) => JSON.stringify(value).length <= 100_000, 'must be at most 100 KB of JSON');

export const logArtifactSchema = z
  .object({
    /** The run (id in this project) that produced it. */
    run: z.string({ error: 'must be a run id' }).min(1, 'must not be empty').max(128),
    type: artifactType,
    description: z.string({ error: 'must be a string' }).max(10_000).optional(),
    metadata: metadata.optional(),
    aliases: z.array(customAlias).max(20, 'at most 20 aliases').optional(),
    // One version names at most 10,000 entries: each is a bind parameter of the set queries
    // in log-artifact.ts, and Postgres takes at most 65,535 of them.
    files: z.array(manifestFile).max(10_000, 'at most 10000 files').default([]),
    references: z.array(manifestReference).max(10_000, 'at most 10000 references').default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    for (const entry of [...value.files, ...value.references]) {
      if (seen.has(entry.path)) {
        ctx.addIssue({ code: 'custom', path: ['files'], message: `"${entry.path}" appears twice` });
        return;
      }
      seen.add(entry.path);
    }
    if (seen.size === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['files'],
        message: 'an artifact needs at least one file or reference',
      });
    }
  });

export type LogArtifactInput = z.infer<typeof logArtifactSchema>;

export const useArtifactSchema = z.object({
  version: versionRef.default('latest'),
  /** The run (id in this project) that uses it, for lineage; omitted: a plain download. */
  run: z.string({ error: 'must be a run id' }).min(1).max(128).optional(),
});

export const setAliasSchema = z.object({
  version: versionRef,
  protected: z.boolean({ error: 'must be true or false' }).optional(),
});

export const metadataSchema = z.object({
  metadata: metadata.optional(),
  description: z.string({ error: 'must be a string' }).max(10_000).optional(),
});

export const artifactUploadSchema = z.object({
  /** The SDK names the file it sends; the blob itself is identified by sha256 alone. */
  path: z.string().max(1024).optional(),
  sha256,
  size: byteSize,
});
