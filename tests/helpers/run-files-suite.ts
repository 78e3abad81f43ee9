import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startAppHttpServer } from './app-http-server';
import type { As } from './graphql';
import { addMember, apiKeyOf, createTeamVia } from './teams';
import { createVerifiedUser } from './users';

/**
 * Run files over real HTTP against the app's route handlers, for whichever blob store the
 * test file configured (local directory or S3): tests/integration/run-files*.test.ts.
 * The file must set STORAGE_PART_SIZE_BYTES=4096 and AUTH_SECRET before calling this.
 */
export function runFilesSuite(driver: string) {
  const partSize = 4096;
  const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
  const bytes = (size: number, seed: number) => {
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i++) data[i] = (i * 131 + seed * 17 + (i >> 8)) & 0xff;
    return data;
  };

  let server: Awaited<ReturnType<typeof startAppHttpServer>>;
  let alice: As; // owns the personal entity "alice" and administers team "acme"
  let aliceKey: As;
  let bob: As; // member of acme
  let vera: As; // view-only in acme
  let mallory: As; // outsider

  async function api(as: As, method: string, path: string, body?: unknown, headers = {}) {
    const h: Record<string, string> = { ...headers };
    if (as && 'session' in as) h.cookie = as.session;
    if (as && 'authorization' in as) h.authorization = as.authorization;
    let payload: BodyInit | undefined;
    if (Buffer.isBuffer(body)) payload = new Uint8Array(body);
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const response = await fetch(`${server.url}${path}`, { method, headers: h, body: payload });
    const raw = Buffer.from(await response.arrayBuffer());
    let json: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test asserts what it reads
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      // a download
    }
    return { status: response.status, json, raw, headers: response.headers };
  }

  const runPath = (entity: string, project: string, run: string) =>
    `/api/v1/runs/${entity}/${project}/${run}`;

  async function createRun(as: As, entity: string, project: string, run: string) {
    const created = await api(as, 'POST', runPath(entity, project, run), { displayName: run });
    expect(created.status).toBe(200);
  }

  /** The whole protocol: create, send the missing parts, complete. */
  async function upload(as: As, base: string, path: string, data: Buffer) {
    const created = await api(as, 'POST', `${base}/files/uploads`, {
      path,
      size: data.length,
      sha256: sha(data),
    });
    if (created.status !== 200 || created.json.status === 'complete') return created;
    const { uploadId, partCount, receivedParts } = created.json;
    for (let n = 1; n <= partCount; n++) {
      if (receivedParts.includes(n)) continue;
      const part = data.subarray((n - 1) * partSize, n * partSize);
      const sent = await api(as, 'PUT', `${base}/files/uploads/${uploadId}/parts/${n}`, part);
      expect(sent.status).toBe(200);
    }
    return api(as, 'POST', `${base}/files/uploads/${uploadId}/complete`);
  }

  async function usage(entity: string) {
    const { getPrisma } = await import('@/lib/db/prisma');
    const { getStorageUsage } = await import('@/lib/storage/usage');
    const row = await getPrisma().entity.findUniqueOrThrow({ where: { name: entity } });
    return getStorageUsage(row.id);
  }

  async function storeHas(sha256: string) {
    const { getBlobStore } = await import('@/lib/storage');
    return getBlobStore().has(sha256);
  }

  describe(`run files over HTTP (${driver})`, () => {
    beforeAll(async () => {
      server = await startAppHttpServer();
      const a = await createVerifiedUser('alice');
      const b = await createVerifiedUser('bob');
      const v = await createVerifiedUser('vera');
      const m = await createVerifiedUser('mallory');
      alice = a.session;
      bob = b.session;
      vera = v.session;
      mallory = m.session;
      aliceKey = await apiKeyOf(alice);
      await createTeamVia(alice, 'acme', { newOrganizationName: 'Acme' });
      await addMember('acme', b.user.id, 'MEMBER');
      await addMember('acme', v.user.id, 'VIEW_ONLY');
      await createRun(aliceKey, 'alice', 'vision', 'r1');
      await createRun(aliceKey, 'alice', 'vision', 'r2');
      await createRun(aliceKey, 'acme', 'shared', 'admin-run');
      await createRun(bob, 'acme', 'shared', 'bob-run');
    }, 60_000);

    it('uploads a file in parts with an API key, lists it and downloads it whole and by range', async () => {
      const base = runPath('alice', 'vision', 'r1');
      const data = bytes(partSize * 2 + 500, 1);
      const done = await upload(aliceKey, base, 'checkpoints/model.bin', data);
      expect(done.status).toBe(200);
      expect(done.json.file).toMatchObject({
        path: 'checkpoints/model.bin',
        size: data.length,
        sha256: sha(data),
      });

      const listed = await api(alice, 'GET', `${base}/files`);
      expect(listed.json.files).toEqual([
        expect.objectContaining({ path: 'checkpoints/model.bin', size: data.length }),
      ]);
      const url = listed.json.files[0].downloadUrl as string;
      expect(url).toBe(`${base}/files/by-path/checkpoints/model.bin`);

      const whole = await api(alice, 'GET', url);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-length')).toBe(String(data.length));
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect(whole.raw.equals(data)).toBe(true);

      const range = await api(alice, 'GET', url, undefined, { range: 'bytes=4000-4199' });
      expect(range.status).toBe(206);
      expect(range.headers.get('content-range')).toBe(`bytes 4000-4199/${data.length}`);
      expect(range.raw.equals(data.subarray(4000, 4200))).toBe(true);
      const suffix = await api(alice, 'GET', url, undefined, { range: 'bytes=-10' });
      expect(suffix.raw.equals(data.subarray(data.length - 10))).toBe(true);
      const beyond = await api(alice, 'GET', url, undefined, { range: `bytes=${data.length}-` });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get('content-range')).toBe(`bytes */${data.length}`);

      expect(await usage('alice')).toMatchObject({ usedBytes: data.length });
    });

    it('resumes after a part was cut off mid-transfer, sending only what is missing', async () => {
      const base = runPath('alice', 'vision', 'r2');
      const data = bytes(partSize * 3 - 7, 2);
      const body = { path: 'big.bin', size: data.length, sha256: sha(data) };
      const first = await api(aliceKey, 'POST', `${base}/files/uploads`, body);
      expect(first.json).toMatchObject({
        status: 'pending',
        partSize,
        partCount: 3,
        receivedParts: [],
      });
      const { uploadId } = first.json;
      const partUrl = (n: number) => `${server.url}${base}/files/uploads/${uploadId}/parts/${n}`;
      await api(
        aliceKey,
        'PUT',
        `${base}/files/uploads/${uploadId}/parts/1`,
        data.subarray(0, partSize),
      );

      // Part 2's connection dies after 1000 of its 4096 bytes.
      const broken = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(data.subarray(partSize, partSize + 1000)));
          setTimeout(() => controller.error(new Error('network cable pulled')), 50);
        },
      });
      await expect(
        fetch(partUrl(2), {
          method: 'PUT',
          headers: { authorization: (aliceKey as { authorization: string }).authorization },
          body: broken,
          duplex: 'half',
        } as RequestInit),
      ).rejects.toThrow();

      // Completing now names what is missing; asking again tells the client where to resume.
      const early = await api(aliceKey, 'POST', `${base}/files/uploads/${uploadId}/complete`);
      expect(early.status).toBe(400);
      expect(early.json.error.message).toMatch(/Parts not received yet: 2, 3/);
      const resumed = await api(aliceKey, 'POST', `${base}/files/uploads`, body);
      expect(resumed.json).toMatchObject({ uploadId, receivedParts: [1] });

      const done = await upload(aliceKey, base, 'big.bin', data);
      expect(done.status).toBe(200);
      const back = await api(alice, 'GET', `${base}/files/by-path/big.bin`);
      expect(back.raw.equals(data)).toBe(true);
    });

    it('refuses a part of the wrong size and a part number out of range', async () => {
      const base = runPath('alice', 'vision', 'r2');
      const data = bytes(partSize + 1, 3);
      const created = await api(aliceKey, 'POST', `${base}/files/uploads`, {
        path: 'odd.bin',
        size: data.length,
        sha256: sha(data),
      });
      const { uploadId } = created.json;
      const short = await api(
        aliceKey,
        'PUT',
        `${base}/files/uploads/${uploadId}/parts/1`,
        data.subarray(0, 100),
      );
      expect(short.status).toBe(400);
      expect(short.json.error.message).toMatch(/part 1 must be exactly 4096 bytes; received 100/);
      const outside = await api(
        aliceKey,
        'PUT',
        `${base}/files/uploads/${uploadId}/parts/3`,
        data.subarray(0, 1),
      );
      expect(outside.status).toBe(400);
      expect(outside.json.error.fields[0].field).toBe('partNumber');
    });

    it('counts the same content once per entity: a second run needs no bytes, another entity does', async () => {
      const data = bytes(6000, 4);
      const before = (await usage('alice')).usedBytes;
      expect(
        (await upload(aliceKey, runPath('alice', 'vision', 'r1'), 'data.csv', data)).status,
      ).toBe(200);
      const second = await api(
        aliceKey,
        'POST',
        `${runPath('alice', 'vision', 'r2')}/files/uploads`,
        {
          path: 'copy/data.csv',
          size: data.length,
          sha256: sha(data),
        },
      );
      expect(second.json.status).toBe('complete');
      expect(second.json.file).toMatchObject({ path: 'copy/data.csv', size: 6000 });
      expect((await usage('alice')).usedBytes).toBe(before + 6000);

      // Another entity must prove it has the bytes; the store still keeps one copy.
      const team = await api(
        aliceKey,
        'POST',
        `${runPath('acme', 'shared', 'admin-run')}/files/uploads`,
        {
          path: 'data.csv',
          size: data.length,
          sha256: sha(data),
        },
      );
      expect(team.json.status).toBe('pending');
      expect(
        (await upload(aliceKey, runPath('acme', 'shared', 'admin-run'), 'data.csv', data)).status,
      ).toBe(200);
      expect((await usage('acme')).usedBytes).toBe(6000);
      expect((await usage('alice')).usedBytes).toBe(before + 6000);
    });

    it('rejects content that does not match its sha256 and stores nothing', async () => {
      const base = runPath('alice', 'vision', 'r1');
      const data = bytes(5000, 5);
      const claimed = sha(bytes(5000, 6));
      const before = await usage('alice');
      const created = await api(aliceKey, 'POST', `${base}/files/uploads`, {
        path: 'liar.bin',
        size: data.length,
        sha256: claimed,
      });
      const { uploadId } = created.json;
      await api(
        aliceKey,
        'PUT',
        `${base}/files/uploads/${uploadId}/parts/1`,
        data.subarray(0, partSize),
      );
      await api(
        aliceKey,
        'PUT',
        `${base}/files/uploads/${uploadId}/parts/2`,
        data.subarray(partSize),
      );
      const completed = await api(aliceKey, 'POST', `${base}/files/uploads/${uploadId}/complete`);
      expect(completed.status).toBe(400);
      expect(completed.json.error).toMatchObject({ code: 'BAD_INPUT' });
      expect(completed.json.error.message).toMatch(/sha256 is .*nothing was stored/);
      expect(completed.json.error.fields).toEqual([
        { field: 'sha256', message: expect.any(String) },
      ]);

      const { getPrisma } = await import('@/lib/db/prisma');
      expect(await getPrisma().runFile.count({ where: { path: 'liar.bin' } })).toBe(0);
      expect(
        await getPrisma().blob.count({ where: { sha256: { in: [claimed, sha(data)] } } }),
      ).toBe(0);
      expect(await storeHas(claimed)).toBe(false);
      expect(await storeHas(sha(data))).toBe(false);
      expect(await usage('alice')).toEqual(before);
      // The upload is over: its id no longer takes parts.
      const again = await api(
        aliceKey,
        'PUT',
        `${base}/files/uploads/${uploadId}/parts/1`,
        data.subarray(0, partSize),
      );
      expect(again.status).toBe(404);
    });

    it('rejects an upload past the storage limit before any byte is stored', async () => {
      const { getPrisma } = await import('@/lib/db/prisma');
      const entity = await getPrisma().entity.findUniqueOrThrow({ where: { name: 'alice' } });
      const { usedBytes } = await usage('alice');
      await getPrisma().entityStorage.update({
        where: { entityId: entity.id },
        data: { limitBytes: usedBytes + 1000 },
      });
      const data = bytes(2000, 7);
      const uploadsBefore = await getPrisma().uploadSession.count();
      const refused = await api(
        aliceKey,
        'POST',
        `${runPath('alice', 'vision', 'r1')}/files/uploads`,
        {
          path: 'too-big.bin',
          size: data.length,
          sha256: sha(data),
        },
      );
      expect(refused.status).toBe(413);
      expect(refused.json.error.code).toBe('QUOTA_EXCEEDED');
      expect(refused.json.error.message).toMatch(
        /Storage limit reached for "alice": .* used of .*raise the limit/,
      );
      expect(await getPrisma().uploadSession.count()).toBe(uploadsBefore);
      expect(await storeHas(sha(data))).toBe(false);

      // Content the entity already holds costs nothing, so it still goes through.
      const listed = await api(alice, 'GET', `${runPath('alice', 'vision', 'r1')}/files`);
      const held = listed.json.files.find((f: { path: string }) => f.path === 'data.csv');
      const free = await api(
        aliceKey,
        'POST',
        `${runPath('alice', 'vision', 'r1')}/files/uploads`,
        {
          path: 'again.csv',
          size: held.size,
          sha256: held.sha256,
        },
      );
      expect(free.json.status).toBe('complete');
      await getPrisma().entityStorage.update({
        where: { entityId: entity.id },
        data: { limitBytes: null },
      });
    });

    it('replaces a path saved again and gives the old bytes back', async () => {
      const base = runPath('alice', 'vision', 'r2');
      const before = (await usage('alice')).usedBytes;
      await upload(aliceKey, base, 'notes.txt', Buffer.from('first version'));
      await upload(aliceKey, base, 'notes.txt', Buffer.from('second, longer version'));
      const files = (await api(alice, 'GET', `${base}/files`)).json.files.filter(
        (f: { path: string }) => f.path === 'notes.txt',
      );
      expect(files).toHaveLength(1);
      expect(files[0].size).toBe('second, longer version'.length);
      expect((await usage('alice')).usedBytes).toBe(before + 'second, longer version'.length);
      const back = await api(alice, 'GET', files[0].downloadUrl);
      expect(back.raw.toString()).toBe('second, longer version');
    });

    it('lets view-only members read but not delete, members delete only their own runs’ files', async () => {
      const adminRun = runPath('acme', 'shared', 'admin-run');
      const bobRun = runPath('acme', 'shared', 'bob-run');
      expect((await upload(bob, bobRun, 'bob.txt', Buffer.from('bob'))).status).toBe(200);

      const seen = await api(vera, 'GET', `${adminRun}/files`);
      expect(seen.status).toBe(200);
      expect(seen.json.files.map((f: { path: string }) => f.path)).toEqual(['data.csv']);
      expect((await api(vera, 'GET', `${adminRun}/files/by-path/data.csv`)).status).toBe(200);
      const veraDelete = await api(vera, 'DELETE', `${adminRun}/files/by-path/data.csv`);
      expect(veraDelete.status).toBe(403);
      expect(veraDelete.json.error.code).toBe('FORBIDDEN');
      const veraUpload = await api(vera, 'POST', `${adminRun}/files/uploads`, {
        path: 'x',
        size: 1,
        sha256: sha(Buffer.from('x')),
      });
      expect(veraUpload.status).toBe(403);

      expect((await api(bob, 'DELETE', `${adminRun}/files/by-path/data.csv`)).status).toBe(403);
      expect((await api(bob, 'DELETE', `${bobRun}/files/by-path/bob.txt`)).status).toBe(200);
      expect((await api(alice, 'DELETE', `${adminRun}/files/by-path/data.csv`)).status).toBe(200);
      expect((await usage('acme')).usedBytes).toBe(0);
      expect((await api(alice, 'GET', `${adminRun}/files/by-path/data.csv`)).status).toBe(404);
    });

    it('serves Run.files and storage usage through GraphQL', async () => {
      const { graphql } = await import('./graphql');
      const result = await graphql<{
        run: { files: { path: string; size: number; sha256: string; downloadUrl: string }[] };
        storageUsage: { usedBytes: number; limitBytes: number };
      }>(
        `
          query {
            run(entity: "alice", project: "vision", id: "r1") {
              files {
                path
                size
                sha256
                updatedAt
                downloadUrl
              }
            }
            storageUsage(entity: "alice") {
              usedBytes
              limitBytes
            }
          }
        `,
        {},
        alice,
      );
      expect(result.errors).toBeUndefined();
      const paths = result.data!.run.files.map((f) => f.path);
      expect(paths).toEqual([...paths].sort());
      expect(paths).toContain('checkpoints/model.bin');
      const model = result.data!.run.files.find((f) => f.path === 'checkpoints/model.bin')!;
      expect(model.downloadUrl).toBe(
        '/api/v1/runs/alice/vision/r1/files/by-path/checkpoints/model.bin',
      );
      expect(result.data!.storageUsage).toEqual({
        usedBytes: (await usage('alice')).usedBytes,
        limitBytes: 100 * 1000 ** 3,
      });
      const teamUsage = await graphql(
        `
          {
            storageUsage(entity: "acme") {
              usedBytes
            }
          }
        `,
        {},
        bob,
      );
      expect(teamUsage.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const otherUser = await graphql(
        `
          {
            storageUsage(entity: "alice") {
              usedBytes
            }
          }
        `,
        {},
        mallory,
      );
      expect(otherUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('breaks usage down by project and run, largest first or by name', async () => {
      const { getPrisma } = await import('@/lib/db/prisma');
      const { readUsageBreakdown } = await import('@/lib/storage/usage-breakdown');
      const user = await getPrisma().user.findUniqueOrThrow({ where: { username: 'alice' } });
      const actor = {
        kind: 'user' as const,
        userId: user.id,
        username: 'alice',
        isSystemAdmin: false,
        via: 'session' as const,
      };
      const bySize = await readUsageBreakdown(actor, 'alice');
      const files = await getPrisma().runFile.findMany({ where: { entityId: user.entityId } });
      const total = files.reduce((sum, f) => sum + Number(f.size), 0);
      expect(bySize.projects).toEqual([
        { name: 'vision', href: '/alice/vision', bytes: total, files: files.length },
      ]);
      expect(bySize.runs.map((r) => r.bytes)).toEqual(
        [...bySize.runs.map((r) => r.bytes)].sort((a, b) => b - a),
      );
      expect(bySize.runs.reduce((sum, r) => sum + r.bytes, 0)).toBe(total);
      const byName = await readUsageBreakdown(actor, 'alice', 'name');
      expect(byName.runs.map((r) => r.name)).toEqual(['vision/r1', 'vision/r2']);
      // The deduplicated total is below the per-run sum: data.csv is held by two runs.
      expect(byName.usedBytes).toBeLessThan(total);
    });

    it("hides another user's private project", async () => {
      const base = runPath('alice', 'vision', 'r1');
      const listed = await api(mallory, 'GET', `${base}/files`);
      expect(listed.status).toBe(404);
      expect((await api(mallory, 'GET', `${base}/files/by-path/data.csv`)).status).toBe(404);
      expect((await api(mallory, 'DELETE', `${base}/files/by-path/data.csv`)).status).toBe(404);
      expect((await api(undefined, 'GET', `${base}/files`)).status).toBe(401);
    });

    it('rejects bad paths and sizes naming the field', async () => {
      const base = runPath('alice', 'vision', 'r1');
      for (const [body, field] of [
        [{ path: '../etc/passwd', size: 1, sha256: 'a'.repeat(64) }, 'path'],
        [{ path: '/abs', size: 1, sha256: 'a'.repeat(64) }, 'path'],
        [{ path: 'ok', size: -1, sha256: 'a'.repeat(64) }, 'size'],
        [{ path: 'ok', size: 1, sha256: 'xyz' }, 'sha256'],
      ] as const) {
        const refused = await api(aliceKey, 'POST', `${base}/files/uploads`, body);
        expect(refused.status).toBe(400);
        expect(refused.json.error.fields[0].field).toBe(field);
      }
    });

    it('releases usage when runs and projects are deleted, and reconciles to the same figures', async () => {
      const { getPrisma } = await import('@/lib/db/prisma');
      const prisma = getPrisma();
      await upload(bob, runPath('acme', 'shared', 'bob-run'), 'keep.bin', bytes(3000, 9));
      expect((await usage('acme')).usedBytes).toBe(3000);
      await prisma.run.deleteMany({ where: { runId: 'bob-run' } });
      expect((await usage('acme')).usedBytes).toBe(0);

      const r1Files = await prisma.runFile.count({ where: { run: { runId: 'r1' } } });
      expect(r1Files).toBeGreaterThan(0);
      await prisma.project.deleteMany({ where: { name: 'vision' } });
      expect(await usage('alice')).toMatchObject({ usedBytes: 0 });
      expect(await prisma.entityBlob.count()).toBe(0);

      const { reconcileStorageUsage } = await import('@/lib/storage/usage');
      await reconcileStorageUsage();
      expect((await usage('alice')).usedBytes).toBe(0);
    });
  });
}
