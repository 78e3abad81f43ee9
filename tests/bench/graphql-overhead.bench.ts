/**
 * What the API layer costs on top of the database: the same `SELECT 1` health check
 * answered (a) by a raw pg query, (b) through Prisma, (c) through the full GraphQL route
 * (Apollo + Pothos + context + limits). Prints p50/p95 and the ratio to (a).
 */
import pg from 'pg';
import { startBenchDatabase } from './support/bench-database';

const iterations = 2000;
const postgres = await startBenchDatabase();

async function measure(
  name: string,
  run: () => Promise<unknown>,
): Promise<{ name: string; p50: number; p95: number }> {
  for (let i = 0; i < 200; i++) await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    p50: times[Math.floor(iterations * 0.5)]!,
    p95: times[Math.floor(iterations * 0.95)]!,
  };
}

const client = new pg.Client({ connectionString: postgres.url });
await client.connect();
const { getPrisma } = await import('../../lib/db/prisma');
const { POST } = await import('../../app/api/graphql/route');
const { NextRequest } = await import('next/server');
const body = JSON.stringify({ query: '{ instance { status database { reachable } } }' });

const results = [
  await measure('raw pg SELECT 1', () => client.query('SELECT 1')),
  await measure('Prisma $queryRaw SELECT 1', () => getPrisma().$queryRaw`SELECT 1`),
  await measure('GraphQL { instance } via route', () =>
    POST(
      new NextRequest('http://localhost/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    ).then((response) => response.json()),
  ),
];
const baseline = results[0]!.p50;
console.log(`\n${iterations} sequential requests each (in-process, embedded Postgres)`);
console.table(
  results.map((r) => ({
    path: r.name,
    'p50 ms': r.p50.toFixed(3),
    'p95 ms': r.p95.toFixed(3),
    'p50 / raw': (r.p50 / baseline).toFixed(1),
  })),
);
await client.end();
await getPrisma().$disconnect();
await postgres.stop();
