import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../../lib/db/embedded-postgres';
import { applyMigrations } from '../../../lib/db/schema-engine';

/**
 * A throwaway migrated Postgres for one benchmark; DATABASE_URL points at it for app modules
 * imported after. BENCH_DATABASE_URL names an existing (migrated) database instead, kept after
 * the run: the workspace benches then reuse data seeded by an earlier run (minutes of set-up).
 */
export async function startBenchDatabase() {
  const reuse = process.env.BENCH_DATABASE_URL;
  if (reuse) {
    process.env.DATABASE_URL = reuse;
    return { url: reuse, stop: async () => {} };
  }
  const postgres = await startEmbeddedPostgres({
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'sextant-bench-')),
    preferredPort: 0,
    persistent: false,
  });
  await applyMigrations(postgres.url);
  process.env.DATABASE_URL = postgres.url;
  return postgres;
}
