import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { PartSizeError } from './blob-store';

/**
 * A pass-through that fails as soon as more than `size` bytes flow, and at the end when
 * fewer did: a part's body can never be silently cut or padded.
 */
export function exactSize(size: number, partNumber: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > size) callback(new PartSizeError(partNumber, size, seen));
      else callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      callback(seen === size ? null : new PartSizeError(partNumber, size, seen));
    },
  });
}

/** A pass-through that hashes and counts what flows, for verifying a blob while it is written. */
export function hashing(): Transform & { digest: () => { sha256: string; size: number } } {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  let digested: string | undefined;
  return Object.assign(transform, {
    digest: () => ({ sha256: (digested ??= hash.digest('hex')), size }),
  });
}
