import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { findFreePort } from '@/lib/net/find-free-port';

/**
 * A real S3-compatible server (moto, from the machine image's Python 3.11; Debian has no
 * python3-moto package) on a free port, with one bucket. Tests of the S3 blob store talk
 * to it over HTTP exactly as to AWS or MinIO.
 */
export async function startMotoS3(
  options: {
    minPartSize?: number;
    /** Extra env of the server, e.g. INITIAL_NO_AUTH_ACTION_COUNT to make it check credentials. */
    env?: Record<string, string>;
  } = {},
) {
  const command = findMoto();
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    command[0]!,
    [...command.slice(1), '-H', '127.0.0.1', '-p', String(port)],
    {
      stdio: 'ignore',
      // Real S3 wants parts of at least 5 MiB; tests use small parts to exercise many of them.
      env: {
        ...process.env,
        S3_UPLOAD_PART_MIN_SIZE: String(options.minPartSize ?? 1024),
        ...options.env,
      },
    },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 150 || child.exitCode !== null) {
      child.kill();
      throw new Error(`moto_server did not start on port ${port} (${command.join(' ')})`);
    }
    await sleep(100);
  }
  const bucket = 'sextant-test';
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
  return {
    endpoint,
    bucket,
    ...credentials,
    /** Env for lib/env.ts so the app's getBlobStore() uses this server. */
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) =>
        child.exitCode !== null ? resolve(null) : child.once('exit', resolve),
      );
    },
  };
}

/** moto's server: its console script, or the module in a Python that has it. */
function findMoto(): string[] {
  const candidates = [
    ['moto_server'],
    ['python3.11', '-m', 'moto.server'],
    ['python3', '-m', 'moto.server'],
  ];
  for (const candidate of candidates) {
    const probe = spawnSync(candidate[0]!, [...candidate.slice(1), '--help'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  throw new Error(
    'moto_server not found: the S3 tests need moto (pip install "moto[server]" in a python3 on PATH)',
  );
}
