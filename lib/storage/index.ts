import path from 'node:path';
import { getEnv } from '../env';
import type { BlobStore } from './blob-store';
import { LocalBlobStore } from './local-blob-store';
import { S3BlobStore } from './s3-blob-store';

export type { BlobStore } from './blob-store';

let store: BlobStore | undefined;

/**
 * The instance's blob store, chosen by env: S3 when STORAGE_DRIVER=s3 (or S3_BUCKET is set
 * and STORAGE_DRIVER is unset), else `<SEXTANT_DATA_DIR>/blobs`.
 */
export function getBlobStore(): BlobStore {
  store ??= createBlobStore();
  return store;
}

function createBlobStore(): BlobStore {
  const env = getEnv();
  const driver = env.STORAGE_DRIVER ?? (env.S3_BUCKET ? 's3' : 'local');
  if (driver === 'local') {
    return new LocalBlobStore(path.resolve(env.SEXTANT_DATA_DIR, 'blobs'));
  }
  if (!env.S3_BUCKET) {
    throw new Error('STORAGE_DRIVER=s3 needs S3_BUCKET (and usually S3_ENDPOINT and credentials)');
  }
  return new S3BlobStore({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    prefix: env.S3_PREFIX,
  });
}

/** Upload limits from env, read per use so tests can set them. */
export function storageLimits() {
  const env = getEnv();
  return { maxFileBytes: env.STORAGE_MAX_FILE_BYTES, partSize: env.STORAGE_PART_SIZE_BYTES };
}
