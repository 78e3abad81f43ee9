import { getPrisma } from '../db/prisma';
import { getLogger } from '../logger';
import { getBlobStore } from './index';
import { blobStoreAt } from './connectors/connector-stores';
import { checkStorageWarnings, entitiesWithStaleWarning } from './usage-warnings';

/** A blob nothing references is kept this long after its last claim (blob-claims.ts). */
export const blobGraceMs = 24 * 3600 * 1000;

/** Rows one call handles of each kind, so a call stays short however much piled up. */
export const cleanupBatchSize = 200;

export interface CleanupOptions {
  now?: Date;
  graceMs?: number;
  batchSize?: number;
}

export interface CleanupReport {
  blobsDeleted: number;
  bytesFreed: number;
  uploadSessionsExpired: number;
  artifactUploadsExpired: number;
  warnings: { checked: number; warned: number; reset: number };
  errors: string[];
}

/**
 * The storage cron (/api/cron/storage): drops expired upload sessions (their staged parts
 * too), deletes blobs nothing references any more after the grace period, and sends or
 * resets usage warnings that writes did not settle (deletes, cascades, changed limits).
 * Bounded per call, `SKIP LOCKED` throughout: any number of instances may run it at once.
 */
export async function runStorageCleanup(options: CleanupOptions = {}): Promise<CleanupReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? cleanupBatchSize;
  const errors: string[] = [];
  const uploadSessionsExpired = await expireUploadSessions(now, batchSize, errors);
  const artifactUploadsExpired = await expireArtifactUploads(now, batchSize, errors);
  const cutoff = new Date(now.getTime() - (options.graceMs ?? blobGraceMs));
  const instanceBlobs = await deleteUnreferencedBlobs(cutoff, batchSize, errors);
  const connectorBlobs = await deleteUnreferencedConnectorBlobs(cutoff, batchSize, errors);
  const blobs = {
    blobsDeleted: instanceBlobs.blobsDeleted + connectorBlobs.blobsDeleted,
    bytesFreed: instanceBlobs.bytesFreed + connectorBlobs.bytesFreed,
  };
  const warnings = await checkStorageWarnings(await entitiesWithStaleWarning(batchSize));
  return { ...blobs, uploadSessionsExpired, artifactUploadsExpired, warnings, errors };
}

/** Store handles are aborted while the rows are locked, then the rows go. */
async function expireUploadSessions(now: Date, limit: number, errors: string[]) {
  return getPrisma().$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<
        { id: string; storeUploadId: string; storageConnectorId: string | null }[]
      >(
        `SELECT "id", "storeUploadId", "storageConnectorId" FROM "UploadSession" WHERE "expiresAt" < $1
         ORDER BY "expiresAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        now,
        limit,
      );
      const done = await abortAll(rows, errors);
      if (done.length) {
        await tx.$executeRawUnsafe(
          `DELETE FROM "UploadSession" WHERE "id" = ANY($1::text[])`,
          done,
        );
      }
      return done.length;
    },
    { timeout: 120_000 },
  );
}

/**
 * Pending artifact uploads past expiry lose their staged parts; completed ones only their
 * row — the blob they held is then unreferenced and goes with the blob sweep once its grace
 * runs out.
 */
async function expireArtifactUploads(now: Date, limit: number, errors: string[]) {
  return getPrisma().$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<
        {
          id: string;
          storeUploadId: string;
          storageConnectorId: string | null;
          completedAt: Date | null;
        }[]
      >(
        `SELECT "id", "storeUploadId", "storageConnectorId", "completedAt" FROM "ArtifactUpload" WHERE "expiresAt" < $1
         ORDER BY "expiresAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        now,
        limit,
      );
      const pending = await abortAll(
        rows.filter((r) => !r.completedAt),
        errors,
      );
      const done = [...rows.filter((r) => r.completedAt).map((r) => r.id), ...pending];
      if (done.length) {
        await tx.$executeRawUnsafe(
          `DELETE FROM "ArtifactUpload" WHERE "id" = ANY($1::text[])`,
          done,
        );
      }
      return done.length;
    },
    { timeout: 120_000 },
  );
}

/**
 * Aborts each staged upload in the store it was started in; returns the ids whose abort worked
 * (the others stay for later).
 */
async function abortAll(
  rows: { id: string; storeUploadId: string; storageConnectorId: string | null }[],
  errors: string[],
) {
  const done: string[] = [];
  for (const row of rows) {
    try {
      await (await blobStoreAt(row.storageConnectorId)).abortUpload(row.storeUploadId);
      done.push(row.id);
    } catch (error) {
      errors.push(`abort upload ${row.id}: ${(error as Error).message}`);
    }
  }
  return done;
}

/**
 * Blobs with no run file, artifact file, per-entity reference or completed artifact upload,
 * unclaimed since `cutoff`. The bytes are deleted while the row is locked and the row after
 * them, in one transaction: a writer claiming the blob waits for that commit and then finds
 * no row (blob-claims.ts), so no reference can point at bytes being deleted.
 */
async function deleteUnreferencedBlobs(cutoff: Date, limit: number, errors: string[]) {
  return getPrisma().$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ sha256: string; size: bigint }[]>(
        `SELECT b."sha256", b."size" FROM "Blob" b
         WHERE b."createdAt" < $1
           AND NOT EXISTS (SELECT 1 FROM "RunFile" f WHERE f."sha256" = b."sha256")
           AND NOT EXISTS (SELECT 1 FROM "ArtifactFile" a WHERE a."sha256" = b."sha256")
           AND NOT EXISTS (SELECT 1 FROM "EntityBlob" e
                           WHERE e."sha256" = b."sha256" AND e."storageConnectorId" IS NULL)
           AND NOT EXISTS (SELECT 1 FROM "ArtifactUpload" u
                           WHERE u."sha256" = b."sha256" AND u."completedAt" IS NOT NULL
                             AND u."storageConnectorId" IS NULL)
         ORDER BY b."createdAt" LIMIT $2
         FOR UPDATE OF b SKIP LOCKED`,
        cutoff,
        limit,
      );
      const store = getBlobStore();
      const deleted: string[] = [];
      let bytesFreed = 0;
      for (const row of rows) {
        try {
          await store.delete(row.sha256);
          deleted.push(row.sha256);
          bytesFreed += Number(row.size);
        } catch (error) {
          errors.push(`delete blob ${row.sha256}: ${(error as Error).message}`);
        }
      }
      if (deleted.length) {
        await tx.$executeRawUnsafe(`DELETE FROM "Blob" WHERE "sha256" = ANY($1::text[])`, deleted);
        getLogger().info({ blobs: deleted.length, bytesFreed }, 'Deleted unreferenced blobs');
      }
      return { blobsDeleted: deleted.length, bytesFreed };
    },
    { timeout: 120_000 },
  );
}

/**
 * The same sweep for blobs in teams' connector buckets (docs/decisions/011): a ConnectorBlob
 * goes when no EntityBlob of its team says the team's copy lives in that connector and no
 * completed upload into it waits for a version. Disabled connectors are swept too — their
 * bucket still holds what they stored. Row locks and the grace clock work as for `Blob`.
 */
async function deleteUnreferencedConnectorBlobs(cutoff: Date, limit: number, errors: string[]) {
  return getPrisma().$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<
        { connectorId: string; sha256: string; size: bigint }[]
      >(
        `SELECT cb."connectorId", cb."sha256", cb."size" FROM "ConnectorBlob" cb
           JOIN "StorageConnector" c ON c."id" = cb."connectorId"
         WHERE cb."createdAt" < $1
           AND NOT EXISTS (SELECT 1 FROM "EntityBlob" e
                           WHERE e."entityId" = c."entityId" AND e."sha256" = cb."sha256"
                             AND e."storageConnectorId" = cb."connectorId")
           AND NOT EXISTS (SELECT 1 FROM "ArtifactUpload" u
                           WHERE u."sha256" = cb."sha256" AND u."completedAt" IS NOT NULL
                             AND u."storageConnectorId" = cb."connectorId")
         ORDER BY cb."createdAt" LIMIT $2
         FOR UPDATE OF cb SKIP LOCKED`,
        cutoff,
        limit,
      );
      let blobsDeleted = 0;
      let bytesFreed = 0;
      for (const row of rows) {
        try {
          await (await blobStoreAt(row.connectorId)).delete(row.sha256);
          await tx.$executeRawUnsafe(
            `DELETE FROM "ConnectorBlob" WHERE "connectorId" = $1 AND "sha256" = $2`,
            row.connectorId,
            row.sha256,
          );
          blobsDeleted++;
          bytesFreed += Number(row.size);
        } catch (error) {
          errors.push(
            `delete blob ${row.sha256} from connector ${row.connectorId}: ${(error as Error).message}`,
          );
        }
      }
      if (blobsDeleted) {
        getLogger().info(
          { blobs: blobsDeleted, bytesFreed },
          'Deleted unreferenced connector blobs',
        );
      }
      return { blobsDeleted, bytesFreed };
    },
    { timeout: 120_000 },
  );
}
