/**
 * Run-file upload and download throughput through the server (SDK → HTTP → route handlers →
 * blob store), for the local-directory store and for S3 (moto_server), as a ratio to a plain
 * file copy on the same disk measured in the same run; plus the server's peak RSS during the
 * transfer, which must stay flat whatever the file size (bytes stream, never buffer).
 * Tunables: BENCH_MB (local, default 1024), BENCH_S3_MB (default 256; 0 skips S3),
 * BENCH_PART_MB (16). `npm run bench -- blob-upload` runs both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { uploadFile } from '../../sdk/src/files';
import { startMotoS3 } from '../helpers/moto-s3';
import { startBenchDatabase } from './support/bench-database';

const localMb = Number(process.env.BENCH_MB ?? 1024);
const s3Mb = Number(process.env.BENCH_S3_MB ?? 256);
const partMb = Number(process.env.BENCH_PART_MB ?? 16);
const MB = 1024 * 1024;

const postgres = await startBenchDatabase();
process.env.AUTH_SECRET = 'bench-secret-bench-secret-bench-secret';
const { signUp } = await import('../../lib/accounts/sign-up');
const { createApiKey } = await import('../../lib/accounts/api-keys');
const { userId } = await signUp({
  email: 'bench@example.com',
  username: 'bench',
  password: 'quick-brown-fox-9',
});
const { secret } = await createApiKey(
  { kind: 'user', userId, username: 'bench', isSystemAdmin: true, via: 'session' },
  'bench',
);
const work = await mkdtemp(path.join(os.tmpdir(), 'sextant-blob-bench-'));

/** A file of pseudo-random bytes (incompressible, like a checkpoint), written in chunks. */
async function makeFile(sizeMb: number): Promise<string> {
  const file = path.join(work, `input-${sizeMb}.bin`);
  let seed = createHash('sha256').update(String(sizeMb)).digest();
  async function* chunks() {
    for (let i = 0; i < sizeMb; i++) {
      const chunk = Buffer.alloc(MB);
      for (let o = 0; o < MB; o += 32) {
        seed = createHash('sha256').update(seed).digest();
        seed.copy(chunk, o);
      }
      yield chunk;
    }
  }
  await pipeline(Readable.from(chunks()), createWriteStream(file));
  return file;
}

/** Resident memory of a process and its children, in MB (tsx runs the server in a child). */
async function treeRssMb(pid: number): Promise<number> {
  let total = 0;
  const visit = async (p: number) => {
    try {
      const status = await readFile(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      for (const task of await readdir(`/proc/${p}/task`)) {
        const children = await readFile(`/proc/${p}/task/${task}/children`, 'utf8').catch(() => '');
        for (const child of children.split(' ').filter(Boolean)) await visit(Number(child));
      }
    } catch {
      // gone
    }
  };
  await visit(pid);
  return total;
}

async function startServer(env: Record<string, string>) {
  const child: ChildProcess = spawn(
    'node_modules/.bin/tsx',
    ['tests/bench/support/app-server-process.ts'],
    {
      env: {
        ...process.env,
        DATABASE_URL: postgres.url,
        LOG_LEVEL: 'warn',
        STORAGE_PART_SIZE_BYTES: String(partMb * MB),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** Runs `work` while sampling the server's RSS; returns seconds and the peak. */
async function measured<T>(pid: number, job: () => Promise<T>) {
  const before = await treeRssMb(pid);
  let peak = before;
  const timer = setInterval(
    () => void treeRssMb(pid).then((rss) => (peak = Math.max(peak, rss))),
    50,
  );
  const started = performance.now();
  const result = await job();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  return { result, seconds, before, peak: Math.max(peak, await treeRssMb(pid)) };
}

async function bench(label: string, sizeMb: number, env: Record<string, string>) {
  const file = await makeFile(sizeMb);
  const copyTarget = path.join(work, 'copy.bin');
  let started = performance.now();
  await copyFile(file, copyTarget);
  const copySeconds = (performance.now() - started) / 1000;
  await rm(copyTarget);
  started = performance.now();
  await pipeline(Readable.from(await readFileStream(file)), createWriteStream(copyTarget));
  const streamCopySeconds = (performance.now() - started) / 1000;
  await rm(copyTarget);

  const server = await startServer(env);
  try {
    const runUrl = `${server.url}/api/v1/runs/bench/blobs/${label.replace(/\W+/g, '-')}`;
    await fetch(runUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const up = await measured(server.pid, () =>
      uploadFile({ runUrl, apiKey: secret }, file, 'big.bin', { maxAttempts: 1 }),
    );
    const down = await measured(server.pid, async () => {
      const response = await fetch(`${runUrl}/files/by-path/big.bin`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        createWriteStream(copyTarget),
      );
    });
    const downloaded = (await stat(copyTarget)).size;
    await rm(copyTarget);
    const rate = (seconds: number) => (sizeMb / seconds).toFixed(0).padStart(6);
    console.log(`\n${label}: ${sizeMb} MB file, ${partMb} MB parts`);
    console.log(`  fs.copyFile baseline     ${rate(copySeconds)} MB/s`);
    console.log(`  stream copy baseline     ${rate(streamCopySeconds)} MB/s`);
    console.log(
      `  upload (hash+PUT+verify) ${rate(up.seconds)} MB/s  = ${(copySeconds / up.seconds).toFixed(2)}× copyFile, ${(streamCopySeconds / up.seconds).toFixed(2)}× stream copy`,
    );
    console.log(
      `  download                 ${rate(down.seconds)} MB/s  = ${(copySeconds / down.seconds).toFixed(2)}× copyFile (${downloaded === sizeMb * MB ? 'complete' : 'INCOMPLETE'})`,
    );
    console.log(
      `  server RSS: ${up.before.toFixed(0)} MB before, peak ${up.peak.toFixed(0)} MB uploading, ${down.peak.toFixed(0)} MB downloading`,
    );
  } finally {
    server.stop();
    await rm(file);
  }
}

async function readFileStream(file: string) {
  const { createReadStream } = await import('node:fs');
  return createReadStream(file, { highWaterMark: MB });
}

try {
  await bench('local directory', localMb, {
    STORAGE_DRIVER: 'local',
    SEXTANT_DATA_DIR: path.join(work, 'data'),
  });
  if (s3Mb > 0) {
    const s3 = await startMotoS3({ minPartSize: 5 * MB });
    try {
      await bench('S3 (moto_server)', s3Mb, s3.env);
    } finally {
      await s3.stop();
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
  await postgres.stop();
}
