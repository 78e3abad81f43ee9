import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import {
  applyMigrations,
  diffSchemaAgainstMigrations,
  loadMigrations,
  migrationsDir,
} from '@/lib/db/schema-engine';
import { createDatabase } from '../helpers/database';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('apply on an empty database, are recorded, and a second run applies nothing', async () => {
    const url = await createDatabase(inject('postgresAdminUrl'));
    const { migrationDirectories } = await loadMigrations();
    expect(migrationDirectories.length).toBeGreaterThan(0);

    const first = await applyMigrations(url);
    expect(first).toEqual(migrationDirectories.map((m) => m.path));

    const recorded = await query<{
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(
      url,
      'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(first);
    expect(recorded.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);

    expect(await applyMigrations(url)).toEqual([]);
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toContain('SystemSetting');
  });

  it('record a failing migration as failed, with its error, and block later runs', async () => {
    const url = await createDatabase(inject('postgresAdminUrl'));
    // The real migrations plus one that creates a table and then fails.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-migrations-'));
    await cp(migrationsDir, dir, { recursive: true });
    await mkdir(path.join(dir, '29990101000000_broken'));
    await writeFile(
      path.join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "HalfDone" (id int);\nSELECT 1 / 0;\n',
    );

    await expect(applyMigrations(url, dir)).rejects.toThrow(/division by zero/);
    const recorded = await query<{
      migration_name: string;
      finished_at: Date | null;
      logs: string | null;
    }>(
      url,
      'SELECT migration_name, finished_at, logs FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded.at(-1)).toMatchObject({
      migration_name: '29990101000000_broken',
      finished_at: null,
    });
    expect(recorded.at(-1)?.logs).toContain('division by zero');
    expect(recorded.slice(0, -1).every((r) => r.finished_at !== null)).toBe(true);
    // The failure blocks further runs until someone resolves it.
    await expect(applyMigrations(url, dir)).rejects.toThrow(/failed/i);
  });

  it('cover prisma/schema.prisma: no schema change is left without a migration', async () => {
    expect(await diffSchemaAgainstMigrations(process.env.DATABASE_URL!)).toBe('');
  });
});
