import { getPrisma } from '../db/prisma';
import { sendEmail } from '../email/outbox';
import { getEnv } from '../env';
import { getLogger } from '../logger';
import { getSystemSettings } from '../system/settings';
import { formatBytes } from './usage';

/** The fractions of the limit that warn, highest first. */
const thresholds = [100, 80] as const;
export type WarnLevel = 0 | (typeof thresholds)[number];

const GB = 1000 ** 3;

/** The highest threshold `used` has reached (0 below 80%). */
export function warnLevelOf(usedBytes: number, limitBytes: number): WarnLevel {
  if (limitBytes <= 0) return 100;
  return thresholds.find((t) => usedBytes * 100 >= limitBytes * t) ?? 0;
}

export interface WarningReport {
  checked: number;
  warned: number;
  reset: number;
}

/**
 * Brings each entity's `EntityStorage.warnedPercent` in line with its usage and emails a
 * warning when it goes UP to 80 or 100 (docs/decisions/010). Going down only resets the
 * mark, so the next crossing warns again. Race-safe without locks held across email: the
 * mark moves by a compare-and-set UPDATE (`WHERE warnedPercent = <what we read>`), so of two
 * callers seeing the same crossing exactly one wins and sends. Called after writes that add
 * usage (run file saved, artifact version logged) and by the storage cron for everything
 * else (deletes, cascades, a changed limit).
 */
export async function checkStorageWarnings(entityIds: string[]): Promise<WarningReport> {
  const report: WarningReport = { checked: 0, warned: 0, reset: 0 };
  if (!entityIds.length) return report;
  const prisma = getPrisma();
  const defaultLimit = (await getSystemSettings()).defaultStorageLimitGb * GB;
  const rows = await prisma.entityStorage.findMany({ where: { entityId: { in: entityIds } } });
  for (const row of rows) {
    report.checked++;
    const usedBytes = Number(row.usedBytes);
    const limitBytes = row.limitBytes != null ? Number(row.limitBytes) : defaultLimit;
    const level = warnLevelOf(usedBytes, limitBytes);
    if (level === row.warnedPercent) continue;
    const { count } = await prisma.entityStorage.updateMany({
      where: { entityId: row.entityId, warnedPercent: row.warnedPercent },
      data: { warnedPercent: level },
    });
    if (count === 0) continue; // someone else moved the mark first, and warned if needed
    if (level < row.warnedPercent) {
      report.reset++;
      continue;
    }
    report.warned++;
    await sendWarning(row.entityId, { usedBytes, limitBytes, level: level as 80 | 100 }).catch(
      (error: unknown) =>
        getLogger().error(
          { err: error, entityId: row.entityId },
          'Could not queue a storage warning',
        ),
    );
  }
  return report;
}

/**
 * The inline check after a write or delete has committed: it must never fail the request that
 * already succeeded, so errors are logged and left to the storage cron's sweep.
 */
export async function checkStorageWarningsAfterWrite(entityId: string): Promise<void> {
  await checkStorageWarnings([entityId]).catch((error: unknown) =>
    getLogger().error({ err: error, entityId }, 'Storage warning check failed'),
  );
}

/** Emails the person (personal entity) or every admin of the team. */
async function sendWarning(
  entityId: string,
  usage: { usedBytes: number; limitBytes: number; level: 80 | 100 },
): Promise<void> {
  const prisma = getPrisma();
  const entity = await prisma.entity.findUnique({
    where: { id: entityId },
    include: { user: { select: { id: true } }, team: { select: { id: true, name: true } } },
  });
  if (!entity) return;
  const userIds = entity.team
    ? (
        await prisma.membership.findMany({
          where: { teamId: entity.team.id, role: 'ADMIN' },
          select: { userId: true },
        })
      ).map((m) => m.userId)
    : entity.user
      ? [entity.user.id]
      : [];
  if (!userIds.length) return;
  const emails = await prisma.email.findMany({
    where: { userId: { in: userIds }, isPrimary: true, verifiedAt: { not: null } },
    select: { address: true },
  });
  const storagePath = entity.team
    ? `/teams/${entity.team.name}/settings/usage`
    : '/settings/storage';
  for (const { address } of emails) {
    await sendEmail({
      to: address,
      template: 'storage-warning',
      props: {
        entityName: entity.name,
        isTeam: !!entity.team,
        used: formatBytes(usage.usedBytes),
        limit: formatBytes(usage.limitBytes),
        percent: usage.level,
        actualPercent: Math.floor((usage.usedBytes / Math.max(1, usage.limitBytes)) * 100),
        storageUrl: new URL(storagePath, getEnv().APP_URL).toString(),
      },
    });
  }
}

/**
 * Entities whose warning mark disagrees with their usage (the cron's sweep): one pass over
 * EntityStorage, one row per entity, computed in SQL against the instance default limit.
 */
export async function entitiesWithStaleWarning(limit: number): Promise<string[]> {
  const defaultLimit = (await getSystemSettings()).defaultStorageLimitGb * GB;
  const rows = await getPrisma().$queryRawUnsafe<{ entityId: string }[]>(
    `SELECT "entityId" FROM (
       SELECT "entityId", "warnedPercent", "usedBytes", COALESCE("limitBytes", $1::bigint) AS lim
       FROM "EntityStorage"
     ) s
     WHERE "warnedPercent" <> CASE
       WHEN s.lim <= 0 OR s."usedBytes" * 100 >= s.lim * 100 THEN 100
       WHEN s."usedBytes" * 100 >= s.lim * 80 THEN 80 ELSE 0 END
     LIMIT $2`,
    BigInt(defaultLimit),
    limit,
  );
  return rows.map((r) => r.entityId);
}
