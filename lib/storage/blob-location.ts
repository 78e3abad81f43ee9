import { getPrisma } from '../db/prisma';
import type { BlobStore } from './blob-store';
import { blobStoreAt } from './connectors/connector-stores';

/**
 * Which store holds an entity's copy of some content (docs/decisions/011). Blobs are
 * content-addressed per store: the instance store's are rows of `Blob`, a team connector's
 * rows of `ConnectorBlob`. An entity holds each content in exactly one store, recorded on its
 * EntityBlob row (`storageConnectorId`, null = instance store) when it first references it,
 * so reads find old blobs wherever they were stored after a connector is added, changed or
 * removed.
 */

/** What a transaction client needs to run raw SQL (Prisma's `tx` or the client itself). */
export interface RawQueryable {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** The store holding the entity's copy of `sha256` (the instance store when it holds none). */
export async function storeHolding(entityId: string, sha256: string): Promise<BlobStore> {
  const held = await getPrisma().entityBlob.findUnique({
    where: { entityId_sha256: { entityId, sha256 } },
    select: { storageConnectorId: true },
  });
  return blobStoreAt(held?.storageConnectorId ?? null);
}

/**
 * The entity's copy of some content, if it has one: referenced by its files, or uploaded by
 * it and waiting for an artifact version. `size` is the stored blob's (null when the blob row
 * is gone: the cleanup removed it and the bytes must come again).
 */
export async function heldBlob(
  entityId: string,
  sha256: string,
): Promise<{ storageConnectorId: string | null; size: number | null } | null> {
  const prisma = getPrisma();
  const held =
    (await prisma.entityBlob.findUnique({
      where: { entityId_sha256: { entityId, sha256 } },
      select: { storageConnectorId: true },
    })) ??
    (await prisma.artifactUpload.findFirst({
      where: { entityId, sha256, completedAt: { not: null } },
      select: { storageConnectorId: true },
    }));
  if (!held) return null;
  const { storageConnectorId } = held;
  const blob = storageConnectorId
    ? await prisma.connectorBlob.findUnique({
        where: { connectorId_sha256: { connectorId: storageConnectorId, sha256 } },
      })
    : await prisma.blob.findUnique({ where: { sha256 } });
  return { storageConnectorId, size: blob ? Number(blob.size) : null };
}

/**
 * Stored sizes of blobs the entity may name: in the instance store or in any of its
 * connectors' buckets (content-addressed, so a size is the same wherever the bytes are).
 */
export async function storedSizes(entityId: string, shas: string[]): Promise<Map<string, number>> {
  const rows = await getPrisma().$queryRawUnsafe<{ sha256: string; size: bigint }[]>(
    `SELECT "sha256", "size" FROM "Blob" WHERE "sha256" = ANY($2::text[])
     UNION ALL
     SELECT cb."sha256", cb."size" FROM "ConnectorBlob" cb
       JOIN "StorageConnector" c ON c."id" = cb."connectorId"
      WHERE c."entityId" = $1 AND cb."sha256" = ANY($2::text[])`,
    entityId,
    shas,
  );
  return new Map(rows.map((r) => [r.sha256, Number(r.size)]));
}

/**
 * Records where the entity's copy of `sha256` lives before the first file references it. The
 * usage triggers then find the row (refs 0 → 1, counting the bytes as usual); an entity that
 * already holds the content keeps its location. Call inside the writer's transaction.
 */
export async function pinBlobLocation(
  db: RawQueryable,
  entityId: string,
  sha256: string,
  storageConnectorId: string | null,
): Promise<void> {
  if (!storageConnectorId) return; // null is what the triggers write anyway
  await db.$executeRawUnsafe(
    `INSERT INTO "EntityBlob" ("entityId", "sha256", "refs", "storageConnectorId")
     VALUES ($1, $2, 0, $3) ON CONFLICT DO NOTHING`,
    entityId,
    sha256,
    storageConnectorId,
  );
}

/** The same for blobs an artifact version names: each goes where its upload put it. */
export async function pinUploadedBlobLocations(
  db: RawQueryable,
  entityId: string,
  shas: string[],
): Promise<void> {
  if (!shas.length) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "EntityBlob" ("entityId", "sha256", "refs", "storageConnectorId")
     SELECT u."entityId", u."sha256", 0, u."storageConnectorId" FROM "ArtifactUpload" u
      WHERE u."entityId" = $1 AND u."sha256" = ANY($2::text[])
        AND u."completedAt" IS NOT NULL AND u."storageConnectorId" IS NOT NULL
     ON CONFLICT DO NOTHING`,
    entityId,
    shas,
  );
}
