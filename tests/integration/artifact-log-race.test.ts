import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import { apiKeyOf } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

/*
 * Several runs logging the first version of a brand-new artifact name at once (a sweep's
 * agents starting together): they used to race on the Artifact unique key into a 500.
 */

process.env.AUTH_SECRET = testAuthSecret;
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-artifact-race-'));
const server = await startAppHttpServer();
const { getPrisma } = await import('@/lib/db/prisma');

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const base = '/api/v1/artifacts/rosa/sweep';
let headers: Record<string, string>;

async function post(urlPath: string, body: unknown) {
  const response = await fetch(`${server.url}${urlPath}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The blob upload protocol in one go (one part). */
async function upload(data: Buffer) {
  const started = await post(`${base}/files/uploads`, { size: data.length, sha256: sha(data) });
  expect(started.status).toBeLessThan(300);
  if (started.json.status === 'complete') return;
  const part = await fetch(`${server.url}${base}/files/uploads/${started.json.uploadId}/parts/1`, {
    method: 'PUT',
    headers,
    body: new Uint8Array(data),
  });
  expect(part.status).toBeLessThan(300);
  const done = await post(`${base}/files/uploads/${started.json.uploadId}/complete`, {});
  expect(done.status).toBeLessThan(300);
}

const logVersion = (artifact: string, run: string, data: Buffer) =>
  post(`${base}/${artifact}/versions`, {
    run,
    type: 'model',
    files: [{ path: 'weights.bin', sha256: sha(data), size: data.length }],
  });

const RUNS = 8;

beforeAll(async () => {
  const rosa = await createVerifiedUser('rosa');
  headers = await apiKeyOf(rosa.session);
  for (let i = 0; i < RUNS; i++) {
    const made = await fetch(`${server.url}/api/v1/runs/rosa/sweep/agent-${i}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(made.status).toBeLessThan(300);
  }
});

async function versionsOf(artifact: string) {
  const artifacts = await getPrisma().artifact.findMany({
    where: { name: artifact },
    include: { versions: { orderBy: { version: 'asc' } }, aliases: { include: { version: true } } },
  });
  return artifacts;
}

describe('concurrent first logs of a new artifact name', () => {
  it('with the same content: one artifact, one version, every request answered', async () => {
    const data = Buffer.from('the same weights for every agent');
    await upload(data);
    const answers = await Promise.all(
      Array.from({ length: RUNS }, (_, i) => logVersion('shared-net', `agent-${i}`, data)),
    );
    expect(answers.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);
    expect(new Set(answers.map((a) => a.json.version))).toEqual(new Set(['v0']));
    expect(answers.filter((a) => a.json.created === true)).toHaveLength(1);
    const artifacts = await versionsOf('shared-net');
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]!.versions.map((v) => v.version)).toEqual([0]);
    expect(artifacts[0]!.aliases.map((a) => [a.alias, a.version.version])).toEqual([['latest', 0]]);
  });

  it('with different contents: versions v0..v7, no gaps or duplicates, latest on the newest', async () => {
    const contents = Array.from({ length: RUNS }, (_, i) => Buffer.from(`weights of agent ${i}`));
    for (const data of contents) await upload(data);
    const answers = await Promise.all(
      contents.map((data, i) => logVersion('own-net', `agent-${i}`, data)),
    );
    expect(answers.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);
    expect(answers.every((a) => a.json.created === true)).toBe(true);
    const labels = answers.map((a) => a.json.version as string).sort();
    expect(labels).toEqual(Array.from({ length: RUNS }, (_, i) => `v${i}`).sort());
    const artifacts = await versionsOf('own-net');
    expect(artifacts).toHaveLength(1);
    const versions = artifacts[0]!.versions;
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: RUNS }, (_, i) => i));
    expect(new Set(versions.map((v) => v.digest)).size).toBe(RUNS);
    expect(artifacts[0]!.nextVersion).toBe(RUNS);
    expect(artifacts[0]!.aliases.map((a) => [a.alias, a.version.version])).toEqual([
      ['latest', RUNS - 1],
    ]);
  });
});
