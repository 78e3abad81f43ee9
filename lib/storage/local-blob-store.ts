import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BlobMismatchError,
  type BlobStore,
  type ByteRange,
  type ExpectedBlob,
  type StagedPart,
} from './blob-store';
import { exactSize, hashing } from './stream-checks';

/** Big reads: every chunk crosses web-stream adapters on its way to HTTP, which cost per chunk. */
const chunkSize = 1024 * 1024;

/**
 * Blobs as files under one directory: `<root>/ab/cd/<sha256>`. Staged uploads live in
 * `<root>/.uploads/<handle>/<part>`. Every write goes to a temporary name first and is
 * renamed into place, so a crash or a cut connection never leaves a half-written blob or part.
 */
export class LocalBlobStore implements BlobStore {
  readonly kind = 'local';

  constructor(private readonly root: string) {}

  private blobPath(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private uploadDir(handle: string): string {
    if (!/^[0-9a-f-]{36}$/.test(handle)) throw new Error(`not a local upload handle: ${handle}`);
    return path.join(this.root, '.uploads', handle);
  }

  private tempPath(dir: string): string {
    return path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  }

  async createUpload(): Promise<string> {
    const handle = randomUUID();
    await mkdir(this.uploadDir(handle), { recursive: true });
    return handle;
  }

  async putPart(handle: string, partNumber: number, body: Readable, size: number): Promise<void> {
    const dir = this.uploadDir(handle);
    await mkdir(dir, { recursive: true });
    const temp = this.tempPath(dir);
    try {
      await pipeline(body, exactSize(size, partNumber), createWriteStream(temp));
      // A part sent again replaces the earlier copy in one step.
      await rename(temp, path.join(dir, String(partNumber)));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async listParts(handle: string): Promise<StagedPart[]> {
    const dir = this.uploadDir(handle);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return [];
    }
    const parts = await Promise.all(
      names
        .filter((name) => /^\d+$/.test(name))
        .map(async (name) => ({
          partNumber: Number(name),
          size: (await stat(path.join(dir, name))).size,
        })),
    );
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async completeUpload(
    handle: string,
    expected: ExpectedBlob & { partCount: number },
  ): Promise<void> {
    const dir = this.uploadDir(handle);
    async function* joined() {
      for (let part = 1; part <= expected.partCount; part++) {
        yield* createReadStream(path.join(dir, String(part)), { highWaterMark: chunkSize });
      }
    }
    try {
      await this.store(Readable.from(joined()), expected);
    } finally {
      await this.abortUpload(handle);
    }
  }

  async abortUpload(handle: string): Promise<void> {
    await rm(this.uploadDir(handle), { recursive: true, force: true });
  }

  put(body: Readable, expected: ExpectedBlob): Promise<void> {
    return this.store(body, expected);
  }

  /** Writes to a temporary file while hashing; only a verified file is renamed into place. */
  private async store(body: Readable, expected: ExpectedBlob): Promise<void> {
    const target = this.blobPath(expected.sha256);
    const tempDir = path.join(this.root, '.tmp');
    await mkdir(tempDir, { recursive: true });
    const temp = this.tempPath(tempDir);
    const hash = hashing();
    try {
      await pipeline(body, hash, createWriteStream(temp));
      const actual = hash.digest();
      if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) {
        throw new BlobMismatchError(expected, actual);
      }
      await mkdir(path.dirname(target), { recursive: true });
      // Same name, same bytes: replacing an existing copy is harmless and keeps one.
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.blobPath(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const file = this.blobPath(sha256);
    await stat(file); // a missing blob fails here, not in the middle of a response
    return createReadStream(file, {
      highWaterMark: chunkSize,
      ...(range ? { start: range.start, end: range.end } : {}),
    });
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.blobPath(sha256), { force: true });
  }
}
