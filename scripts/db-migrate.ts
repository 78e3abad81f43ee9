/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded Postgres). */
import { applyMigrations } from '../lib/db/schema-engine';
import { fail, loadConfig } from './support/config';
import { openDatabase } from './support/database';

const env = loadConfig();
const database = await openDatabase(env).catch((error) =>
  fail('The database could not be started.', error),
);
try {
  const applied = await applyMigrations(database.url);
  console.log(
    applied.length
      ? `• Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : '• Database is up to date',
  );
} catch (error) {
  await database.stop();
  fail(
    'Migration failed; the failed migration is recorded in _prisma_migrations and nothing after it ran.',
    error,
  );
}
await database.stop();
