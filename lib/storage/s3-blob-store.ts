import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import {
  BlobMismatchError,
  type BlobStore,
  type ByteRange,
  type ExpectedBlob,
  type StagedPart,
} from './blob-store';
import { exactSize, hashing } from './stream-checks';

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Key prefix inside the bucket, e.g. `sextant/`. */
  prefix?: string;
}

/** CopyObject copies at most 5 GiB; bigger blobs are copied in ranges of this size. */
const maxSingleCopy = 5 * 1024 ** 3;
const copyPartSize = 1024 ** 3;

/**
 * Blobs in any S3-compatible bucket: `<prefix>blobs/<sha256>`. A staged upload is an S3
 * multipart upload of `<prefix>uploads/<uuid>` (S3 keeps its parts, replaces a part sent
 * again, and lists them for resuming). Completing joins it, reads it back once through a
 * sha256 (S3 offers no sha256 of a multipart object), and copies it server-side to its
 * content address; a mismatch deletes it.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
      // Streams of known length go as they are; the SDK's default CRC32 trailers would make
      // some S3-compatible stores reject them. We verify sha256 ourselves.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private blobKey(sha256: string): string {
    return `${this.prefix}blobs/${sha256}`;
  }

  /** Handle: `<uuid>/<S3 upload id>`; the staging key derives from the uuid. */
  private parse(handle: string): { key: string; uploadId: string } {
    const slash = handle.indexOf('/');
    const uuid = handle.slice(0, slash);
    if (slash !== 36) throw new Error(`not an S3 upload handle: ${handle}`);
    return { key: `${this.prefix}uploads/${uuid}`, uploadId: handle.slice(slash + 1) };
  }

  async createUpload(): Promise<string> {
    const uuid = randomUUID();
    const created = await this.client.send(
      new CreateMultipartUploadCommand({
        Bucket: this.bucket,
        Key: `${this.prefix}uploads/${uuid}`,
      }),
    );
    return `${uuid}/${created.UploadId}`;
  }

  async putPart(handle: string, partNumber: number, body: Readable, size: number): Promise<void> {
    const { key, uploadId } = this.parse(handle);
    await sendChecked(body, size, partNumber, (checked, abortSignal) =>
      this.client.send(
        new UploadPartCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: checked,
          ContentLength: size,
        }),
        { abortSignal },
      ),
    );
  }

  private async listEtags(handle: string): Promise<(StagedPart & { etag: string })[]> {
    const { key, uploadId } = this.parse(handle);
    const parts: (StagedPart & { etag: string })[] = [];
    let marker: string | undefined;
    do {
      const page = await this.client.send(
        new ListPartsCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          PartNumberMarker: marker,
        }),
      );
      for (const part of page.Parts ?? []) {
        parts.push({ partNumber: part.PartNumber!, size: part.Size ?? 0, etag: part.ETag! });
      }
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async listParts(handle: string): Promise<StagedPart[]> {
    try {
      return (await this.listEtags(handle)).map(({ partNumber, size }) => ({ partNumber, size }));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  async completeUpload(
    handle: string,
    expected: ExpectedBlob & { partCount: number },
  ): Promise<void> {
    const { key, uploadId } = this.parse(handle);
    if (expected.partCount === 0) {
      // S3 cannot complete a multipart upload without parts: an empty file is a plain put.
      await this.abortUpload(handle);
      await this.put(emptyStream(), expected);
      return;
    }
    const parts: CompletedPart[] = (await this.listEtags(handle))
      .filter((part) => part.partNumber <= expected.partCount)
      .map((part) => ({ PartNumber: part.partNumber, ETag: part.etag }));
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    try {
      await this.verify(key, expected);
      if (!(await this.has(expected.sha256))) await this.copy(key, expected);
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    }
  }

  /** Reads an object once through sha256. */
  private async verify(key: string, expected: ExpectedBlob): Promise<void> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const hash = hashing();
    const body = object.Body as Readable;
    for await (const chunk of body.pipe(hash)) void chunk;
    const actual = hash.digest();
    if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) {
      throw new BlobMismatchError(expected, actual);
    }
  }

  private async copy(from: string, expected: ExpectedBlob): Promise<void> {
    const source = `${this.bucket}/${encodeURI(from)}`;
    const to = this.blobKey(expected.sha256);
    if (expected.size <= maxSingleCopy) {
      await this.client.send(
        new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: source }),
      );
      return;
    }
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: to }),
    );
    const parts: CompletedPart[] = [];
    for (let start = 0, n = 1; start < expected.size; start += copyPartSize, n++) {
      const end = Math.min(expected.size, start + copyPartSize) - 1;
      const copied = await this.client.send(
        new UploadPartCopyCommand({
          Bucket: this.bucket,
          Key: to,
          UploadId,
          PartNumber: n,
          CopySource: source,
          CopySourceRange: `bytes=${start}-${end}`,
        }),
      );
      parts.push({ PartNumber: n, ETag: copied.CopyPartResult?.ETag });
    }
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: to,
        UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  }

  async abortUpload(handle: string): Promise<void> {
    const { key, uploadId } = this.parse(handle);
    try {
      await this.client.send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }),
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** A whole blob in one request: staged under a temporary key, verified, then copied. */
  async put(body: Readable, expected: ExpectedBlob): Promise<void> {
    const key = `${this.prefix}uploads/${randomUUID()}`;
    await sendChecked(body, expected.size, 1, (checked, abortSignal) =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: checked,
          ContentLength: expected.size,
        }),
        { abortSignal },
      ),
    );
    try {
      await this.verify(key, expected);
      if (!(await this.has(expected.sha256))) await this.copy(key, expected);
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.blobKey(sha256) }),
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const object = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: this.blobKey(sha256),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return object.Body as Readable;
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: this.blobKey(sha256) }),
    );
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.$metadata?.httpStatusCode === 404 ||
    e?.name === 'NotFound' ||
    e?.name === 'NoSuchKey' ||
    e?.name === 'NoSuchUpload'
  );
}

/**
 * Sends a body through a size check. When the check (or the client's stream) fails, the S3
 * client reports a generic aborted request: surface the real reason instead.
 */
async function sendChecked(
  body: Readable,
  size: number,
  partNumber: number,
  send: (checked: Readable, abortSignal: AbortSignal) => Promise<unknown>,
): Promise<void> {
  let streamError: Error | undefined;
  // A body that breaks or ends early would leave the request waiting for the promised
  // Content-Length: abort it at once.
  const abort = new AbortController();
  const fail = (error: Error) => {
    streamError ??= error;
    abort.abort(error);
  };
  const checked = body.pipe(exactSize(size, partNumber));
  body.on('error', (error) => {
    fail(error);
    checked.destroy(error);
  });
  checked.on('error', fail);
  try {
    await send(checked, abort.signal);
  } catch (error) {
    throw streamError ?? error;
  }
  if (streamError) throw streamError;
}

function emptyStream(): Readable {
  return Readable.from([]);
}
