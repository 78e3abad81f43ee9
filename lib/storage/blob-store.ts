import type { Readable } from 'node:stream';

/** Inclusive byte range, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StagedPart {
  partNumber: number;
  size: number;
}

export interface ExpectedBlob {
  sha256: string;
  size: number;
}

/**
 * Where blob bytes live (DESIGN.md §6): a local directory or an S3-compatible bucket.
 * Blobs are addressed by the sha256 of their content, so the same bytes are stored once.
 * Bytes always stream through (never a whole file in memory), and nothing becomes a blob
 * until its sha256 and size were checked against what the client promised.
 *
 * Uploads are staged in numbered parts that may arrive in any order and be sent again after
 * a failure (the newest copy of a part wins); `listParts` tells a resuming client what is
 * already there. `completeUpload` joins and verifies them.
 */
export interface BlobStore {
  /** `local` or `s3`, for logs and benchmarks. */
  readonly kind: string;
  /** Starts a staged upload and returns the store's handle for it. */
  createUpload(): Promise<string>;
  /** Stores one part: exactly `size` bytes, or it throws and keeps nothing of this part. */
  putPart(handle: string, partNumber: number, body: Readable, size: number): Promise<void>;
  /** The parts stored so far, in part order. */
  listParts(handle: string): Promise<StagedPart[]>;
  /**
   * Joins parts 1..partCount into the blob `expected.sha256`, verifying size and sha256 while
   * streaming. On a mismatch it throws a BlobMismatchError and drops the staged upload: nothing
   * is stored. Completing an upload of a blob that already exists verifies and keeps one copy.
   */
  completeUpload(handle: string, expected: ExpectedBlob & { partCount: number }): Promise<void>;
  /** Drops a staged upload and its parts (idempotent). */
  abortUpload(handle: string): Promise<void>;
  /** Stores a whole stream as one blob, verified like `completeUpload`. */
  put(body: Readable, expected: ExpectedBlob): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** Streams a blob, or one byte range of it. */
  read(sha256: string, range?: ByteRange): Promise<Readable>;
  /** Removes a blob (idempotent); callers make sure nothing references it. */
  delete(sha256: string): Promise<void>;
}

/** The bytes did not match the promised sha256 or size. */
export class BlobMismatchError extends Error {
  constructor(
    readonly expected: ExpectedBlob,
    readonly actual: ExpectedBlob,
  ) {
    super(
      actual.size !== expected.size
        ? `received ${actual.size} bytes, expected ${expected.size}`
        : `the content's sha256 is ${actual.sha256}, expected ${expected.sha256}`,
    );
    this.name = 'BlobMismatchError';
  }
}

/** A part's body was longer or shorter than announced. */
export class PartSizeError extends Error {
  constructor(
    readonly partNumber: number,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `part ${partNumber} must be exactly ${expected} bytes; received ${actual > expected ? `more than ${expected}` : actual}`,
    );
    this.name = 'PartSizeError';
  }
}

export const sha256Pattern = /^[0-9a-f]{64}$/;

/** Part numbers 1..partCount of an upload of `size` bytes. An empty file has none. */
export function partCountOf(size: number, partSize: number): number {
  return Math.ceil(size / partSize);
}

/** The exact size part `partNumber` must have. */
export function partSizeOf(size: number, partSize: number, partNumber: number): number {
  const count = partCountOf(size, partSize);
  return partNumber < count ? partSize : size - partSize * (count - 1);
}
