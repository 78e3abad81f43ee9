import path from 'node:path';
import type { Env } from '../../lib/env';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The configured DATABASE_URL, or an embedded Postgres with its data in <data dir>/postgres. */
export async function openDatabase(env: Env, log = console.log): Promise<Database> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dataDir = path.resolve(env.SEXTANT_DATA_DIR);
  const started = Date.now();
  const postgres = await startEmbeddedPostgres({ dataDir, preferredPort: env.EMBEDDED_PG_PORT });
  log(
    `• Embedded Postgres ready on port ${postgres.port} (data in ${path.relative(process.cwd(), dataDir) || '.'}/postgres, ${Date.now() - started} ms)`,
  );
  return { url: postgres.url, embedded: true, stop: () => postgres.stop() };
}
