import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import { requireDatabaseUrl } from '../env';

/**
 * The one Prisma client of the process (DESIGN.md §2 rule 6). Created on first use, never
 * at import time: `next build` evaluates route modules without a database.
 */
const globalForPrisma = globalThis as unknown as { sextantPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  // Kept on globalThis so dev-mode hot reloads do not open a new pool each time.
  globalForPrisma.sextantPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }),
  });
  return globalForPrisma.sextantPrisma;
}
