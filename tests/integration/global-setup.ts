import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { applyMigrations } from '../../lib/db/schema-engine';
import { adminQuery } from '../helpers/database';

export const templateDatabase = 'sextant_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's maintenance database; tests create their own databases. */
    postgresAdminUrl: string;
  }
}

/**
 * Starts one throwaway Postgres for the whole run and migrates a template database with
 * the production migration code; each test file then clones the template (fast, isolated).
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sextant-test-pg-'));
  const postgres = await startEmbeddedPostgres({
    dataDir,
    preferredPort: 0,
    database: templateDatabase,
    persistent: false,
  });
  await applyMigrations(postgres.url);
  const admin = new URL(postgres.url);
  admin.pathname = '/postgres';
  // A template must have no sessions while it is cloned: close the migrator's and lock it.
  await adminQuery(
    admin.toString(),
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${templateDatabase}' AND pid <> pg_backend_pid()`,
  );
  await adminQuery(
    admin.toString(),
    `ALTER DATABASE "${templateDatabase}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
  );
  project.provide('postgresAdminUrl', admin.toString());
  return async () => {
    await postgres.stop();
  };
}
