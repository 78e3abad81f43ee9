import { Readable } from 'node:stream';
import { AppError } from '../errors';
import { PartSizeError, partCountOf, partSizeOf } from './blob-store';
import { blobStoreAt } from './connectors/connector-stores';

/** What a resumable upload (a run file or an artifact blob) knows about its staged parts. */
export interface StagedUpload {
  storeUploadId: string;
  partSize: number;
  /** The store the upload was started in (null: the instance store). */
  storageConnectorId: string | null;
}

/** Stores one part, streamed from the request body. Sending a part again replaces it. */
export async function storeUploadPart(
  session: StagedUpload,
  size: number,
  partNumberText: string,
  body: ReadableStream<Uint8Array> | null,
): Promise<{ partNumber: number; size: number }> {
  const partCount = partCountOf(size, session.partSize);
  const partNumber = Number(partNumberText);
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > partCount) {
    throw AppError.badInput(`part number must be between 1 and ${partCount}`, [
      { field: 'partNumber', message: `must be between 1 and ${partCount}` },
    ]);
  }
  if (!body) throw AppError.badInput('The request has no body');
  const expected = partSizeOf(size, session.partSize, partNumber);
  try {
    await (
      await blobStoreAt(session.storageConnectorId)
    ).putPart(
      session.storeUploadId,
      partNumber,
      Readable.fromWeb(body as import('node:stream/web').ReadableStream),
      expected,
    );
  } catch (error) {
    if (error instanceof PartSizeError) {
      throw AppError.badInput(error.message, [{ field: 'body', message: error.message }]);
    }
    // The client went away mid-part (a dropped connection): nothing of the part was kept.
    if (
      (error as NodeJS.ErrnoException).code === 'ECONNRESET' ||
      (error as Error).message === 'aborted'
    ) {
      throw AppError.badInput(`part ${partNumber} was cut off before its end; send it again`);
    }
    throw error;
  }
  return { partNumber, size: expected };
}

/** Refuses to complete an upload until every part is stored at its exact size; returns the count. */
export async function assertAllPartsReceived(session: StagedUpload, size: number): Promise<number> {
  const partCount = partCountOf(size, session.partSize);
  const store = await blobStoreAt(session.storageConnectorId);
  const parts = await store.listParts(session.storeUploadId);
  const received = new Set(
    parts
      .filter((p) => p.size === partSizeOf(size, session.partSize, p.partNumber))
      .map((p) => p.partNumber),
  );
  const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter(
    (n) => !received.has(n),
  );
  if (missing.length) {
    throw AppError.badInput(
      `Parts not received yet: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`,
      [{ field: 'parts', message: `missing ${missing.length} of ${partCount}` }],
    );
  }
  return partCount;
}
