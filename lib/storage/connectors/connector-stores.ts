import { getPrisma } from '../../db/prisma';
import { getBlobStore, type BlobStore } from '../index';
import { S3BlobStore } from '../s3-blob-store';
import { decryptCredentials } from './credentials-cipher';

/**
 * Blob stores by location: `null` is the instance store (lib/storage/index.ts), any other
 * value a StorageConnector id. A connector row never changes after it is saved (saving again
 * makes a new row), so its store is built once per process; a disabled connector still
 * serves reads of what it stored.
 */
const stores = new Map<string, BlobStore>();

export async function blobStoreAt(storageConnectorId: string | null): Promise<BlobStore> {
  if (!storageConnectorId) return getBlobStore();
  const cached = stores.get(storageConnectorId);
  if (cached) return cached;
  const connector = await getPrisma().storageConnector.findUniqueOrThrow({
    where: { id: storageConnectorId },
  });
  const store = new S3BlobStore({
    endpoint: connector.endpoint,
    bucket: connector.bucket,
    region: connector.region,
    forcePathStyle: connector.forcePathStyle,
    prefix: connector.prefix,
    ...decryptCredentials(connector.credentials),
  });
  stores.set(storageConnectorId, store);
  return store;
}

/** Where new uploads of an entity go: its active connector, or the instance store (null). */
export async function uploadLocationOf(entityId: string): Promise<string | null> {
  const active = await getPrisma().storageConnector.findFirst({
    where: { entityId, disabledAt: null },
    select: { id: true },
  });
  return active?.id ?? null;
}
