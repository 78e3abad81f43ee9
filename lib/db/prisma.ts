import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client';
import { requireDatabaseUrl } from '../env';
import { getLogger } from '../logger';

/**
 * The one Prisma client of the process (DESIGN.md §2 rule 6) and the pg pool under it,
 * shared with the hot paths that use raw SQL (history ingest and reads). Created on first
 * use, never at import time: `next build` evaluates route modules without a database.
 */
const globalForDb = globalThis as unknown as {
  sextantPool?: pg.Pool;
  sextantPrisma?: PrismaClient;
};

export function getPool(): pg.Pool {
  // Kept on globalThis so dev-mode hot reloads do not open a new pool each time.
  if (!globalForDb.sextantPool) {
    const pool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: 20,
      // Columns are UTC timestamps without a zone (Prisma's DateTime): SQL that writes now()
      // must mean UTC whatever the server's configured zone.
      options: '-c TimeZone=UTC',
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (error) =>
      getLogger().warn({ reason: error.message }, 'Idle database connection closed'),
    );
    globalForDb.sextantPool = pool;
  }
  return globalForDb.sextantPool;
}

export function getPrisma(): PrismaClient {
  globalForDb.sextantPrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return globalForDb.sextantPrisma;
}
