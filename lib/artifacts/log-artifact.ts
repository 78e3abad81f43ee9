import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { claimUploadedBlobs } from '../storage/blob-claims';
import { pinUploadedBlobLocations, storedSizes } from '../storage/blob-location';
import { assertQuotaAllows } from '../storage/usage';
import { checkStorageWarningsAfterWrite } from '../storage/usage-warnings';
import { parseField, parseInput } from '../validation';
import { applyAlias } from './aliases';
import {
  assertCanOnArtifacts,
  findRunInProject,
  loadArtifactScope,
  type ProjectTarget,
} from './artifact-scope';
import { manifestDigest, type ManifestEntry } from './manifest';
import { artifactName, logArtifactSchema } from './schemas';
import { toVersionView, type ArtifactVersionView } from './versions';

/**
 * Logs a version of artifact `name` as an output of a run. The manifest's blobs must already
 * be uploaded by this entity (POST …/files/uploads); references name external URIs and store
 * nothing. The same manifest digest as an existing version returns that version (no new
 * one); otherwise the next vN is created and `latest` moves to it. Custom aliases in the
 * request point at the returned version. All or nothing, in one transaction.
 */
export async function logArtifactVersion(
  actor: Actor,
  target: ProjectTarget & { artifact: string },
  raw: unknown,
): Promise<ArtifactVersionView & { created: boolean }> {
  const name = parseField(artifactName, 'name', target.artifact);
  const input = parseInput(logArtifactSchema, raw);
  const scope = await loadArtifactScope(actor, target);
  assertCanOnArtifacts(actor, 'artifact:create', scope);
  const run = await findRunInProject(scope, input.run);

  const entries: ManifestEntry[] = [
    ...input.files.map((f) => ({ path: f.path, sha256: f.sha256, size: f.size, ref: null })),
    ...input.references.map((r) => ({
      path: r.path,
      sha256: r.sha256 ?? null,
      size: r.size ?? 0,
      ref: r.uri,
    })),
  ];
  await assertBlobsUploaded(scope.entity.id, input.files);
  const digest = manifestDigest(entries);
  const prisma = getPrisma();

  const versionId = await prisma.$transaction(async (tx) => {
    // Two first logs of a new name race: INSERT … ON CONFLICT DO NOTHING (skipDuplicates)
    // lets the loser wait for the winner's row instead of failing on the unique key.
    await tx.artifact.createMany({
      data: [
        {
          projectId: scope.project.id,
          name,
          type: input.type,
          description: input.description ?? '',
        },
      ],
      skipDuplicates: true,
    });
    const artifact = await tx.artifact.findUniqueOrThrow({
      where: { projectId_name: { projectId: scope.project.id, name } },
    });
    if (artifact.type !== input.type) {
      throw new AppError(
        'CONFLICT',
        `Artifact "${name}" is of type "${artifact.type}", not "${input.type}"`,
        { fields: [{ field: 'type', message: `must be "${artifact.type}"` }] },
      );
    }
    // One logger at a time per artifact: version numbers and `latest` stay in order.
    await tx.$executeRawUnsafe(`SELECT 1 FROM "Artifact" WHERE "id" = $1 FOR UPDATE`, artifact.id);
    if (input.description !== undefined && input.description !== artifact.description) {
      await tx.artifact.update({
        where: { id: artifact.id },
        data: { description: input.description },
      });
    }
    const same = await tx.artifactVersion.findUnique({
      where: { artifactId_digest: { artifactId: artifact.id, digest } },
    });
    if (same) {
      for (const alias of input.aliases ?? []) {
        await applyAlias(tx, actor, scope, artifact.id, alias, same.id);
      }
      return { id: same.id, created: false };
    }

    // Only blobs new to the entity add usage (the triggers count each once per entity).
    const shas = [...new Set(input.files.map((f) => f.sha256))];
    const held = await tx.entityBlob.findMany({
      where: { entityId: scope.entity.id, sha256: { in: shas } },
      select: { sha256: true },
    });
    // Claims the blobs against the unreferenced-blob cleanup (lib/storage/blob-claims.ts).
    const gone = await claimUploadedBlobs(tx, shas, scope.entity.id);
    if (gone.length) {
      throw AppError.badInput(
        `Content no longer stored (its upload expired): ${gone.slice(0, 5).join(', ')}; upload it again`,
        [{ field: 'files', message: `${gone.length} file(s) have no stored content` }],
      );
    }
    const heldSet = new Set(held.map((h) => h.sha256));
    const sizes = new Map(input.files.map((f) => [f.sha256, f.size]));
    const added = shas.filter((s) => !heldSet.has(s)).reduce((sum, s) => sum + sizes.get(s)!, 0);
    await assertQuotaAllows(scope.entity, added, tx);

    // Content new to the entity is held where its upload stored it (docs/decisions/011).
    await pinUploadedBlobLocations(
      tx,
      scope.entity.id,
      shas.filter((s) => !heldSet.has(s)),
    );

    const { nextVersion } = await tx.artifact.update({
      where: { id: artifact.id },
      data: { nextVersion: { increment: 1 } },
      select: { nextVersion: true },
    });
    const version = await tx.artifactVersion.create({
      data: {
        artifactId: artifact.id,
        version: nextVersion - 1,
        digest,
        metadata: (input.metadata ?? {}) as object,
        size: entries.reduce((sum, e) => sum + e.size, 0),
        fileCount: entries.length,
        createdByRunId: run.id,
        createdById: actor.kind === 'user' ? actor.userId : null,
      },
    });
    const rows = entries.map((e) => ({
      versionId: version.id,
      entityId: scope.entity.id,
      path: e.path,
      // References keep what the client said of their content but hold no blob.
      sha256: e.ref ? null : e.sha256,
      size: e.size,
      ref: e.ref ? (e.sha256 ? `${e.ref}#${e.sha256}` : e.ref) : null,
    }));
    // In slices: 7 bind parameters a row, and Postgres takes at most 65,535 per statement.
    for (let i = 0; i < rows.length; i += 2000) {
      await tx.artifactFile.createMany({ data: rows.slice(i, i + 2000) });
    }
    await tx.artifactAlias.upsert({
      where: { artifactId_alias: { artifactId: artifact.id, alias: 'latest' } },
      create: { artifactId: artifact.id, alias: 'latest', versionId: version.id },
      update: { versionId: version.id },
    });
    for (const alias of input.aliases ?? []) {
      await applyAlias(tx, actor, scope, artifact.id, alias, version.id);
    }
    return { id: version.id, created: true };
  });
  if (versionId.created) await checkStorageWarningsAfterWrite(scope.entity.id);
  return { ...(await toVersionView(versionId.id)), created: versionId.created };
}

/** Every stored file's bytes must be the entity's already, with the declared size. */
async function assertBlobsUploaded(
  entityId: string,
  files: { path: string; sha256: string; size: number }[],
): Promise<void> {
  const prisma = getPrisma();
  const shas = [...new Set(files.map((f) => f.sha256))];
  // Three set queries rather than per-file lookups: datasets run to many thousand files.
  const [sizeOf, held, uploaded] = await Promise.all([
    // The instance store's blobs and those in the entity's connector buckets.
    storedSizes(entityId, shas),
    prisma.entityBlob.findMany({
      where: { entityId, sha256: { in: shas } },
      select: { sha256: true },
    }),
    prisma.artifactUpload.findMany({
      where: { entityId, sha256: { in: shas }, completedAt: { not: null } },
      select: { sha256: true },
    }),
  ]);
  const owned = new Set([...held, ...uploaded].map((r) => r.sha256));
  const missing = files
    .filter((f) => sizeOf.get(f.sha256) !== f.size || !owned.has(f.sha256))
    .map((f) => f.path);
  if (missing.length) {
    throw AppError.badInput(
      `Not uploaded yet: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} ` +
        `(upload each file's bytes through …/files/uploads first)`,
      [{ field: 'files', message: `${missing.length} file(s) have no uploaded content` }],
    );
  }
}
