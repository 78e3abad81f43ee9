import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type ReceivedEmail } from '../helpers/smtp';
import { addMember, createTeamVia } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

/**
 * Usage warnings (80% / 100%, once per crossing) and the storage cron's cleanup, through the
 * real upload services, the local blob store, Postgres and a real SMTP server.
 */
const smtp = await startSmtpServer();
process.env.AUTH_SECRET = testAuthSecret;
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = 'http://sextant.test';
process.env.LOG_LEVEL = 'silent';
process.env.CRON_SECRET = 'cron-secret-for-the-storage-test';
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-storage-cron-'));
process.env.STORAGE_PART_SIZE_BYTES = '65536';

const { getPrisma } = await import('@/lib/db/prisma');
const { getBlobStore } = await import('@/lib/storage');
const { createUpload, putUploadPart, completeUpload } = await import('@/lib/files/uploads');
const { runStorageCleanup } = await import('@/lib/storage/cleanup');
const { deleteStoredItem } = await import('@/lib/storage/delete-stored-item');
const { getStorageUsage } = await import('@/lib/storage/usage');
const { readUsageBreakdown } = await import('@/lib/storage/usage-breakdown');

afterAll(() => smtp.stop());

type Person = Awaited<ReturnType<typeof createVerifiedUser>>;
type Actor = {
  kind: 'user';
  userId: string;
  username: string;
  isSystemAdmin: false;
  via: 'session';
};
const actorOf = (p: Person): Actor => ({
  kind: 'user',
  userId: p.user.id,
  username: p.user.username,
  isSystemAdmin: false,
  via: 'session',
});
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
let seed = 0;
const bytes = (size: number) => {
  seed++;
  return Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed * 17) & 0xff));
};

/** Saves a run file through the upload services (create → part → complete). */
async function save(actor: Actor, target: RunTarget, filePath: string, data: Buffer) {
  const state = await createUpload(actor, target, {
    path: filePath,
    size: data.length,
    sha256: sha(data),
  });
  if (state.status === 'complete') return;
  await putUploadPart(
    actor,
    target,
    state.uploadId,
    '1',
    Readable.toWeb(Readable.from(data)) as ReadableStream<Uint8Array>,
  );
  await completeUpload(actor, target, state.uploadId);
}
type RunTarget = { entity: string; project: string; run: string };

async function makeRun(entityName: string, createdById: string, project: string, runId: string) {
  const prisma = getPrisma();
  const entity = await prisma.entity.findUniqueOrThrow({ where: { name: entityName } });
  const p = await prisma.project.upsert({
    where: { entityId_name: { entityId: entity.id, name: project } },
    create: { entityId: entity.id, name: project, createdById },
    update: {},
  });
  await prisma.run.create({ data: { projectId: p.id, runId, displayName: runId, createdById } });
  return { entity: entityName, project, run: runId, entityId: entity.id };
}

async function setLimit(entityId: string, limitBytes: number) {
  await getPrisma().entityStorage.upsert({
    where: { entityId },
    create: { entityId, limitBytes },
    update: { limitBytes },
  });
}

const warningsTo = (address: string) =>
  smtp.messages.filter(
    (m: ReceivedEmail) => m.envelope.to.includes(address) && /storage/.test(m.subject ?? ''),
  );

let ada: Person; // personal user, then team admin
let mia: Person; // team member

beforeAll(async () => {
  ada = await createVerifiedUser('ada');
  mia = await createVerifiedUser('mia');
  await createTeamVia(ada.session, 'lab', { newOrganizationName: 'Lab org' });
  await addMember('lab', mia.user.id, 'MEMBER');
});

describe('usage warnings', () => {
  it('warns once at 80%, not again above it, again after dropping below, and at 100%', async () => {
    const run = await makeRun('ada', ada.user.id, 'vision', 'r1');
    await setLimit(run.entityId, 10_000);
    const me = actorOf(ada);

    await save(me, run, 'a.bin', bytes(7_000)); // 70%
    expect(warningsTo('ada@example.com')).toHaveLength(0);
    await save(me, run, 'b.bin', bytes(1_000)); // 80%: crossing
    const first = await smtp.waitForMessage(
      (m) => m.envelope.to.includes('ada@example.com') && /storage/.test(m.subject ?? ''),
    );
    expect(first.subject).toContain('80%');
    expect(first.text).toContain('8.00 KB of 10.0 KB');
    expect(first.text).toContain('http://sextant.test/settings/storage');
    expect(first.text).toMatch(/delete run files or artifact versions/i);
    await save(me, run, 'c.bin', bytes(500)); // 85%: still above, no second email
    expect(warningsTo('ada@example.com')).toHaveLength(1);
    expect(
      (await getPrisma().entityStorage.findUniqueOrThrow({ where: { entityId: run.entityId } }))
        .warnedPercent,
    ).toBe(80);

    // Dropping below through the storage page's delete resets the mark and releases usage.
    await deleteStoredItem(me, { kind: 'file', ...run, path: 'a.bin' });
    expect((await getStorageUsage(run.entityId)).usedBytes).toBe(1_500);
    expect(
      (await getPrisma().entityStorage.findUniqueOrThrow({ where: { entityId: run.entityId } }))
        .warnedPercent,
    ).toBe(0);

    await save(me, run, 'd.bin', bytes(6_600)); // 81%: crossing again
    await expect.poll(() => warningsTo('ada@example.com').length).toBe(2);

    await save(me, run, 'e.bin', bytes(1_900)); // exactly 100%
    await expect.poll(() => warningsTo('ada@example.com').length).toBe(3);
    const full = warningsTo('ada@example.com')[2]!;
    expect(full.subject).toMatch(/reached its storage limit/);
    expect(full.text).toContain('10.0 KB of 10.0 KB');
  });

  it("sends a team's warning to its admins, not to members", async () => {
    const run = await makeRun('lab', mia.user.id, 'data', 't1');
    await setLimit(run.entityId, 10_000);
    const before = warningsTo('ada@example.com').length;
    await save(actorOf(mia), run, 'big.bin', bytes(9_000));
    await expect.poll(() => warningsTo('ada@example.com').length).toBe(before + 1);
    const mail = warningsTo('ada@example.com').at(-1)!;
    expect(mail.subject).toContain('Team lab');
    expect(mail.text).toContain('http://sextant.test/teams/lab/settings/usage');
    expect(warningsTo('mia@example.com')).toHaveLength(0);
  });

  it('the cron resets a mark that deletes elsewhere (cascades) left behind', async () => {
    const lab = await getPrisma().entity.findUniqueOrThrow({ where: { name: 'lab' } });
    await getPrisma().run.deleteMany({ where: { project: { entityId: lab.id } } });
    expect((await getStorageUsage(lab.id)).usedBytes).toBe(0);
    const report = await runStorageCleanup();
    expect(report.warnings.reset).toBeGreaterThanOrEqual(1);
    expect(
      (await getPrisma().entityStorage.findUniqueOrThrow({ where: { entityId: lab.id } }))
        .warnedPercent,
    ).toBe(0);
  });
});

describe('cleanup', () => {
  const day = 24 * 3600 * 1000;

  /** Stores bytes and a Blob row claimed at `claimedAt`, referenced by nothing. */
  async function orphan(size: number, claimedAt: Date) {
    const data = bytes(size);
    const digest = sha(data);
    await getBlobStore().put(Readable.from(data), { sha256: digest, size });
    await getPrisma().blob.create({ data: { sha256: digest, size, createdAt: claimedAt } });
    return digest;
  }

  it('deletes only unreferenced blobs older than the grace, never run or artifact files', async () => {
    const prisma = getPrisma();
    const old = new Date(Date.now() - 3 * day);
    const stale = await orphan(100, old);
    const fresh = await orphan(100, new Date());

    // Run file and artifact file references, with old grace clocks.
    const run = await makeRun('ada', ada.user.id, 'vision', 'r-clean');
    await setLimit(run.entityId, 10_000_000);
    const runData = bytes(300);
    await save(actorOf(ada), run, 'kept.bin', runData);
    const artData = bytes(200);
    const artSha = sha(artData);
    await getBlobStore().put(Readable.from(artData), { sha256: artSha, size: 200 });
    const project = await prisma.project.findFirstOrThrow({ where: { name: 'vision' } });
    const artifact = await prisma.artifact.create({
      data: { projectId: project.id, name: 'ds', type: 'dataset' },
    });
    await prisma.artifactVersion.create({
      data: {
        artifactId: artifact.id,
        version: 0,
        digest: 'd0',
        size: 200,
        fileCount: 1,
        files: { create: { entityId: run.entityId, path: 'x.bin', sha256: artSha, size: 200 } },
      },
    });
    await prisma.blob.create({ data: { sha256: artSha, size: 200, createdAt: old } });
    await prisma.blob.updateMany({ data: { createdAt: old }, where: { sha256: sha(runData) } });

    const report = await runStorageCleanup();
    expect(report.errors).toEqual([]);
    const store = getBlobStore();
    expect(await store.has(stale)).toBe(false);
    expect(await prisma.blob.findUnique({ where: { sha256: stale } })).toBeNull();
    expect(await store.has(fresh)).toBe(true);
    expect(await store.has(sha(runData))).toBe(true);
    expect(await store.has(artSha)).toBe(true);
    expect(await prisma.blob.count({ where: { sha256: { in: [sha(runData), artSha] } } })).toBe(2);

    // With the clock two days on, the fresh orphan's grace is over too.
    const later = await runStorageCleanup({ now: new Date(Date.now() + 2 * day) });
    expect(later.blobsDeleted).toBeGreaterThanOrEqual(1);
    expect(await store.has(fresh)).toBe(false);
    expect(await store.has(sha(runData))).toBe(true);
    expect(await store.has(artSha)).toBe(true);
  });

  it('drops expired upload sessions and their staged parts', async () => {
    const run = await makeRun('ada', ada.user.id, 'vision', 'r-expire');
    await setLimit(run.entityId, 10_000_000);
    const data = bytes(70_000); // two parts
    const state = await createUpload(actorOf(ada), run, {
      path: 'slow.bin',
      size: data.length,
      sha256: sha(data),
    });
    if (state.status !== 'pending') throw new Error('expected a pending upload');
    await putUploadPart(
      actorOf(ada),
      run,
      state.uploadId,
      '1',
      Readable.toWeb(Readable.from(data.subarray(0, 65536))) as ReadableStream<Uint8Array>,
    );
    const session = await getPrisma().uploadSession.findUniqueOrThrow({
      where: { id: state.uploadId },
    });
    expect(await getBlobStore().listParts(session.storeUploadId)).toHaveLength(1);
    const lab = await getPrisma().entity.findUniqueOrThrow({ where: { name: 'lab' } });
    const artifactUpload = await getPrisma().artifactUpload.create({
      data: {
        entityId: lab.id,
        sha256: 'f'.repeat(64),
        size: 10,
        partSize: 65536,
        storeUploadId: await getBlobStore().createUpload(),
        expiresAt: new Date(Date.now() + 7 * day),
      },
    });

    // Not yet expired: kept.
    expect((await runStorageCleanup()).uploadSessionsExpired).toBe(0);
    const report = await runStorageCleanup({ now: new Date(Date.now() + 8 * day) });
    expect(report.uploadSessionsExpired).toBe(1);
    expect(report.artifactUploadsExpired).toBe(1);
    expect(await getPrisma().uploadSession.findUnique({ where: { id: session.id } })).toBeNull();
    expect(
      await getPrisma().artifactUpload.findUnique({ where: { id: artifactUpload.id } }),
    ).toBeNull();
    expect(await getBlobStore().listParts(session.storeUploadId)).toEqual([]);
  });

  it('is safe to run twice at once: each blob is deleted by exactly one run', async () => {
    const old = new Date(Date.now() - 3 * day);
    const shas = [];
    for (let i = 0; i < 12; i++) shas.push(await orphan(50, old));
    const [a, b] = await Promise.all([
      runStorageCleanup({ batchSize: 8 }),
      runStorageCleanup({ batchSize: 8 }),
    ]);
    expect([...a.errors, ...b.errors]).toEqual([]);
    // SKIP LOCKED: disjoint batches, so together exactly the 12 old orphans, none twice.
    expect(a.blobsDeleted + b.blobsDeleted).toBe(12);
    await runStorageCleanup();
    for (const s of shas) expect(await getBlobStore().has(s)).toBe(false);
    expect(await getPrisma().blob.count({ where: { sha256: { in: shas } } })).toBe(0);
  });

  it('a blob claimed by an upload completing meanwhile is not deleted', async () => {
    // The upload path claims the blob (grace clock → now) before joining its parts: a
    // cleanup starting after that skips it even though nothing references it yet.
    const { claimBlobBeforeUpload } = await import('@/lib/storage/blob-claims');
    const digest = await orphan(64, new Date(Date.now() - 3 * day));
    await claimBlobBeforeUpload(digest);
    await runStorageCleanup();
    expect(await getBlobStore().has(digest)).toBe(true);
  });
});

describe('the cron route', () => {
  it('answers the JSON report with the secret and 401 without', async () => {
    const route = await import('@/app/api/cron/storage/route');
    const denied = await route.GET(new Request('http://sextant.test/api/cron/storage'));
    expect(denied.status).toBe(401);
    const ok = await route.POST(
      new Request('http://sextant.test/api/cron/storage', {
        method: 'POST',
        headers: { authorization: 'Bearer cron-secret-for-the-storage-test' },
      }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      blobsDeleted: expect.any(Number),
      uploadSessionsExpired: 0,
      warnings: { checked: expect.any(Number) },
      errors: [],
    });
  });
});

describe('breakdown', () => {
  it('lists artifacts with versions and bytes next to projects and runs', async () => {
    const breakdown = await readUsageBreakdown(actorOf(ada), 'ada');
    expect(breakdown.artifacts).toEqual([
      expect.objectContaining({ name: 'vision/ds', versions: 1, bytes: 200 }),
    ]);
    expect(breakdown.artifacts[0]!.versionRows[0]).toMatchObject({ label: 'v0', bytes: 200 });
    expect(breakdown.files.length).toBeGreaterThan(0);
    expect(breakdown.files.map((f) => f.bytes)).toEqual(
      [...breakdown.files.map((f) => f.bytes)].sort((x, y) => y - x),
    );
  });
});
