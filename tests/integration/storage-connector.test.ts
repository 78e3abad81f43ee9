import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../sdk/src/index';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql, type As } from '../helpers/graphql';
import { startMotoS3 } from '../helpers/moto-s3';
import { addMember, apiKeyOf, createTeamVia, errorCode, expectOk } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

/*
 * Team storage connector (issue #9 item 6, docs/decisions/011): the instance store is a local
 * directory, the team's own bucket lives in a real S3-compatible server (moto) that checks
 * credentials, so a wrong secret fails the way it fails against AWS.
 */

// moto checks signatures after its first N actions: the helper's CreateBucket and our three
// IAM calls below. Every request after them must be signed with the IAM user's keys.
const s3 = await startMotoS3({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '4' } });
afterAll(() => s3.stop());
const keys = await createIamKeys(s3.endpoint);

Object.assign(process.env, {
  AUTH_SECRET: testAuthSecret,
  STORAGE_DRIVER: 'local',
  SEXTANT_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'sextant-connector-')),
  STORAGE_PART_SIZE_BYTES: '4096',
  // moto listens on 127.0.0.1; production refuses private endpoints (endpoint-rules.test.ts).
  SEXTANT_ALLOW_PRIVATE_STORAGE_ENDPOINTS: 'true',
});

const { getPrisma } = await import('@/lib/db/prisma');
const { getBlobStore } = await import('@/lib/storage');
const { getStorageUsage, reconcileStorageUsage } = await import('@/lib/storage/usage');
const { runStorageCleanup } = await import('@/lib/storage/cleanup');
const { decryptCredentials } = await import('@/lib/storage/connectors/credentials-cipher');

const bucketClient = new S3Client({
  endpoint: s3.endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { ...keys }, // a copy: the SDK marks the object it is given
});
afterAll(() => bucketClient.destroy());

const partSize = 4096;
const prefix = 'lab-blobs/';
const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const bytes = (size: number, seed: number) =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed * 7 + (i >> 9)) & 0xff));

/** Keys in the team bucket under the connector's prefix. */
async function bucketKeys(): Promise<string[]> {
  // Filtered here: moto's signature check mis-encodes a Prefix parameter holding a slash.
  const listed = await bucketClient.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (listed.Contents ?? [])
    .map((o) => o.Key!)
    .filter((key) => key.startsWith(prefix))
    .sort();
}

const saveMutation = `
  mutation ($team: String!, $input: StorageConnectorInput!) {
    saveTeamStorageConnector(team: $team, input: $input) {
      endpoint bucket region forcePathStyle prefix accessKeyHint createdBy
    }
  }
`;
const connectorQuery = `
  query ($team: String!) {
    teamStorageConnector(team: $team) { endpoint bucket region prefix accessKeyHint }
  }
`;

describe('team storage connector (local instance store, team bucket in moto_server)', () => {
  let server: Awaited<ReturnType<typeof startAppHttpServer>>;
  let ada: As; // team admin
  let mia: As; // member
  let vic: As; // view-only
  let miaKey: string;
  const work = path.join(os.tmpdir(), `sextant-connector-work-${process.pid}`);
  const good = () => ({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: 'us-east-1',
    forcePathStyle: true,
    prefix,
    ...keys,
  });

  async function api(as: As, method: string, urlPath: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (as && 'session' in as) headers.cookie = as.session;
    if (as && 'authorization' in as) headers.authorization = as.authorization;
    let payload: BodyInit | undefined;
    if (Buffer.isBuffer(body)) payload = new Uint8Array(body);
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${server.url}${urlPath}`, { method, headers, body: payload });
    const raw = Buffer.from(await response.arrayBuffer());
    let json: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test asserts what it reads
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      // a download
    }
    return { status: response.status, json, raw };
  }

  const runBase = (run: string) => `/api/v1/runs/lab/data/${run}`;

  /** The run-file protocol: create, send the missing parts, complete. */
  async function uploadRunFile(run: string, filePath: string, data: Buffer) {
    const base = runBase(run);
    const created = await api(mia, 'POST', `${base}/files/uploads`, {
      path: filePath,
      size: data.length,
      sha256: sha(data),
    });
    expect(created.status).toBe(200);
    if (created.json.status === 'complete') return created.json;
    const { uploadId, partCount } = created.json;
    for (let n = 1; n <= partCount; n++) {
      const part = data.subarray((n - 1) * partSize, n * partSize);
      const sent = await api(mia, 'PUT', `${base}/files/uploads/${uploadId}/parts/${n}`, part);
      expect(sent.status).toBe(200);
    }
    const done = await api(mia, 'POST', `${base}/files/uploads/${uploadId}/complete`);
    expect(done.status).toBe(200);
    return done.json;
  }

  const download = (run: string, filePath: string) =>
    api(mia, 'GET', `${runBase(run)}/files/by-path/${filePath}`);

  async function connectorRows() {
    return getPrisma().storageConnector.findMany({ orderBy: { createdAt: 'asc' } });
  }

  const before = bytes(partSize + 100, 1); // stored before the connector
  const after = bytes(partSize * 2 + 7, 2); // stored while connected
  const later = bytes(300, 3); // stored after the connector was removed

  beforeAll(async () => {
    server = await startAppHttpServer();
    const a = await createVerifiedUser('ada');
    const m = await createVerifiedUser('mia');
    const v = await createVerifiedUser('vic');
    ada = a.session;
    mia = m.session;
    vic = v.session;
    await createTeamVia(ada, 'lab', { newOrganizationName: 'Lab org' });
    await addMember('lab', m.user.id, 'MEMBER');
    await addMember('lab', v.user.id, 'VIEW_ONLY');
    miaKey = (await apiKeyOf(mia)).authorization;
    for (const run of ['early', 'connected', 'again', 'late']) {
      expect((await api(mia, 'POST', runBase(run), { displayName: run })).status).toBe(200);
    }
    await mkdir(work, { recursive: true });
  }, 60_000);

  it('keeps a file uploaded before any connector in the instance store', async () => {
    await uploadRunFile('early', 'before.bin', before);
    expect(await getBlobStore().has(sha(before))).toBe(true);
  });

  it('refuses members, view-only members and outsiders: neither view nor change', async () => {
    for (const who of [mia, vic, { authorization: miaKey }]) {
      expect(errorCode(await graphql(connectorQuery, { team: 'lab' }, who))).toBe('FORBIDDEN');
      expect(errorCode(await graphql(saveMutation, { team: 'lab', input: good() }, who))).toBe(
        'FORBIDDEN',
      );
    }
    expect(await connectorRows()).toEqual([]);
    expect(await bucketKeys()).toEqual([]);
  });

  it('tests the bucket on save: a wrong bucket, secret, key id or endpoint is named and nothing is stored', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ bucket: 'no-such-bucket' }, 'bucket', /does not exist.*NoSuchBucket/],
      [
        { secretAccessKey: 'wrong-secret' },
        'secretAccessKey',
        /does not match the access key id.*SignatureDoesNotMatch/,
      ],
      [{ accessKeyId: 'AKIAUNKNOWN0000' }, 'accessKeyId', /InvalidAccessKeyId|not known/],
      [{ endpoint: 'http://127.0.0.1:9' }, 'endpoint', /could not be reached/],
      [{ endpoint: 'ftp://example.com' }, 'endpoint', /https/],
      [{ bucket: 'Bad_Bucket' }, 'bucket', /lowercase/],
    ];
    for (const [change, field, reason] of cases) {
      const result = await graphql(
        saveMutation,
        { team: 'lab', input: { ...good(), ...change } },
        ada,
      );
      expect(errorCode(result), field).toBe('BAD_INPUT');
      const problem = result.errors?.[0]?.extensions?.fields?.find((f) => f.field === field);
      expect(problem?.message, JSON.stringify(result.errors)).toMatch(reason);
    }
    expect(await connectorRows()).toEqual([]);
    // The failed probes left nothing behind (the secret case failed at the first write).
    expect(await bucketKeys()).toEqual([]);
  });

  it('saves a working bucket with the credentials encrypted, shown only as the key id’s last four', async () => {
    const saved = expectOk(
      await graphql<{ saveTeamStorageConnector: Record<string, unknown> }>(
        saveMutation,
        { team: 'lab', input: good() },
        ada,
      ),
    ).saveTeamStorageConnector;
    expect(saved).toEqual({
      endpoint: s3.endpoint,
      bucket: s3.bucket,
      region: 'us-east-1',
      forcePathStyle: true,
      prefix,
      accessKeyHint: `•••• ${keys.accessKeyId.slice(-4)}`,
      createdBy: 'ada',
    });
    // The probe object was written, read and deleted.
    expect(await bucketKeys()).toEqual([]);

    const queried = await graphql(connectorQuery, { team: 'lab' }, ada);
    const text = JSON.stringify(queried);
    expect(queried.data?.teamStorageConnector).toMatchObject({ bucket: s3.bucket });
    expect(text).not.toContain(keys.secretAccessKey);
    expect(text).not.toContain(keys.accessKeyId);
    // No field of the type could return the secret.
    const { printSchema } = await import('graphql');
    const { schema } = await import('@/graphql/schema');
    const type = /type StorageConnector \{[^}]*\}/.exec(printSchema(schema))![0];
    expect(type).not.toMatch(/secret|accessKeyId|credentials/i);

    const [row] = await connectorRows();
    expect(row!.credentials).not.toContain(keys.secretAccessKey);
    expect(row!.credentials).not.toContain(keys.accessKeyId);
    expect(row!.credentials).toMatch(/^v1\./);
    expect(decryptCredentials(row!.credentials)).toEqual(keys);
  });

  it('stores the team’s new run files and artifacts in its bucket; older files stay readable', async () => {
    const file = await uploadRunFile('connected', 'after.bin', after);
    expect(file.file).toMatchObject({ sha256: sha(after), size: after.length });
    expect(await bucketKeys()).toEqual([`${prefix}blobs/${sha(after)}`]);
    expect(await getBlobStore().has(sha(after))).toBe(false);

    const dataset = path.join(work, 'dataset');
    await mkdir(dataset, { recursive: true });
    const table = bytes(9000, 4);
    await writeFile(path.join(dataset, 'table.csv'), table);
    const run = await init({
      apiKey: miaKey.slice('Bearer '.length),
      baseUrl: server.url,
      entity: 'lab',
      project: 'data',
      id: 'producer',
      finishOnExit: false,
      captureConsole: false,
      systemMetricsIntervalMs: 0,
      flushIntervalMs: 50,
    });
    const logged = await run.logArtifact({ name: 'ds', type: 'dataset', files: dataset });
    await run.finish();
    expect(logged).toMatchObject({ version: 'v0', created: true });
    expect(await bucketKeys()).toContain(`${prefix}blobs/${sha(table)}`);
    expect(await getBlobStore().has(sha(table))).toBe(false);

    const fromBucket = await download('connected', 'after.bin');
    expect(fromBucket.status).toBe(200);
    expect(fromBucket.raw.equals(after)).toBe(true);
    const artifactFile = await api(
      mia,
      'GET',
      '/api/v1/artifacts/lab/data/ds/versions/v0/files/table.csv',
    );
    expect(artifactFile.status).toBe(200);
    expect(artifactFile.raw.equals(table)).toBe(true);
    const zip = await api(mia, 'GET', '/api/v1/artifacts/lab/data/ds/versions/v0/download');
    expect(zip.status).toBe(200);
    expect(zip.raw.length).toBeGreaterThan(100);

    const older = await download('early', 'before.bin');
    expect(older.status).toBe(200);
    expect(older.raw.equals(before)).toBe(true);

    // Usage counts the team's bytes wherever they are stored.
    const usage = await getStorageUsage(
      (await getPrisma().team.findUniqueOrThrow({ where: { name: 'lab' } })).entityId,
    );
    expect(usage.usedBytes).toBe(before.length + after.length + table.length);
  });

  it('deduplicates per team: content the team already holds is not uploaded again and stays where it is', async () => {
    const again = await uploadRunFile('again', 'copy-of-before.bin', before);
    expect(again.status).toBe('complete');
    expect(await bucketKeys()).not.toContain(`${prefix}blobs/${sha(before)}`);
    const copy = await download('again', 'copy-of-before.bin');
    expect(copy.raw.equals(before)).toBe(true);
  });

  it('the usage reconcile job keeps where each copy lives and counts bucket bytes', async () => {
    const lab = await getPrisma().team.findUniqueOrThrow({ where: { name: 'lab' } });
    const usedBefore = (await getStorageUsage(lab.entityId)).usedBytes;
    await reconcileStorageUsage();
    expect((await getStorageUsage(lab.entityId)).usedBytes).toBe(usedBefore);
    const fromBucket = await download('connected', 'after.bin');
    expect(fromBucket.status).toBe(200);
    expect(fromBucket.raw.equals(after)).toBe(true);
  });

  it('removing the connector sends new uploads to the instance store; what the bucket holds stays readable', async () => {
    expect(
      expectOk(await graphql('mutation { removeTeamStorageConnector(team: "lab") }', {}, ada)),
    ).toEqual({ removeTeamStorageConnector: true });
    expect((await graphql(connectorQuery, { team: 'lab' }, ada)).data).toEqual({
      teamStorageConnector: null,
    });
    const [row] = await connectorRows();
    expect(row!.disabledAt).not.toBeNull();

    await uploadRunFile('late', 'later.bin', later);
    expect(await getBlobStore().has(sha(later))).toBe(true);
    expect(await bucketKeys()).not.toContain(`${prefix}blobs/${sha(later)}`);

    const stillThere = await download('connected', 'after.bin');
    expect(stillThere.status).toBe(200);
    expect(stillThere.raw.equals(after)).toBe(true);
    expect(
      errorCode(await graphql('mutation { removeTeamStorageConnector(team: "lab") }', {}, ada)),
    ).toBe('NOT_FOUND');
  });

  it('the cleanup deletes an unreferenced blob from the bucket it lives in', async () => {
    const deleted = await api(mia, 'DELETE', `${runBase('connected')}/files/by-path/after.bin`);
    expect(deleted.status).toBe(200);
    expect(await bucketKeys()).toContain(`${prefix}blobs/${sha(after)}`);
    const report = await runStorageCleanup({ graceMs: 0 });
    expect(report.errors).toEqual([]);
    expect(await bucketKeys()).not.toContain(`${prefix}blobs/${sha(after)}`);
    expect(await getPrisma().connectorBlob.count({ where: { sha256: sha(after) } })).toBe(0);
    // Still referenced: the artifact's blob stays in the bucket, the older file in the instance store.
    expect(await bucketKeys()).toHaveLength(1);
    expect(await getBlobStore().has(sha(before))).toBe(true);
  });

  it('a save that meets another admin’s save in flight waits for it and replaces it (no 500)', async () => {
    const { getPool } = await import('@/lib/db/prisma');
    const { id: entityId } = await getPrisma().entity.findUniqueOrThrow({ where: { name: 'lab' } });
    // The other save, mid-transaction: it holds the team and has just stored its connector.
    const other = await getPool().connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM "Entity" WHERE "id" = $1 FOR UPDATE', [entityId]);
      await other.query(
        `INSERT INTO "StorageConnector" ("id", "entityId", "endpoint", "bucket", "region", "accessKeyHint", "credentials")
         VALUES ('other-save', $1, $2, $3, 'us-east-1', 'XXXX', 'v1.x.x.x')`,
        [entityId, s3.endpoint, s3.bucket],
      );
      const save = graphql(saveMutation, { team: 'lab', input: good() }, ada);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the probe, then the wait
      await other.query('COMMIT');
      expectOk(await save);
    } finally {
      other.release();
    }
    const active = (await connectorRows()).filter((row) => row.disabledAt === null);
    expect(active).toHaveLength(1);
    expect(active[0]!.id).not.toBe('other-save');
  });
});

/**
 * An IAM user with full access in moto, made through IAM's query API while moto still
 * accepts unsigned calls (they count toward INITIAL_NO_AUTH_ACTION_COUNT).
 */
async function createIamKeys(endpoint: string) {
  const call = async (params: Record<string, string>) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        // moto routes by the credential scope's service; the signature is not checked yet.
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: new URLSearchParams({ ...params, Version: '2010-05-08' }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`IAM ${params.Action}: ${text}`);
    return text;
  };
  await call({ Action: 'CreateUser', UserName: 'lab-storage' });
  const created = await call({ Action: 'CreateAccessKey', UserName: 'lab-storage' });
  await call({
    Action: 'PutUserPolicy',
    UserName: 'lab-storage',
    PolicyName: 'all',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    }),
  });
  return {
    accessKeyId: /<AccessKeyId>([^<]+)</.exec(created)![1]!,
    secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(created)![1]!,
  };
}
