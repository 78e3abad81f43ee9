import type { Prisma } from '@/generated/prisma/client';
import type { PoolClient } from 'pg';
import { getPool } from './prisma';

/**
 * Runs `work` in one transaction on a pooled connection (raw SQL paths: ingest, cron jobs):
 * committed when it returns, rolled back when it throws, the connection always released.
 */
export async function withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A Prisma interactive transaction as the `query(text, values)` the raw SQL services take
 * (the metrics store), so their statements join that transaction.
 */
export function prismaQueryable(tx: Prisma.TransactionClient) {
  return {
    async query<R extends object = Record<string, unknown>>(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<R[]>(text, ...values);
      return { rows, rowCount: rows.length };
    },
  };
}
