import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { getSystemSettings } from '../system/settings';

/** What a transaction client needs to run raw SQL (Prisma's `tx` or the client itself). */
interface RawQueryable {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface StorageUsage {
  usedBytes: number;
  limitBytes: number;
}

/** Decimal, like the "100 GB" plan and formatBytes. */
const GB = 1000 ** 3;

/**
 * Bytes an entity (user or team) stores and may store. Usage is kept by database triggers on
 * RunFile (migration files_and_storage): a blob counts once per entity however many of its
 * runs hold it. The limit is data: the entity's own `limitBytes` (billing will set it), else
 * the instance default from /admin (100 GB unless changed).
 */
export async function getStorageUsage(entityId: string): Promise<StorageUsage> {
  const row = await getPrisma().entityStorage.findUnique({ where: { entityId } });
  return {
    usedBytes: Number(row?.usedBytes ?? 0),
    limitBytes: row?.limitBytes != null ? Number(row.limitBytes) : await defaultLimitBytes(),
  };
}

async function defaultLimitBytes(): Promise<number> {
  return (await getSystemSettings()).defaultStorageLimitGb * GB;
}

/**
 * Refuses `addedBytes` more when they would pass the entity's limit. Inside a transaction it
 * locks the entity's usage row, so two uploads finishing at once cannot both squeeze in.
 */
export async function assertQuotaAllows(
  entity: { id: string; name: string },
  addedBytes: number,
  db: RawQueryable = getPrisma(),
): Promise<void> {
  if (addedBytes <= 0) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "EntityStorage" ("entityId") VALUES ($1) ON CONFLICT DO NOTHING`,
    entity.id,
  );
  const [row] = await db.$queryRawUnsafe<{ usedBytes: bigint; limitBytes: bigint | null }[]>(
    `SELECT "usedBytes", "limitBytes" FROM "EntityStorage" WHERE "entityId" = $1 FOR UPDATE`,
    entity.id,
  );
  const usedBytes = Number(row?.usedBytes ?? 0);
  const limitBytes = row?.limitBytes != null ? Number(row.limitBytes) : await defaultLimitBytes();
  if (usedBytes + addedBytes <= limitBytes) return;
  throw new AppError(
    'QUOTA_EXCEEDED',
    `Storage limit reached for "${entity.name}": ${formatBytes(usedBytes)} used of ${formatBytes(limitBytes)}, ` +
      `and this upload needs ${formatBytes(addedBytes)} more. Delete files you no longer need ` +
      `(Settings → Storage), or ask an administrator to raise the limit (Admin → default storage limit).`,
    {
      fields: [
        { field: 'size', message: `would exceed the storage limit of ${formatBytes(limitBytes)}` },
      ],
    },
  );
}

/** Recomputes every entity's usage from its files (the reconcile job; triggers keep it otherwise). */
export async function reconcileStorageUsage(): Promise<{ entities: number }> {
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`LOCK TABLE "RunFile", "ArtifactFile" IN SHARE MODE`);
    // Rows are updated in place, not rebuilt: each keeps `storageConnectorId`, the store that
    // holds the entity's copy (docs/decisions/011), which the files themselves do not record.
    await tx.$executeRawUnsafe(
      `DELETE FROM "EntityBlob" eb
       WHERE NOT EXISTS (SELECT 1 FROM "RunFile" f
                         WHERE f."entityId" = eb."entityId" AND f."sha256" = eb."sha256")
         AND NOT EXISTS (SELECT 1 FROM "ArtifactFile" a
                         WHERE a."entityId" = eb."entityId" AND a."sha256" = eb."sha256")`,
    );
    // Artifact files hold blobs too (their triggers share these refs); references hold none.
    await tx.$executeRawUnsafe(
      `INSERT INTO "EntityBlob" ("entityId", "sha256", "refs")
       SELECT "entityId", "sha256", count(*) FROM (
         SELECT "entityId", "sha256" FROM "RunFile"
         UNION ALL
         SELECT "entityId", "sha256" FROM "ArtifactFile" WHERE "sha256" IS NOT NULL
       ) held GROUP BY "entityId", "sha256"
       ON CONFLICT ("entityId", "sha256") DO UPDATE SET "refs" = EXCLUDED."refs"`,
    );
    const updated = await tx.$executeRawUnsafe(
      `INSERT INTO "EntityStorage" ("entityId", "usedBytes")
       SELECT e."id", COALESCE(u.used, 0) FROM "Entity" e
       LEFT JOIN (
         SELECT eb."entityId", sum(COALESCE(cb."size", b."size")) AS used FROM "EntityBlob" eb
         LEFT JOIN "Blob" b ON eb."storageConnectorId" IS NULL AND b."sha256" = eb."sha256"
         LEFT JOIN "ConnectorBlob" cb
           ON cb."connectorId" = eb."storageConnectorId" AND cb."sha256" = eb."sha256"
         GROUP BY eb."entityId"
       ) u ON u."entityId" = e."id"
       ON CONFLICT ("entityId") DO UPDATE SET "usedBytes" = EXCLUDED."usedBytes"`,
    );
    return { entities: updated };
  });
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
