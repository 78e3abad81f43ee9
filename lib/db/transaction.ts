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
