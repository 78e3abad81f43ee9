import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * Prisma's schema engine compiled to WebAssembly, so migrations run with no engine
 * binary download (docs/decisions/001-migrations-without-engine-binary.md). It talks to
 * Postgres through the same `pg` driver adapter as the app.
 */

const require = createRequire(import.meta.url);

type EngineModule = typeof import('@prisma/schema-engine-wasm');
let engineModule: Promise<EngineModule> | undefined;

/**
 * Instantiates the wasm by hand: the package's entry does `import * from "./x.wasm"`,
 * which Node 20 only allows behind --experimental-wasm-modules (and bundlers choke on).
 */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports Rust panics through this global before throwing.
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        throw new Error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const entry = require.resolve('@prisma/schema-engine-wasm');
    const bindings =
      (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as EngineModule & {
        __wbg_set_wasm(exports: WebAssembly.Exports): void;
      };
    const bytes = await readFile(path.join(path.dirname(entry), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings as never,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const schemaPath = path.join(projectRoot, 'prisma/schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');

const noFilters = { externalTables: [], externalEnums: [] };

async function withSchemaEngine<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(schemaPath, 'utf8');
  // Freeing the engine does not close its connections, and an open one keeps holding
  // migrate's advisory lock (the next run would wait 10 s for it): we close them ourselves.
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: SqlDriverAdapter[] = [];
  const track = async (connecting: Promise<SqlDriverAdapter>) => {
    const adapter = await connecting;
    opened.push(adapter);
    // The pg adapter runs a script by splitting it at every `;`, which breaks any statement
    // with a `;` inside quotes (a PL/pgSQL trigger function, say). Send the whole script in
    // one simple-protocol query instead, as `prisma migrate deploy` does.
    adapter.executeScript = async (script: string) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    return adapter;
  };
  const adapterFactory = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  });
  // The engine connects on start even for datamodel-only diffs.
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    adapterFactory,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

export async function loadMigrations(dir = migrationsDir): Promise<MigrationList> {
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, name, 'migration.sql');
        return {
          path: name,
          migrationFile: {
            path: 'migration.sql',
            content: existsSync(file)
              ? { tag: 'ok' as const, value: await readFile(file, 'utf8') }
              : { tag: 'error' as const, value: `${file} is missing` },
          },
        };
      }),
    ),
  };
}

/**
 * Applies every pending migration exactly like `prisma migrate deploy`: each one in
 * order, recorded in `_prisma_migrations`; a failed one stays recorded as failed and
 * blocks later runs until it is resolved, so nothing is half-applied silently.
 */
export async function applyMigrations(databaseUrl: string, dir = migrationsDir): Promise<string[]> {
  const migrationsList = await loadMigrations(dir);
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: noFilters,
    });
    return appliedMigrationNames;
  });
}

/** The schema as of the newest migration; db:diff keeps one beside each migration.sql. */
export const snapshotFileName = 'schema.prisma';

export async function latestSnapshot(list: MigrationList): Promise<string | null> {
  const newest = list.migrationDirectories.at(-1);
  if (!newest) return null;
  const file = path.join(list.baseDir, newest.path, snapshotFileName);
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

/**
 * SQL that takes a database migrated to the newest migration to the current schema.prisma
 * ('' when in sync). It diffs the newest migration's schema snapshot against the current
 * schema, both as datamodels, so no database is introspected
 * (docs/decisions/001-migrations-without-engine-binary.md explains why).
 */
export async function diffSchemaAgainstMigrations(databaseUrl: string): Promise<string> {
  const migrationsList = await loadMigrations();
  const previous = await latestSnapshot(migrationsList);
  const schema = await readFile(schemaPath, 'utf8');
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from:
        previous === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: previous }] },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? '';
    return sql.includes('This is an empty migration') ? '' : sql;
  });
}
