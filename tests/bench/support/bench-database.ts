import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../../lib/db/embedded-postgres';
import { applyMigrations } from '../../../lib/db/schema-engine';

/** A throwaway migrated Postgres for one benchmark; DATABASE_URL points at it for app modules imported after. */
export async function startBenchDatabase() {
  const postgres = await startEmbeddedPostgres({
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'sextant-bench-')),
    preferredPort: 0,
    persistent: false,
  });
  await applyMigrations(postgres.url);
  process.env.DATABASE_URL = postgres.url;
  return postgres;
}
