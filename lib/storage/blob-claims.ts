import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import type { RawQueryable } from './blob-location';
import { blobStoreAt } from './connectors/connector-stores';

/*
 * The unreferenced-blob cleanup (lib/storage/cleanup.ts) deletes a blob only while holding its
 * Blob row locked and only when the row's `createdAt` — the blob's grace clock — is older than
 * the grace period. Every writer about to reference a blob first "claims" it by moving that
 * clock to now. Row locks order the two (docs/decisions/010-storage-warnings-and-cleanup.md):
 * either the claim lands first and the cleanup skips the blob, or the cleanup's delete of the
 * bytes and the row commits first and the claim finds no row (the writer then stores or
 * re-checks the bytes itself).
 *
 * Blobs in a team's connector bucket have the same clock on their ConnectorBlob row
 * (`storageConnectorId` below; null = the instance store's Blob row).
 */

/**
 * Called before the blob store joins an upload's parts: protects existing bytes of the same
 * content from a cleanup running meanwhile. Finding no row is fine — the upload writes them.
 */
export async function claimBlobBeforeUpload(
  sha256: string,
  storageConnectorId: string | null = null,
): Promise<void> {
  if (storageConnectorId) {
    await getPrisma().$executeRawUnsafe(
      `UPDATE "ConnectorBlob" SET "createdAt" = now() WHERE "connectorId" = $1 AND "sha256" = $2`,
      storageConnectorId,
      sha256,
    );
    return;
  }
  await getPrisma().$executeRawUnsafe(
    `UPDATE "Blob" SET "createdAt" = now() WHERE "sha256" = $1`,
    sha256,
  );
}

/**
 * Records the blob inside the writer's transaction (refreshing its grace clock). When no
 * bytes came with this request (`uploaded: false`, deduplicated content) and the row had to
 * be created, a cleanup removed the blob just before: the bytes are checked and the request
 * refused if they are gone, so nothing ever references a missing blob.
 */
export async function recordBlob(
  db: RawQueryable,
  blob: { sha256: string; size: number },
  uploaded: boolean,
  storageConnectorId: string | null = null,
): Promise<void> {
  const [row] = storageConnectorId
    ? await db.$queryRawUnsafe<{ inserted: boolean }[]>(
        `INSERT INTO "ConnectorBlob" ("connectorId", "sha256", "size") VALUES ($1, $2, $3)
         ON CONFLICT ("connectorId", "sha256") DO UPDATE SET "createdAt" = now()
         RETURNING (xmax = 0) AS inserted`,
        storageConnectorId,
        blob.sha256,
        blob.size,
      )
    : await db.$queryRawUnsafe<{ inserted: boolean }[]>(
        `INSERT INTO "Blob" ("sha256", "size") VALUES ($1, $2)
         ON CONFLICT ("sha256") DO UPDATE SET "createdAt" = now()
         RETURNING (xmax = 0) AS inserted`,
        blob.sha256,
        blob.size,
      );
  if (
    row?.inserted &&
    !uploaded &&
    !(await (await blobStoreAt(storageConnectorId)).has(blob.sha256))
  ) {
    throw new AppError(
      'CONFLICT',
      `The content ${blob.sha256.slice(0, 12)}… was just removed from storage; upload it again`,
      { fields: [{ field: 'sha256', message: 'content is no longer stored; upload it again' }] },
    );
  }
}

/**
 * Claims blobs a new artifact version names, inside its transaction. They were uploaded
 * earlier (a completed ArtifactUpload holds them meanwhile); a row that is gone means the
 * cleanup removed it after that upload expired, so those bytes must be uploaded again.
 */
export async function claimUploadedBlobs(
  db: RawQueryable,
  shas: string[],
  entityId?: string,
): Promise<string[]> {
  if (!shas.length) return [];
  const rows = await db.$queryRawUnsafe<{ sha256: string }[]>(
    `UPDATE "Blob" SET "createdAt" = now() WHERE "sha256" = ANY($1::text[]) RETURNING "sha256"`,
    shas,
  );
  // Blobs the entity stored in its connectors' buckets (the current one or earlier ones).
  if (entityId) {
    rows.push(
      ...(await db.$queryRawUnsafe<{ sha256: string }[]>(
        `UPDATE "ConnectorBlob" SET "createdAt" = now()
          WHERE "sha256" = ANY($1::text[])
            AND "connectorId" IN (SELECT "id" FROM "StorageConnector" WHERE "entityId" = $2)
         RETURNING "sha256"`,
        shas,
        entityId,
      )),
    );
  }
  const found = new Set(rows.map((r) => r.sha256));
  return shas.filter((s) => !found.has(s));
}
