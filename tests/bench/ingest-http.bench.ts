/**
 * P1 (DESIGN.md §5): ingest from many concurrent clients over real HTTP into the local
 * Postgres, through `npm start`'s production server, in two phases: capacity (BENCH_CLIENTS
 * clients posting back to back) and the target rate (BENCH_RATE points/s from clients posting
 * once a second, as the SDK does, latency counted from when each post was due); then a raw
 * bulk INSERT of as many points into a plain narrow table of the same Postgres as the
 * baseline. Prints points/s, post latency percentiles and CPU per post. Other tunables:
 * BENCH_SECONDS (per phase), BENCH_ROWS, BENCH_KEYS, BENCH_GZIP (0: plain JSON bodies).
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
const targetRate = Number(process.env.BENCH_RATE ?? 100_000);
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

let errors = 0;

/**
 * The load generator must cost little next to the server, since on this machine it shares
 * the server's 2 cores: bodies are built (and gzipped, as the SDK does above 1 KB) before the
 * clock starts, and posts go through node:http with keep-alive (undici's fetch costs several
 * times more CPU per request). Bodies for up to 12 posts/s per client are prepared; a client
 * that runs out builds the rest on the fly.
 */
const agent = new http.Agent({ keepAlive: true });
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

/** Latencies of one phase, in ms, and the points it stored. */
interface Phase {
  latencies: number[];
  points: number;
  firstDue: number;
  lastDone: number;
}

/**
 * Creates a run and sends its first batch (a run's first batch creates its series): like a
 * job that has been training for a while, before the clock starts. Returns its stream URL.
 */
async function startRun(run: string, firstBody: Buffer): Promise<URL> {
  const runUrl = `${base}/api/v1/runs/bench/p1/${run}`;
  await post(new URL(runUrl), Buffer.from('{}'), false);
  const streamUrl = new URL(`${runUrl}/stream`);
  const first = await post(streamUrl, firstBody);
  if (first.status !== 200) throw new Error(`first post failed: ${first.status} ${first.text}`);
  return streamUrl;
}

/**
 * One SDK-like client streaming to its started run, from its second batch. Closed loop (no
 * `everyMs`): the next batch goes as soon as the last is acknowledged, until the deadline.
 * Open loop: `posts` batches, one due every `everyMs`, each one's latency counted from when
 * it was due, so a slow server cannot hide its backlog (no coordinated omission).
 */
async function client(
  phase: Phase,
  streamUrl: URL,
  bodies: Buffer[],
  until: { deadline: number } | { posts: number; everyMs: number },
) {
  const openLoop = 'everyMs' in until;
  const start = performance.now() + (openLoop ? Math.random() * until.everyMs : 0);
  for (let n = 1; openLoop ? n <= until.posts : Date.now() < until.deadline; n++) {
    const body = bodies[n] ?? historyBody(n * rowsPerPost);
    let due = performance.now();
    if (openLoop) {
      due = start + (n - 1) * until.everyMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    phase.firstDue = Math.min(phase.firstDue, due);
    const response = await post(streamUrl, body);
    phase.lastDone = performance.now();
    phase.latencies.push(phase.lastDone - due);
    if (response.status !== 200) {
      if (errors++ === 0) console.error(`first failed post: ${response.status} ${response.text}`);
      break;
    }
    phase.points += pointsPerPost;
  }
}

const newPhase = (): Phase => ({ latencies: [], points: 0, firstDue: Infinity, lastDone: 0 });
/** Points per second from the first post's due time to the last answer. */
const rateOf = (phase: Phase) =>
  Math.round(phase.points / ((phase.lastDone - phase.firstDue) / 1000));

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(1);
};

// Phase 1, capacity: every client posts back to back.
const capacity = newPhase();
const prepared = Array.from({ length: clients }, () =>
  Array.from({ length: preparedPosts }, (_, i) => historyBody(i * rowsPerPost)),
);
const capacityRuns = await Promise.all(
  prepared.map((bodies, i) => startRun(`run-${i}`, bodies[0]!)),
);
const postmaster = postmasterPid(Number(new URL(postgres.url).port));
const cpuBefore = {
  server: processGroupCpuMs(server.processGroup),
  postgres: postmaster ? processTreeCpuMs(postmaster) : NaN,
  bench: process.cpuUsage(),
};
const started = performance.now();
await Promise.all(
  prepared.map((bodies, i) =>
    client(capacity, capacityRuns[i]!, bodies, { deadline: Date.now() + seconds * 1000 }),
  ),
);
const elapsed = (performance.now() - started) / 1000;
const posts = capacity.latencies.length;
const benchCpu = process.cpuUsage(cpuBefore.bench);
const cpuPerPost = {
  server: (processGroupCpuMs(server.processGroup) - cpuBefore.server) / posts,
  postgres: ((postmaster ? processTreeCpuMs(postmaster) : NaN) - cpuBefore.postgres) / posts,
  clients: (benchCpu.user + benchCpu.system) / 1000 / posts,
};
const points = capacity.points;

// Phase 2, at the target rate: BENCH_RATE points/s from clients that each send one batch a
// second (the SDK's rhythm), as many clients as that takes.
const rateClients = Math.max(1, Math.round(targetRate / pointsPerPost));
const atRate = newPhase();
const rateBodies = Array.from({ length: rateClients }, () =>
  Array.from({ length: seconds + 1 }, (_, i) => historyBody(i * rowsPerPost)),
);
const rateRuns = await Promise.all(
  rateBodies.map((bodies, i) => startRun(`rate-${i}`, bodies[0]!)),
);
await Promise.all(
  rateBodies.map((bodies, i) =>
    client(atRate, rateRuns[i]!, bodies, { posts: seconds, everyMs: 1000 }),
  ),
);

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
  `\nP1 ingest: ${rowsPerPost} rows × ${keysPerRow} keys per post, ${seconds} s per phase, over HTTP to npm start's server`,
);
console.table([
  {
    phase: `capacity: ${clients} clients, back to back`,
    'points/s': Math.round(points / elapsed),
    posts,
    errors,
    'p50 ms': percentile(capacity.latencies, 0.5),
    'p95 ms': percentile(capacity.latencies, 0.95),
    'p99 ms': percentile(capacity.latencies, 0.99),
  },
  {
    phase: `target ${Math.round(targetRate / 1000)}k/s: ${rateClients} clients × 1 post/s`,
    'points/s': rateOf(atRate),
    posts: atRate.latencies.length,
    errors: '',
    'p50 ms': percentile(atRate.latencies, 0.5),
    'p95 ms': percentile(atRate.latencies, 0.95),
    'p99 ms': percentile(atRate.latencies, 0.99),
  },
  {
    phase: 'raw unnest INSERT (baseline)',
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
