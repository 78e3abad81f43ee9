import { defineConfig } from 'prisma/config';

// Prisma 7 reads the URL here. `env()` would throw when unset and break `prisma generate`,
// which needs no database; migrations run through scripts/db-migrate.ts instead.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/sextant' },
});
