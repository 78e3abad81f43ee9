import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertAllPartsReceived, storeUploadPart } from '../storage/staged-parts';
import { storageLimits } from '../storage';
import { BlobMismatchError, partCountOf, partSizeOf } from '../storage/blob-store';
import { claimBlobBeforeUpload, recordBlob } from '../storage/blob-claims';
import { heldBlob } from '../storage/blob-location';
import { blobStoreAt, uploadLocationOf } from '../storage/connectors/connector-stores';
import { assertQuotaAllows } from '../storage/usage';
import { parseInput } from '../validation';
import {
  assertCanOnArtifacts,
  loadArtifactScope,
  type ArtifactScope,
  type ProjectTarget,
} from './artifact-scope';
import { artifactUploadSchema } from './schemas';

/**
 * Artifact bytes are uploaded before the version that names them exists, so they are staged
 * per entity and sha256 rather than per run path (lib/files/uploads.ts). The protocol is the
 * same — create-or-resume → parts → complete — so the SDK's resumable uploader serves both.
 */

/** Staged or completed uploads nobody logs are dropped after this (the cleanup job's rule). */
const uploadLifetimeMs = 7 * 24 * 3600 * 1000;

type BlobView = { path: string; sha256: string; size: number };

export type ArtifactUploadState =
  | { status: 'complete'; file: BlobView }
  | {
      status: 'pending';
      uploadId: string;
      partSize: number;
      partCount: number;
      receivedParts: number[];
    };

/**
 * Starts or resumes the upload of one blob for the project's entity. Content the entity holds
 * needs no bytes. The quota is checked here, before any byte is accepted (and again when a
 * version is logged, under the entity's usage lock).
 */
export async function createArtifactUpload(
  actor: Actor,
  target: ProjectTarget,
  raw: unknown,
): Promise<ArtifactUploadState> {
  const input = parseInput(artifactUploadSchema, raw);
  const scope = await loadArtifactScope(actor, target);
  assertCanOnArtifacts(actor, 'artifact:create', scope);
  const limits = storageLimits();
  const file = { path: input.path ?? input.sha256, sha256: input.sha256, size: input.size };
  if (input.size > limits.maxFileBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `"${file.path}" is ${input.size} bytes; files may be at most ${limits.maxFileBytes} bytes`,
      { fields: [{ field: 'size', message: `must be at most ${limits.maxFileBytes}` }] },
    );
  }
  const prisma = getPrisma();
  // The entity's own copy, in whichever store it went to (docs/decisions/011).
  const held = await heldBlob(scope.entity.id, input.sha256);
  if (held && held.size === input.size) return { status: 'complete', file };
  await assertQuotaAllows(scope.entity, input.size);

  const key = { entityId: scope.entity.id, sha256: input.sha256 };
  let session = await prisma.artifactUpload.findUnique({ where: { entityId_sha256: key } });
  if (!session || session.completedAt || Number(session.size) !== input.size) {
    // New bytes go to the team's own bucket when it has a connector.
    const storageConnectorId = await uploadLocationOf(scope.entity.id);
    const store = await blobStoreAt(storageConnectorId);
    const handle = await store.createUpload();
    const fresh = {
      size: input.size,
      partSize: limits.partSize,
      storeUploadId: handle,
      storageConnectorId,
      completedAt: null,
      createdById: actor.kind === 'user' ? actor.userId : null,
      expiresAt: new Date(Date.now() + uploadLifetimeMs),
    };
    try {
      session = await prisma.artifactUpload.upsert({
        where: { entityId_sha256: key },
        create: { ...key, ...fresh },
        // A completed upload whose blob is gone (cleaned up) or a wrong size starts over.
        update: session ? fresh : {},
      });
    } finally {
      if (session?.storeUploadId !== handle) await store.abortUpload(handle).catch(() => {});
    }
  }
  const parts = await (
    await blobStoreAt(session.storageConnectorId)
  ).listParts(session.storeUploadId);
  const size = Number(session.size);
  return {
    status: 'pending',
    uploadId: session.id,
    partSize: session.partSize,
    partCount: partCountOf(size, session.partSize),
    receivedParts: parts
      .filter((p) => p.size === partSizeOf(size, session.partSize, p.partNumber))
      .map((p) => p.partNumber),
  };
}

async function loadSession(actor: Actor, target: ProjectTarget, uploadId: string) {
  const scope = await loadArtifactScope(actor, target);
  assertCanOnArtifacts(actor, 'artifact:create', scope);
  const session = await getPrisma().artifactUpload.findFirst({
    where: { id: uploadId, entityId: scope.entity.id, completedAt: null },
  });
  if (!session) {
    throw AppError.notFound(`Upload "${uploadId}" (it may have completed or expired; start again)`);
  }
  return { scope, session, size: Number(session.size) };
}

/** Stores one part, streamed from the request body. Sending a part again replaces it. */
export async function putArtifactUploadPart(
  actor: Actor,
  target: ProjectTarget,
  uploadId: string,
  partNumberText: string,
  body: ReadableStream<Uint8Array> | null,
): Promise<{ partNumber: number; size: number }> {
  const { session, size } = await loadSession(actor, target, uploadId);
  return storeUploadPart(session, size, partNumberText, body);
}

/** Joins and verifies the parts; the blob then waits for a version to name it. */
export async function completeArtifactUpload(
  actor: Actor,
  target: ProjectTarget,
  uploadId: string,
): Promise<{ status: 'complete'; file: BlobView }> {
  const { scope, session, size } = await loadSession(actor, target, uploadId);
  const store = await blobStoreAt(session.storageConnectorId);
  const partCount = await assertAllPartsReceived(session, size);
  // Before the bytes land: keeps the cleanup off existing bytes of this content meanwhile.
  await claimBlobBeforeUpload(session.sha256, session.storageConnectorId);
  try {
    await store.completeUpload(session.storeUploadId, { sha256: session.sha256, size, partCount });
  } catch (error) {
    if (error instanceof BlobMismatchError) {
      await getPrisma()
        .artifactUpload.delete({ where: { id: session.id } })
        .catch(() => {});
      throw AppError.badInput(`Upload rejected: ${error.message}; nothing was stored`, [
        { field: 'sha256', message: 'does not match the uploaded content' },
      ]);
    }
    throw error;
  }
  await recordCompleted(scope, session.id, session.sha256, size, session.storageConnectorId);
  return { status: 'complete', file: { path: session.sha256, sha256: session.sha256, size } };
}

async function recordCompleted(
  scope: ArtifactScope,
  id: string,
  sha256: string,
  size: number,
  storageConnectorId: string | null,
) {
  const prisma = getPrisma();
  // One transaction: the completed upload is the blob's reference until a version names it.
  await prisma.$transaction(async (tx) => {
    await recordBlob(tx, { sha256, size }, true, storageConnectorId);
    await tx.artifactUpload.update({
      where: { id, entityId: scope.entity.id },
      data: { completedAt: new Date(), expiresAt: new Date(Date.now() + uploadLifetimeMs) },
    });
  });
}
