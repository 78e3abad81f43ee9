import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors';

/**
 * Reads a JSON request body, gzip-compressed or not, never holding more than `maxBytes`
 * of decompressed data (a 1 KB gzip bomb cannot expand into gigabytes here).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (!request.body) throw AppError.badInput('The request has no body');
  const encoding = (request.headers.get('content-encoding') ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw AppError.badInput(
      `Content-Encoding ${encoding} is not supported; send gzip or plain JSON`,
    );
  }
  let stream: Readable = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
  if (encoding === 'gzip') stream = stream.pipe(createGunzip());
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
        );
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw AppError.badInput(`The request body could not be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw AppError.badInput(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
