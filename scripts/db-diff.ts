/**
 * `npm run db:diff -- <name>`: writes the next migration from the change to
 * prisma/schema.prisma since the newest migration, plus a snapshot of the schema beside
 * it (the starting point of the next diff). Needs no database and no engine download.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  diffSchemaAgainstMigrations,
  migrationsDir,
  schemaPath,
  snapshotFileName,
} from '../lib/db/schema-engine';
import { loadConfig } from './support/config';
import { openDatabase } from './support/database';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error(
    'Usage: npm run db:diff -- <name>   (name: lowercase letters, digits and _; e.g. add_api_keys)',
  );
  process.exit(2);
}

// The engine wants a live connection even though this diff compares two datamodels.
const database = await openDatabase(loadConfig());
const sql = await diffSchemaAgainstMigrations(database.url).finally(() => database.stop());
if (!sql.trim()) {
  console.log('prisma/schema.prisma matches the newest migration: nothing to write.');
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql);
await copyFile(schemaPath, path.join(dir, snapshotFileName));
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql:\n\n${sql}`);
