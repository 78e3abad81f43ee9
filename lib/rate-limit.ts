import { getPrisma } from './db/prisma';
import { AppError } from './errors';

/**
 * Fixed-window rate limit kept in Postgres, so every server instance shares the count.
 * Returns false when `key` has used up `limit` hits in the current window.
 */
export async function hit(
  key: string,
  limit: number,
  windowMs: number,
  now = new Date(),
): Promise<boolean> {
  const windowStart = new Date(now.getTime() - windowMs);
  // One statement: start a new window when the old one expired, otherwise count the hit.
  const rows = await getPrisma().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < ${windowStart} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < ${windowStart} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count"`;
  return (rows[0]?.count ?? 0) <= limit;
}

/** Throws RATE_LIMITED with `message` when the limit is exceeded. */
export async function assertWithinRateLimit(
  key: string,
  limit: number,
  windowMs: number,
  message: string,
): Promise<void> {
  if (!(await hit(key, limit, windowMs))) throw new AppError('RATE_LIMITED', message);
}
