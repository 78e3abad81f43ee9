/**
 * P1 (DESIGN.md §5): ingest from many concurrent clients over real HTTP into the local
 * Postgres, through `npm start`'s production server, vs a raw bulk INSERT of the same points
 * into a plain narrow table of the same Postgres in the same run. Prints points/s and
 * post latency percentiles and CPU per post. Tunables: BENCH_CLIENTS, BENCH_SECONDS, BENCH_ROWS,
 * BENCH_KEYS, BENCH_GZIP (0: plain JSON bodies).
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { startBenchDatabase } from './support/bench-database';
import { startNextServer } from './support/next-server';
import { postmasterPid, processGroupCpuMs, processTreeCpuMs } from './support/process-cpu';

const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const rowsPerPost = Number(process.env.BENCH_ROWS ?? 100);
const keysPerRow = Number(process.env.BENCH_KEYS ?? 10);
const pointsPerPost = rowsPerPost * keysPerRow;

const postgres = await startBenchDatabase();
process.env.AUTH_SECRET = 'bench-secret-bench-secret-bench-secret';

const { signUp } = await import('../../lib/accounts/sign-up');
const { createApiKey } = await import('../../lib/accounts/api-keys');
const { getPool, getPrisma } = await import('../../lib/db/prisma');
const { userId } = await signUp({
  email: 'bench@example.com',
  username: 'bench',
  password: 'quick-brown-fox-9',
});
const { secret } = await createApiKey(
  { kind: 'user', userId, username: 'bench', isSystemAdmin: true, via: 'session' },
  'bench',
);

const server = await startNextServer(postgres.url).catch(async (error) => {
  await postgres.stop();
  throw error;
});
const base = server.url;

const latencies: number[] = [];
let points = 0;
let errors = 0;

/**
 * The load generator must cost little next to the server, since on this machine it shares
 * the server's 2 cores: bodies are built (and gzipped, as the SDK does above 1 KB) before the
 * clock starts, and posts go through node:http with keep-alive (undici's fetch costs several
 * times more CPU per request). Bodies for up to 12 posts/s per client are prepared; a client
 * that runs out builds the rest on the fly.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const gzip = process.env.BENCH_GZIP !== '0';

function historyBody(offset: number): Buffer {
  const rows = Array.from({ length: rowsPerPost }, (_, i) => ({
    step: offset + i,
    values: Object.fromEntries(
      Array.from({ length: keysPerRow }, (_, k) => [`metric_${k}`, Math.random()]),
    ),
  }));
  const json = Buffer.from(JSON.stringify({ history: { offset, rows } }));
  return gzip ? gzipSync(json) : json;
}

function post(url: URL, body: Buffer, gzipped = gzip): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${secret}`,
          'content-type': 'application/json',
          'content-length': body.length,
          ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const preparedPosts = seconds * 12;
const prepared = Array.from({ length: clients }, () =>
  Array.from({ length: preparedPosts }, (_, i) => historyBody(i * rowsPerPost)),
);

async function client(index: number, deadline: number) {
  const runUrl = `${base}/api/v1/runs/bench/p1/run-${index}`;
  await post(new URL(runUrl), Buffer.from('{}'), false);
  const streamUrl = new URL(`${runUrl}/stream`);
  let offset = 0;
  for (let n = 0; Date.now() < deadline; n++) {
    const body = prepared[index]![n] ?? historyBody(offset);
    const started = performance.now();
    const response = await post(streamUrl, body);
    latencies.push(performance.now() - started);
    if (response.status !== 200) {
      if (errors++ === 0) console.error(`first failed post: ${response.status} ${response.text}`);
      break;
    }
    offset += rowsPerPost;
    points += pointsPerPost;
  }
}

const postmaster = postmasterPid(Number(new URL(postgres.url).port));
const cpuBefore = {
  server: processGroupCpuMs(server.processGroup),
  postgres: postmaster ? processTreeCpuMs(postmaster) : NaN,
  bench: process.cpuUsage(),
};
const started = performance.now();
const deadline = Date.now() + seconds * 1000;
await Promise.all(Array.from({ length: clients }, (_, i) => client(i, deadline)));
const elapsed = (performance.now() - started) / 1000;
const posts = latencies.length;
const benchCpu = process.cpuUsage(cpuBefore.bench);
const cpuPerPost = {
  server: (processGroupCpuMs(server.processGroup) - cpuBefore.server) / posts,
  postgres: ((postmaster ? processTreeCpuMs(postmaster) : NaN) - cpuBefore.postgres) / posts,
  clients: (benchCpu.user + benchCpu.system) / 1000 / posts,
};
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);

// Baseline: the same number of points, same batch shape and concurrency, straight into Postgres.
const pool = getPool();
await pool.query(
  'CREATE TABLE narrow (metric_id bigint, step bigint, value float8, PRIMARY KEY (metric_id, step))',
);
let baselinePoints = 0;
const baselineStart = performance.now();
await Promise.all(
  Array.from({ length: clients }, async (_, c) => {
    for (let offset = 0; baselinePoints < points; offset += rowsPerPost) {
      const metricIds: number[] = [];
      const steps: number[] = [];
      const values: number[] = [];
      for (let i = 0; i < rowsPerPost; i++) {
        for (let k = 0; k < keysPerRow; k++) {
          metricIds.push(c * 1000 + k);
          steps.push(offset + i);
          values.push(Math.random());
        }
      }
      await pool.query(
        'INSERT INTO narrow SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::float8[])',
        [metricIds, steps, values],
      );
      baselinePoints += pointsPerPost;
    }
  }),
);
const baselineSeconds = (performance.now() - baselineStart) / 1000;

console.log(
  `\nP1 ingest: ${clients} clients × ${rowsPerPost} rows × ${keysPerRow} keys per post, ${seconds} s, over HTTP to next start`,
);
console.table([
  {
    path: 'Sextant stream endpoint',
    'points/s': Math.round(points / elapsed),
    posts: latencies.length,
    errors,
    'p50 ms': pct(0.5),
    'p95 ms': pct(0.95),
    'p99 ms': pct(0.99),
  },
  {
    path: 'raw unnest INSERT (baseline)',
    'points/s': Math.round(baselinePoints / baselineSeconds),
    posts: '',
    errors: '',
    'p50 ms': '',
    'p95 ms': '',
    'p99 ms': '',
  },
]);
const cpuTotal = cpuPerPost.server + cpuPerPost.postgres + cpuPerPost.clients;
console.log(
  `CPU per post (ms): server ${cpuPerPost.server.toFixed(2)}, Postgres ${cpuPerPost.postgres.toFixed(2)}, ` +
    `load clients ${cpuPerPost.clients.toFixed(2)} → at most ${Math.round((2000 / cpuTotal) * pointsPerPost)} points/s ` +
    `on 2 idle cores, or ${Math.round((2000 / (cpuPerPost.server + cpuPerPost.postgres)) * pointsPerPost)} with the clients elsewhere`,
);
console.log(
  `ratio to baseline: ${(points / elapsed / (baselinePoints / baselineSeconds)).toFixed(2)}`,
);

await server.stop();
await getPrisma().$disconnect();
await pool.end();
await postgres.stop();
