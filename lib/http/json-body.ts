import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { AppError } from '../errors';

const gunzipAsync = promisify(gunzip);

/**
 * Reads a JSON request body, gzip-compressed or not, never holding more than `maxBytes`
 * of compressed or decompressed data (a 1 KB gzip bomb cannot expand into gigabytes here).
 * This sits on the ingest hot path: a body with a Content-Length is read in one piece and
 * decompressed on libuv's thread pool, off the event loop.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (!request.body) throw AppError.badInput('The request has no body');
  const encoding = bodyEncoding(request.headers.get('content-encoding'));
  return decodeJsonBody(await readBody(request, maxBytes), encoding, maxBytes);
}

/** The Content-Encoding of a request body, refused unless we can read it. */
export function bodyEncoding(header: string | null | undefined): 'identity' | 'gzip' {
  const encoding = (header ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw AppError.badInput(
      `Content-Encoding ${encoding} is not supported; send gzip or plain JSON`,
    );
  }
  return encoding;
}

/** Parses a body read in one piece (gunzipped first when it says gzip), within `maxBytes`. */
export async function decodeJsonBody(
  raw: Buffer,
  encoding: 'identity' | 'gzip',
  maxBytes: number,
): Promise<unknown> {
  const body = encoding === 'gzip' ? await decompress(raw, maxBytes) : raw;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw AppError.badInput(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
  );
}

async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  try {
    // Node's HTTP parser stops at the declared length, so one read cannot exceed it.
    if (Number.isInteger(declared)) return Buffer.from(await request.arrayBuffer());
    // Chunked: count as it arrives and stop at the limit.
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = request.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw AppError.badInput(`The request body could not be read: ${(error as Error).message}`);
  }
}

async function decompress(compressed: Buffer, maxBytes: number): Promise<Buffer> {
  try {
    return await gunzipAsync(compressed, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw AppError.badInput(`The request body could not be read: ${(error as Error).message}`);
  }
}
