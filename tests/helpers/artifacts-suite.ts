import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadArtifact as fetchArtifact } from '../../sdk/src/artifacts';
import { init } from '../../sdk/src/index';
import { startAppHttpServer } from './app-http-server';
import { graphql } from './graphql';
import { addMember, apiKeyOf, createTeamVia, errorCode, expectOk } from './teams';
import { createVerifiedUser } from './users';

/**
 * Artifacts through the real SDK, CLI and HTTP against the app's route handlers, for
 * whichever blob store the test file configured (tests/integration/artifacts*.test.ts).
 * The file must set AUTH_SECRET and STORAGE_PART_SIZE_BYTES=4096 before calling this.
 */
export async function artifactsSuite(driver: string) {
  const { getPrisma } = await import('@/lib/db/prisma');
  const { getBlobStore } = await import('@/lib/storage');
  const { getStorageUsage, reconcileStorageUsage } = await import('@/lib/storage/usage');
  const server = await startAppHttpServer();
  const work = await mkdtemp(path.join(os.tmpdir(), 'sextant-artifacts-work-'));
  const cacheDir = path.join(work, 'cache');

  const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  const content = (size: number, seed: number) =>
    Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + seed) & 0xff));

  type Person = Awaited<ReturnType<typeof createVerifiedUser>>;
  let ada: Person; // team admin
  let mia: Person; // member
  let vic: Person; // view-only
  let reg: Person; // member and registry admin
  let miaKey: string;

  beforeAll(async () => {
    ada = await createVerifiedUser('ada');
    mia = await createVerifiedUser('mia');
    vic = await createVerifiedUser('vic');
    reg = await createVerifiedUser('reg');
    await createTeamVia(ada.session, 'lab', { newOrganizationName: 'Lab org' });
    await addMember('lab', mia.user.id, 'MEMBER');
    await addMember('lab', vic.user.id, 'VIEW_ONLY');
    await addMember('lab', reg.user.id, 'MEMBER', { isRegistryAdmin: true });
    miaKey = ((await apiKeyOf(mia.session)) as { authorization: string }).authorization.slice(7);
  });

  const runOptions = (id: string, entity = 'lab', project = 'data') => ({
    apiKey: miaKey,
    baseUrl: server.url,
    entity,
    project,
    id,
    finishOnExit: false,
    captureConsole: false,
    systemMetricsIntervalMs: 0,
    flushIntervalMs: 50,
  });

  async function api(
    method: string,
    urlPath: string,
    as: { session: string } | { authorization: string },
    body?: unknown,
  ) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if ('session' in as) headers.cookie = as.session;
    else headers.authorization = as.authorization;
    const response = await fetch(`${server.url}${urlPath}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    let json: { error?: { code: string; message: string } } & Record<string, unknown> = {};
    try {
      json = JSON.parse(text);
    } catch {
      // a download
    }
    return { status: response.status, json, text, bytes };
  }

  async function writeDataset(dir: string, files: Record<string, Buffer | string>) {
    for (const [name, data] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), data);
    }
  }

  async function aliasesOf(artifact: string) {
    const rows = await getPrisma().artifactAlias.findMany({
      where: { artifact: { name: artifact } },
      include: { version: true },
      orderBy: { alias: 'asc' },
    });
    return Object.fromEntries(rows.map((r) => [r.alias, `v${r.version.version}`]));
  }

  /** The real sum of distinct blob bytes an entity's run files and artifact files hold. */
  async function realUsage(entityName: string): Promise<number> {
    const [row] = await getPrisma().$queryRawUnsafe<{ used: bigint | null }[]>(
      `SELECT sum(b."size") AS used FROM "Blob" b WHERE b."sha256" IN (
         SELECT "sha256" FROM "RunFile" WHERE "entityId" = (SELECT id FROM "Entity" WHERE name = $1)
         UNION
         SELECT "sha256" FROM "ArtifactFile" WHERE "sha256" IS NOT NULL
           AND "entityId" = (SELECT id FROM "Entity" WHERE name = $1))`,
      entityName,
    );
    return Number(row?.used ?? 0);
  }

  const entityId = async (name: string) =>
    (await getPrisma().entity.findUniqueOrThrow({ where: { name } })).id;

  describe(`artifacts through the SDK and real HTTP (${driver})`, () => {
    const datasetDir = path.join(work, 'dataset');

    it('logs the same content once, a change as v1, and moves latest', async () => {
      await writeDataset(datasetDir, {
        'train.csv': content(10_000, 1),
        'val/part-0.csv': 'a,b\n1,2\n',
      });
      const producer = await init(runOptions('producer'));
      const first = await producer.logArtifact({
        name: 'mnist',
        type: 'dataset',
        description: 'digits',
        metadata: { rows: 2 },
        files: datasetDir,
        references: ['s3://bucket/raw/mnist.tar'],
      });
      expect(first).toMatchObject({ version: 'v0', created: true, fileCount: 3, size: 10_008 });
      expect(first?.aliases.map((a) => a.alias)).toEqual(['latest']);

      const requestsBefore = server.requests;
      const again = await producer.logArtifact({
        name: 'mnist',
        type: 'dataset',
        files: [datasetDir],
        references: ['s3://bucket/raw/mnist.tar'],
      });
      expect(again).toMatchObject({ version: 'v0', created: false, digest: first!.digest });
      // Two files asked about (both already held, no bytes) and one log request.
      expect(server.requests - requestsBefore).toBe(3);

      await writeFile(path.join(datasetDir, 'val/part-0.csv'), 'a,b\n1,2\n3,4\n');
      const changed = await producer.logArtifact({
        name: 'mnist',
        type: 'dataset',
        files: datasetDir,
        references: ['s3://bucket/raw/mnist.tar'],
        aliases: ['best'],
      });
      expect(changed).toMatchObject({ version: 'v1', created: true });
      expect(await aliasesOf('mnist')).toEqual({ best: 'v1', latest: 'v1' });
      expect(await getPrisma().artifactVersion.count()).toBe(2);
      await producer.finish();
    });

    it('useArtifact downloads latest into a directory, cached by sha256, and records lineage', async () => {
      const consumer = await init(runOptions('consumer'));
      const dir = await consumer.useArtifact('mnist:latest', { cacheDir });
      expect(await readFile(path.join(dir, 'train.csv'))).toEqual(content(10_000, 1));
      expect(await readFile(path.join(dir, 'val/part-0.csv'), 'utf8')).toBe('a,b\n1,2\n3,4\n');

      const artifactApi = { baseUrl: server.url, apiKey: miaKey, entity: 'lab', project: 'data' };
      const second = await fetchArtifact(artifactApi, 'consumer', 'mnist:v1', {
        cacheDir,
        root: path.join(work, 'again'),
      });
      expect(second.downloaded).toBe(0);
      expect(second.references).toEqual([{ path: 'mnist.tar', uri: 's3://bucket/raw/mnist.tar' }]);
      expect(await readFile(path.join(second.dir, 'train.csv'))).toEqual(content(10_000, 1));
      // v0 shares train.csv: only its other file is fetched.
      const older = await fetchArtifact(artifactApi, undefined, 'mnist:v0', { cacheDir });
      expect(older.downloaded).toBe(1);

      const usage = await getPrisma().artifactUsage.findMany({
        include: { run: true, version: true },
      });
      expect(usage.map((u) => [u.run.runId, `v${u.version.version}`])).toEqual([
        ['consumer', 'v1'],
      ]);
      await consumer.finish();
    });

    it('shows lineage both ways in GraphQL, and view-only members see no download links', async () => {
      const query = `
        query {
          project(entity: "lab", name: "data") {
            artifacts {
              name
              type
              canDownload
              aliases { alias version }
              versions {
                version
                metadata
                producedBy { id }
                usedBy { id }
                files { path sha256 uri downloadUrl }
              }
            }
          }
          producer: run(entity: "lab", project: "data", id: "producer") {
            loggedArtifacts { version artifact { name } }
            usedArtifacts { version }
          }
          consumer: run(entity: "lab", project: "data", id: "consumer") {
            loggedArtifacts { version }
            usedArtifacts { version producedBy { id } artifact { name } }
          }
        }
      `;
      type Answer = {
        project: {
          artifacts: {
            name: string;
            canDownload: boolean;
            aliases: { alias: string; version: string }[];
            versions: {
              version: string;
              metadata: unknown;
              producedBy: { id: string } | null;
              usedBy: { id: string }[];
              files: {
                path: string;
                sha256: string | null;
                uri: string | null;
                downloadUrl: string | null;
              }[];
            }[];
          }[];
        };
        producer: {
          loggedArtifacts: { version: string; artifact: { name: string } }[];
          usedArtifacts: unknown[];
        };
        consumer: {
          loggedArtifacts: unknown[];
          usedArtifacts: { version: string; producedBy: { id: string } }[];
        };
      };
      const asMember = expectOk(await graphql<Answer>(query, {}, mia.session));
      const [mnist] = asMember.project.artifacts;
      expect(mnist).toMatchObject({ name: 'mnist', canDownload: true });
      expect(mnist!.versions.map((v) => v.version)).toEqual(['v1', 'v0']);
      expect(mnist!.versions[1]!.metadata).toEqual({ rows: 2 });
      expect(mnist!.versions[0]).toMatchObject({
        producedBy: { id: 'producer' },
        usedBy: [{ id: 'consumer' }],
      });
      expect(mnist!.versions[0]!.files.find((f) => f.path === 'mnist.tar')).toMatchObject({
        uri: 's3://bucket/raw/mnist.tar',
        sha256: null,
        downloadUrl: null,
      });
      expect(mnist!.versions[0]!.files.find((f) => f.path === 'train.csv')?.downloadUrl).toBe(
        '/api/v1/artifacts/lab/data/mnist/versions/v1/files/train.csv',
      );
      expect(
        asMember.producer.loggedArtifacts.map((v) => `${v.artifact.name}:${v.version}`),
      ).toEqual(['mnist:v0', 'mnist:v1']);
      expect(asMember.producer.usedArtifacts).toEqual([]);
      expect(asMember.consumer.loggedArtifacts).toEqual([]);
      expect(asMember.consumer.usedArtifacts).toEqual([
        { version: 'v1', producedBy: { id: 'producer' }, artifact: { name: 'mnist' } },
      ]);

      const asViewer = expectOk(await graphql<Answer>(query, {}, vic.session));
      expect(asViewer.project.artifacts[0]!.canDownload).toBe(false);
      expect(
        asViewer.project.artifacts[0]!.versions.flatMap((v) => v.files.map((f) => f.downloadUrl)),
      ).toEqual([null, null, null, null, null, null]);
      // An outsider does not even learn the project exists.
      const outsider = await createVerifiedUser('outsider');
      expect(errorCode(await graphql(query, {}, outsider.session))).toBe('NOT_FOUND');
    });

    it('edits metadata, aliases and deletes versions through GraphQL mutations', async () => {
      const target = { entity: 'lab', project: 'data', artifact: 'mnist', version: 'v0' };
      const edited = expectOk(
        await graphql<{ updateArtifactMetadata: { metadata: unknown; version: string } }>(
          `
            mutation ($target: ArtifactVersionTarget!) {
              updateArtifactMetadata(target: $target, metadata: { rows: 3, source: "lab" }) {
                version
                metadata
              }
            }
          `,
          { target },
          mia.session,
        ),
      );
      expect(edited.updateArtifactMetadata).toEqual({
        version: 'v0',
        metadata: { rows: 3, source: 'lab' },
      });
      expect(await getPrisma().artifactVersion.count()).toBe(2);
      const refused = await graphql(
        `
          mutation ($target: ArtifactVersionTarget!) {
            updateArtifactMetadata(target: $target, metadata: { rows: 4 }) {
              version
            }
          }
        `,
        { target },
        vic.session,
      );
      expect(errorCode(refused)).toBe('FORBIDDEN');
      const aliased = expectOk(
        await graphql<{ setArtifactAlias: { aliases: { alias: string }[] } }>(
          `
            mutation ($target: ArtifactVersionTarget!) {
              setArtifactAlias(target: $target, alias: "golden") {
                aliases {
                  alias
                }
              }
            }
          `,
          { target },
          mia.session,
        ),
      );
      expect(aliased.setArtifactAlias.aliases.map((a) => a.alias)).toEqual(['golden']);
      const protectedByMember = await graphql(
        `
          mutation ($target: ArtifactVersionTarget!) {
            setArtifactAlias(target: $target, alias: "golden", protected: true) {
              version
            }
          }
        `,
        { target },
        mia.session,
      );
      expect(errorCode(protectedByMember)).toBe('FORBIDDEN');
      const deleteByViewer = await graphql(
        `
          mutation ($target: ArtifactVersionTarget!) {
            deleteArtifactVersion(target: $target)
          }
        `,
        { target },
        vic.session,
      );
      expect(errorCode(deleteByViewer)).toBe('FORBIDDEN');
      expect(await getPrisma().artifactVersion.count()).toBe(2);
    });

    it('throws from useArtifact for a missing version (the program needs its data)', async () => {
      const consumer = await init(runOptions('consumer'));
      await expect(consumer.useArtifact('mnist:v9', { cacheDir })).rejects.toThrow(/404/);
      await expect(consumer.useArtifact('nope', { cacheDir })).rejects.toThrow(/not found/);
      await consumer.finish();
    });

    it('lets members edit aliases and only registry admins change protected ones', async () => {
      const base = '/api/v1/artifacts/lab/data/mnist/aliases';
      expect((await api('PUT', `${base}/candidate`, mia.session, { version: 'v0' })).status).toBe(
        200,
      );
      expect(await aliasesOf('mnist')).toMatchObject({ candidate: 'v0' });
      // A member may not create a protected alias; a registry admin may.
      const refused = await api('PUT', `${base}/production`, mia.session, {
        version: 'v1',
        protected: true,
      });
      expect(refused.status).toBe(403);
      expect(refused.json.error?.message).toMatch(/protected alias/);
      const made = await api('PUT', `${base}/production`, reg.session, {
        version: 'v1',
        protected: true,
      });
      expect(made.status).toBe(200);
      // Neither members nor team admins move or remove it.
      expect((await api('PUT', `${base}/production`, mia.session, { version: 'v0' })).status).toBe(
        403,
      );
      expect((await api('PUT', `${base}/production`, ada.session, { version: 'v0' })).status).toBe(
        403,
      );
      expect((await api('DELETE', `${base}/production`, mia.session)).status).toBe(403);
      expect(await aliasesOf('mnist')).toMatchObject({ production: 'v1' });
      expect((await api('PUT', `${base}/production`, reg.session, { version: 'v0' })).status).toBe(
        200,
      );
      expect(await aliasesOf('mnist')).toMatchObject({ production: 'v0' });
      // Reserved and malformed aliases are refused with the field named.
      const reserved = await api('PUT', `${base}/latest`, mia.session, { version: 'v0' });
      expect(reserved.status).toBe(400);
      expect(reserved.json.error?.message).toMatch(/alias/);
      expect((await api('DELETE', `${base}/candidate`, mia.session)).status).toBe(200);
      expect(await aliasesOf('mnist')).not.toHaveProperty('candidate');
      // The protected alias goes back where the rest of the suite expects nothing of it.
      expect((await api('DELETE', `${base}/production`, reg.session)).status).toBe(200);
    });

    it('lets view-only members see artifacts but not download them', async () => {
      const use = await api('POST', '/api/v1/artifacts/lab/data/mnist/use', vic.session, {
        version: 'latest',
      });
      expect(use.status).toBe(403);
      expect(use.json.error?.code).toBe('FORBIDDEN');
      const file = await api(
        'GET',
        '/api/v1/artifacts/lab/data/mnist/versions/v1/files/train.csv',
        vic.session,
      );
      expect(file.status).toBe(403);
      const memberFile = await api(
        'GET',
        '/api/v1/artifacts/lab/data/mnist/versions/latest/files/train.csv',
        mia.session,
      );
      expect(memberFile.status).toBe(200);
      expect(sha(memberFile.bytes)).toBe(sha(content(10_000, 1)));
      expect(
        (
          await api('PUT', '/api/v1/artifacts/lab/data/mnist/aliases/x', vic.session, {
            version: 'v0',
          })
        ).status,
      ).toBe(403);
      expect(
        (await api('DELETE', '/api/v1/artifacts/lab/data/mnist/versions/v0', vic.session)).status,
      ).toBe(403);
    });
  });

  describe('artifact blob uploads', () => {
    const key = () => ({ authorization: `Bearer ${miaKey}` });

    it('resumes an interrupted upload, sending only the missing parts', async () => {
      const data = content(10_000, 42); // three parts of 4096 bytes
      const started = await api('POST', '/api/v1/artifacts/lab/data/files/uploads', key(), {
        sha256: sha(data),
        size: data.length,
      });
      expect(started.json).toMatchObject({ status: 'pending', partCount: 3, receivedParts: [] });
      const uploadId = started.json.uploadId as string;
      const part = await fetch(
        `${server.url}/api/v1/artifacts/lab/data/files/uploads/${uploadId}/parts/1`,
        { method: 'PUT', headers: key(), body: data.subarray(0, 4096) },
      );
      expect(part.status).toBe(200);
      const resumed = await api('POST', '/api/v1/artifacts/lab/data/files/uploads', key(), {
        sha256: sha(data),
        size: data.length,
      });
      expect(resumed.json).toMatchObject({ uploadId, receivedParts: [1] });

      const dir = path.join(work, 'resume');
      await writeDataset(dir, { 'big.bin': data });
      const run = await init(runOptions('resumer'));
      const before = server.requests;
      const logged = await run.logArtifact({ name: 'resumed', type: 'dataset', files: dir });
      expect(logged).toMatchObject({ version: 'v0', size: 10_000 });
      // create (resume) + parts 2 and 3 + complete + log.
      expect(server.requests - before).toBe(5);
      await run.finish();
    });

    it('refuses a manifest naming bytes the entity never uploaded', async () => {
      // The blob exists (the lab team uploaded it) but mia's own entity never sent it.
      const data = content(10_000, 42);
      await (await init(runOptions('claimer', 'mia', 'models'))).finish();
      const claimed = await api('POST', '/api/v1/artifacts/mia/models/stolen/versions', key(), {
        run: 'claimer',
        type: 'dataset',
        files: [{ path: 'x.bin', sha256: sha(data), size: data.length }],
      });
      expect(claimed.status).toBe(400);
      expect(claimed.json.error?.message).toMatch(/Not uploaded yet: x\.bin/);
      const bad = await api('POST', '/api/v1/artifacts/lab/data/mnist/versions', key(), {
        run: 'producer',
        type: 'dataset',
        files: [{ path: '../x', sha256: 'nothex', size: -1 }],
      });
      expect(bad.status).toBe(400);
      expect(bad.json.error?.message).toMatch(/files\.0\.path/);
      expect(await getPrisma().artifact.count({ where: { name: 'stolen' } })).toBe(0);
    });
  });

  describe('artifact storage usage and quota', () => {
    it('counts bytes once per entity when a run file holds the same content', async () => {
      const shared = content(20_000, 9);
      const dir = path.join(work, 'shared');
      await writeDataset(dir, { 'weights.bin': shared });
      const run = await init(runOptions('usage', 'mia', 'models'));
      run.save(path.join(dir, 'weights.bin'), { policy: 'now', basePath: dir });
      await run.finish();
      const mine = await entityId('mia');
      const afterRunFile = (await getStorageUsage(mine)).usedBytes;
      expect(afterRunFile).toBe(20_000);

      const run2 = await init(runOptions('usage-2', 'mia', 'models'));
      const logged = await run2.logArtifact({ name: 'weights', type: 'model', files: [dir] });
      expect(logged).toMatchObject({ version: 'v0', size: 20_000 });
      expect((await getStorageUsage(mine)).usedBytes).toBe(20_000);

      await writeDataset(dir, { 'extra.bin': content(5_000, 3) });
      expect(
        await run2.logArtifact({ name: 'weights', type: 'model', files: [dir] }),
      ).toMatchObject({
        version: 'v1',
      });
      expect((await getStorageUsage(mine)).usedBytes).toBe(25_000);
      expect(await realUsage('mia')).toBe(25_000);
      // The reconcile job recomputes the same figure from run files and artifact files.
      await getPrisma().entityStorage.update({ where: { entityId: mine }, data: { usedBytes: 1 } });
      await reconcileStorageUsage();
      expect((await getStorageUsage(mine)).usedBytes).toBe(25_000);
      await run2.finish();
    });

    it('refuses an upload over the quota before any byte is stored', async () => {
      const mine = await entityId('mia');
      await getPrisma().entityStorage.update({
        where: { entityId: mine },
        data: { limitBytes: 30_000 },
      });
      const big = content(8_000, 77);
      const dir = path.join(work, 'big');
      await writeDataset(dir, { 'big.bin': big });
      const warnings: string[] = [];
      const onWarning = (warning: Error) => warnings.push(warning.message);
      process.on('warning', onWarning);
      const run = await init(runOptions('quota', 'mia', 'models'));
      try {
        expect(await run.logArtifact({ name: 'big', type: 'model', files: [dir] })).toBeUndefined();
        // Logging goes on after the refusal.
        run.log({ loss: 1 });
        expect(await run.finish()).toBe(true);
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings.join('\n')).toMatch(/artifact "big" not logged: 413: Storage limit reached/);
      expect(await getBlobStore().has(sha(big))).toBe(false);
      expect(await getPrisma().artifact.count({ where: { name: 'big' } })).toBe(0);
      expect(await getPrisma().artifactUpload.count({ where: { sha256: sha(big) } })).toBe(0);

      // The REST answer names the usage and the limit.
      const answer = await api(
        'POST',
        '/api/v1/artifacts/mia/models/files/uploads',
        { authorization: `Bearer ${miaKey}` },
        { sha256: sha(big), size: big.length },
      );
      expect(answer.status).toBe(413);
      expect(answer.json.error).toMatchObject({ code: 'QUOTA_EXCEEDED' });
      expect(answer.json.error?.message).toMatch(/25\.0 KB used of 30\.0 KB/);
      await getPrisma().entityStorage.update({
        where: { entityId: mine },
        data: { limitBytes: null },
      });
    });

    it('gives the usage back when a version is deleted, and moves latest', async () => {
      const mine = await entityId('mia');
      const key = { authorization: `Bearer ${miaKey}` };
      const deleted = await api('DELETE', '/api/v1/artifacts/mia/models/weights/versions/v1', key);
      expect(deleted.status).toBe(200);
      expect((await getStorageUsage(mine)).usedBytes).toBe(20_000);
      expect(await realUsage('mia')).toBe(20_000);
      expect(await aliasesOf('weights')).toEqual({ latest: 'v0' });
      // v0's blob is still the run file's too: deleting v0 keeps it counted once.
      expect(
        (await api('DELETE', '/api/v1/artifacts/mia/models/weights/versions/v0', key)).status,
      ).toBe(200);
      expect((await getStorageUsage(mine)).usedBytes).toBe(20_000);
      expect(await getPrisma().artifact.count({ where: { name: 'weights' } })).toBe(0);
    });
  });

  describe('sextant artifact put|get', () => {
    function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
      return new Promise((resolve) => {
        const child = spawn('node_modules/.bin/tsx', ['sdk/src/cli.ts', ...args], {
          env: {
            PATH: process.env.PATH,
            HOME: work,
            XDG_CONFIG_HOME: work,
            SEXTANT_API_KEY: miaKey,
            SEXTANT_BASE_URL: server.url,
            SEXTANT_CACHE_DIR: path.join(work, 'cli-cache'),
          } as unknown as NodeJS.ProcessEnv,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
    }

    it('logs a directory from the command line and downloads it back', async () => {
      const dir = path.join(work, 'cli-data');
      await writeDataset(dir, { 'a.txt': 'alpha\n', 'nested/b.txt': 'beta\n' });
      const common = ['--project', 'models', '--entity', 'mia'];
      const put = await cli([
        'artifact',
        'put',
        ...common,
        '--run',
        'usage',
        '--name',
        'cli-set',
        '--type',
        'dataset',
        '--alias',
        'first',
        dir,
      ]);
      expect(put.stderr).toBe('');
      expect(put.stdout.trim()).toBe('cli-set:v0 logged');
      const again = await cli([
        'artifact',
        'put',
        ...common,
        '--run',
        'usage',
        '--name',
        'cli-set',
        '--type',
        'dataset',
        dir,
      ]);
      expect(again.stdout.trim()).toBe('cli-set:v0 unchanged (same content)');

      const root = path.join(work, 'cli-out');
      const get = await cli(['artifact', 'get', 'cli-set:first', ...common, '--root', root]);
      expect(get.code).toBe(0);
      expect(get.stdout.trim()).toBe(root);
      expect(get.stderr).toMatch(/cli-set:v0: 2 file\(s\) downloaded/);
      expect(await readFile(path.join(root, 'nested/b.txt'), 'utf8')).toBe('beta\n');
      const cached = await cli(['artifact', 'get', 'cli-set:v0', ...common, '--root', root]);
      expect(cached.stderr).toMatch(/0 file\(s\) downloaded/);

      const missing = await cli(['artifact', 'get', 'cli-set:v7', ...common]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/404: Version "cli-set:v7" not found/);
    });
  });
}
