import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertAllPartsReceived, storeUploadPart } from '../storage/staged-parts';
import { storageLimits } from '../storage';
import { BlobMismatchError, partCountOf, partSizeOf } from '../storage/blob-store';
import { claimBlobBeforeUpload, recordBlob } from '../storage/blob-claims';
import { heldBlob, pinBlobLocation } from '../storage/blob-location';
import { blobStoreAt, uploadLocationOf } from '../storage/connectors/connector-stores';
import { assertQuotaAllows } from '../storage/usage';
import { checkStorageWarningsAfterWrite } from '../storage/usage-warnings';
import { parseInput } from '../validation';
import {
  assertCanWriteFiles,
  loadRunFileScope,
  type RunFileScope,
  type RunTarget,
} from './run-file-scope';
import { toRunFileView, type RunFileView } from './run-files';
import { createUploadSchema } from './schemas';

/** Staged parts of an upload nobody completes are dropped after this (a cleanup job's rule). */
const uploadLifetimeMs = 7 * 24 * 3600 * 1000;

export type UploadState =
  | { status: 'complete'; file: RunFileView }
  | {
      status: 'pending';
      uploadId: string;
      partSize: number;
      partCount: number;
      /** Part numbers already stored: a resuming client sends only the others. */
      receivedParts: number[];
    };

/**
 * Starts, or resumes, the upload of one run file. The same run, path and sha256 always find
 * the same upload, so a client that crashed asks again and learns which parts arrived.
 * Content the entity already stores needs no bytes at all. The quota is checked here, before
 * any byte is accepted.
 */
export async function createUpload(
  actor: Actor,
  target: RunTarget,
  raw: unknown,
): Promise<UploadState> {
  const input = parseInput(createUploadSchema, raw);
  const scope = await loadRunFileScope(actor, target);
  assertCanWriteFiles(actor, scope);
  const limits = storageLimits();
  if (input.size > limits.maxFileBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `"${input.path}" is ${input.size} bytes; files may be at most ${limits.maxFileBytes} bytes`,
      { fields: [{ field: 'size', message: `must be at most ${limits.maxFileBytes}` }] },
    );
  }
  const prisma = getPrisma();

  // Deduplicated: the entity already holds these bytes (verified when they first came), in
  // whichever store they went to then.
  const held = await heldBlob(scope.entity.id, input.sha256);
  if (held && held.size === input.size) {
    return {
      status: 'complete',
      file: await saveRunFile(scope, input, actor, held.storageConnectorId),
    };
  }
  await assertQuotaAllows(scope.entity, input.size);

  const key = { runId: scope.run.id, path: input.path, sha256: input.sha256 };
  let session = await prisma.uploadSession.findUnique({ where: { runId_path_sha256: key } });
  if (!session || Number(session.size) !== input.size) {
    // New bytes go to the team's own bucket when it has a connector (docs/decisions/011).
    const storageConnectorId = await uploadLocationOf(scope.entity.id);
    const store = await blobStoreAt(storageConnectorId);
    const handle = await store.createUpload();
    try {
      session = await prisma.uploadSession.upsert({
        where: { runId_path_sha256: key },
        create: {
          ...key,
          entityId: scope.entity.id,
          size: input.size,
          partSize: limits.partSize,
          storeUploadId: handle,
          storageConnectorId,
          createdById: actor.kind === 'user' ? actor.userId : null,
          expiresAt: new Date(Date.now() + uploadLifetimeMs),
        },
        update: {},
      });
    } finally {
      // Another request created it first (or the row failed): ours is not needed.
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
    // Only whole parts count: a part of the wrong size is sent again.
    receivedParts: parts
      .filter((p) => p.size === partSizeOf(size, session.partSize, p.partNumber))
      .map((p) => p.partNumber),
  };
}

async function loadSession(actor: Actor, target: RunTarget, uploadId: string) {
  const scope = await loadRunFileScope(actor, target);
  assertCanWriteFiles(actor, scope);
  const session = await getPrisma().uploadSession.findFirst({
    where: { id: uploadId, runId: scope.run.id },
  });
  if (!session) {
    throw AppError.notFound(`Upload "${uploadId}" (it may have completed or expired; start again)`);
  }
  return { scope, session, size: Number(session.size) };
}

/** Stores one part, streamed from the request body. Sending a part again replaces it. */
export async function putUploadPart(
  actor: Actor,
  target: RunTarget,
  uploadId: string,
  partNumberText: string,
  body: ReadableStream<Uint8Array> | null,
): Promise<{ partNumber: number; size: number }> {
  const { session, size } = await loadSession(actor, target, uploadId);
  return storeUploadPart(session, size, partNumberText, body);
}

/**
 * Joins the parts, verifies the sha256, and records the run file — replacing an earlier file
 * of the same path — with usage updated in the same transaction. A mismatch stores nothing
 * and ends the upload (the client must start again).
 */
export async function completeUpload(
  actor: Actor,
  target: RunTarget,
  uploadId: string,
): Promise<{ status: 'complete'; file: RunFileView }> {
  const { scope, session, size } = await loadSession(actor, target, uploadId);
  const store = await blobStoreAt(session.storageConnectorId);
  const partCount = await assertAllPartsReceived(session, size);
  // Before the bytes land: keeps the cleanup off existing bytes of this content meanwhile.
  await claimBlobBeforeUpload(session.sha256, session.storageConnectorId);
  try {
    await store.completeUpload(session.storeUploadId, {
      sha256: session.sha256,
      size,
      partCount,
    });
  } catch (error) {
    if (error instanceof BlobMismatchError) {
      await getPrisma()
        .uploadSession.delete({ where: { id: session.id } })
        .catch(() => {});
      throw AppError.badInput(
        `Upload of "${session.path}" rejected: ${error.message}; nothing was stored`,
        [{ field: 'sha256', message: 'does not match the uploaded content' }],
      );
    }
    throw error;
  }
  const file = await saveRunFile(
    scope,
    { path: session.path, size, sha256: session.sha256 },
    actor,
    session.storageConnectorId,
    session.id,
  );
  return { status: 'complete', file };
}

/**
 * Records the blob and the run file in one transaction, re-checking the quota under the
 * entity's usage lock when the blob is new to the entity. Re-saving a path replaces it.
 */
async function saveRunFile(
  scope: RunFileScope,
  input: { path: string; size: number; sha256: string },
  _actor: Actor,
  storageConnectorId: string | null,
  sessionId?: string,
): Promise<RunFileView> {
  const file = await getPrisma().$transaction(async (tx) => {
    // With a session, this request's bytes were just stored; without, they are deduplicated.
    await recordBlob(tx, input, !!sessionId, storageConnectorId);
    const held = await tx.entityBlob.findUnique({
      where: { entityId_sha256: { entityId: scope.entity.id, sha256: input.sha256 } },
    });
    const previous = await tx.runFile.findUnique({
      where: { runId_path: { runId: scope.run.id, path: input.path } },
    });
    // Replacing a file whose blob nothing else of the entity holds gives its bytes back.
    let released = 0;
    if (previous && previous.sha256 !== input.sha256) {
      const ref = await tx.entityBlob.findUnique({
        where: { entityId_sha256: { entityId: previous.entityId, sha256: previous.sha256 } },
      });
      if (ref && ref.refs <= 1) released = Number(previous.size);
    }
    if (!held) await assertQuotaAllows(scope.entity, input.size - released, tx);
    await pinBlobLocation(tx, scope.entity.id, input.sha256, storageConnectorId);
    const saved = await tx.runFile.upsert({
      where: { runId_path: { runId: scope.run.id, path: input.path } },
      create: {
        runId: scope.run.id,
        entityId: scope.entity.id,
        path: input.path,
        size: input.size,
        sha256: input.sha256,
      },
      update: { size: input.size, sha256: input.sha256, entityId: scope.entity.id },
    });
    if (sessionId) await tx.uploadSession.deleteMany({ where: { id: sessionId } });
    return saved;
  });
  await checkStorageWarningsAfterWrite(scope.entity.id);
  return toRunFileView(file, scope);
}
