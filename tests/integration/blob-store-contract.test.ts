import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '@/lib/storage/blob-store';
import { LocalBlobStore } from '@/lib/storage/local-blob-store';
import { S3BlobStore } from '@/lib/storage/s3-blob-store';
import { startMotoS3 } from '../helpers/moto-s3';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const bytes = (size: number, seed = 1) => {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + seed * 7) & 0xff;
  return data;
};
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
/** A body that sends some bytes, then fails like a dropped connection. */
function brokenBody(data: Buffer): Readable {
  return new Readable({
    read() {
      this.push(data);
      this.destroy(new Error('connection reset'));
    },
  });
}

const partSize = 4096;

/** The same behaviour, whichever store is behind the interface. */
function contract(
  name: string,
  open: () => Promise<{ store: BlobStore; close: () => Promise<void> }>,
) {
  describe(`blob store contract: ${name}`, () => {
    let store: BlobStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    }, 60_000);
    afterAll(() => close());

    it('stores a verified blob by content and reads it whole and by range', async () => {
      const data = bytes(10_000);
      await store.put(Readable.from([data]), { sha256: sha(data), size: data.length });
      expect(await store.has(sha(data))).toBe(true);
      expect((await readAll(await store.read(sha(data)))).equals(data)).toBe(true);
      const range = await readAll(await store.read(sha(data), { start: 100, end: 199 }));
      expect(range.equals(data.subarray(100, 200))).toBe(true);
    });

    it('rejects a put whose bytes do not match the sha256, storing nothing', async () => {
      const data = bytes(5000, 2);
      const claimed = sha(bytes(5000, 3));
      await expect(
        store.put(Readable.from([data]), { sha256: claimed, size: 5000 }),
      ).rejects.toThrow(/sha256/);
      expect(await store.has(claimed)).toBe(false);
      expect(await store.has(sha(data))).toBe(false);
    });

    it('joins parts sent out of order and re-sent after a failure, and lists what arrived', async () => {
      const data = bytes(partSize * 2 + 1000, 4);
      const handle = await store.createUpload();
      const part = (n: number) =>
        data.subarray((n - 1) * partSize, Math.min(data.length, n * partSize));
      await store.putPart(handle, 3, Readable.from([part(3)]), 1000);
      // Part 1's connection drops half way: nothing of it counts as received.
      await expect(
        store.putPart(handle, 1, brokenBody(part(1).subarray(0, 100)), partSize),
      ).rejects.toThrow();
      expect(await store.listParts(handle)).toEqual([{ partNumber: 3, size: 1000 }]);
      await store.putPart(handle, 1, Readable.from([part(1)]), partSize);
      await store.putPart(handle, 2, Readable.from([part(2)]), partSize);
      // Sent again (a retry after a lost answer): the newest copy replaces the first.
      await store.putPart(handle, 2, Readable.from([part(2)]), partSize);
      expect((await store.listParts(handle)).map((p) => p.partNumber)).toEqual([1, 2, 3]);
      await store.completeUpload(handle, { sha256: sha(data), size: data.length, partCount: 3 });
      expect((await readAll(await store.read(sha(data)))).equals(data)).toBe(true);
      expect(await store.listParts(handle)).toEqual([]);
    });

    it('refuses a part longer or shorter than announced', async () => {
      const handle = await store.createUpload();
      await expect(
        store.putPart(handle, 1, Readable.from([bytes(partSize + 1)]), partSize),
      ).rejects.toThrow(/part 1 must be exactly 4096 bytes/);
      await expect(store.putPart(handle, 1, Readable.from([bytes(10)]), partSize)).rejects.toThrow(
        /part 1 must be exactly 4096 bytes; received 10/,
      );
      expect(await store.listParts(handle)).toEqual([]);
      await store.abortUpload(handle);
    });

    it('drops a completed upload whose content does not match, storing nothing', async () => {
      const data = bytes(partSize + 10, 5);
      const claimed = sha(bytes(partSize + 10, 6));
      const handle = await store.createUpload();
      await store.putPart(handle, 1, Readable.from([data.subarray(0, partSize)]), partSize);
      await store.putPart(handle, 2, Readable.from([data.subarray(partSize)]), 10);
      await expect(
        store.completeUpload(handle, { sha256: claimed, size: data.length, partCount: 2 }),
      ).rejects.toThrow(/sha256 is/);
      expect(await store.has(claimed)).toBe(false);
      expect(await store.has(sha(data))).toBe(false);
      expect(await store.listParts(handle)).toEqual([]);
    });

    it('keeps one copy when the same content is uploaded twice, and stores empty files', async () => {
      const data = bytes(3000, 7);
      for (let i = 0; i < 2; i++) {
        const handle = await store.createUpload();
        await store.putPart(handle, 1, Readable.from([data]), data.length);
        await store.completeUpload(handle, { sha256: sha(data), size: data.length, partCount: 1 });
      }
      expect((await readAll(await store.read(sha(data)))).equals(data)).toBe(true);
      const empty = Buffer.alloc(0);
      const handle = await store.createUpload();
      await store.completeUpload(handle, { sha256: sha(empty), size: 0, partCount: 0 });
      expect((await readAll(await store.read(sha(empty)))).length).toBe(0);
      await store.delete(sha(data));
      expect(await store.has(sha(data))).toBe(false);
    });
  });
}

contract('local directory', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-blobs-'));
  return { store: new LocalBlobStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
});

contract('S3 (moto_server)', async () => {
  const s3 = await startMotoS3();
  const store = new S3BlobStore({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    prefix: 'test/',
  });
  return { store, close: s3.stop };
});
