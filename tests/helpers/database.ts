import { randomBytes } from 'node:crypto';
import pRetry from 'p-retry';
import pg from 'pg';

/** Runs one statement on the cluster's maintenance database. */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a database (empty, or cloned from a template) and returns its URL. */
export async function createDatabase(adminUrl: string, template?: string): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const sql = `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`;
  // Workers clone the template at the same moment; Postgres allows one copy at a time.
  await pRetry(() => adminQuery(adminUrl, sql), {
    retries: 20,
    minTimeout: 50,
    maxTimeout: 500,
    shouldRetry: ({ error }) => /being accessed by other users/.test(error.message),
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
